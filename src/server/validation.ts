/**
 * Request validation against the OpenAPI description (gen/client-api.document.ts), compiled with
 * ajv once per process. Every operation of the document becomes an {@link Operation}: its path
 * template, whether it needs a bearer token, and validators for its parameters and body that answer
 * a list of {@link Issue}s (empty when the input is fine).
 *
 * @module
 */
import { document } from "../../gen/client-api.document.ts";
import { addFormats, Ajv2020, type ErrorObject, type ValidateFunction } from "./deps.ts";

/** One rejected input, as it appears in a problem's `invalid_parameters`. */
export interface Issue {
  /** Where the input is: a parameter name, or `body` plus a dotted path (`body.properties.ttl`). */
  name: string;
  /** Why it was rejected. */
  reason: string;
}

/** An operation of the API, ready to validate requests. */
export interface Operation {
  /** The document's `operationId`, which names the handler. */
  id: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template with `{name}` placeholders, e.g. `/v0.3/conversations/{conversation_id}`. */
  path: string;
  /** Names of the query parameters it declares (the others are path parameters). */
  queryNames: string[];
  /** Whether the operation may be called without a bearer token. */
  authOptional: boolean;
  /** Whether the operation takes a JSON body. */
  hasBody: boolean;
  /**
   * Checks path and query parameters (merged into one object, which is coerced in place: `"10"`
   * becomes `10` where the schema says integer).
   */
  checkParams(params: Record<string, unknown>): Issue[];
  /** Checks a parsed JSON body. */
  checkBody(body: unknown): Issue[];
}

const SCHEMA_ID = "urn:parley:client-api";
const METHODS = ["get", "put", "post", "patch", "delete"] as const;

type Json = Record<string, unknown>;

let compiled: Operation[] | undefined;
let bodyAjv: Ajv2020 | undefined;

/** Every operation of the API, compiled on first use and shared by all servers of the process. */
export function operations(): Operation[] {
  compiled ??= compile();
  return compiled;
}

/** A checker for one schema of `components.schemas`, for checks a handler makes itself. */
export function componentChecker(name: string, prefix = "body"): (value: unknown) => Issue[] {
  return issuesOf(bodies().compile({ $ref: `${SCHEMA_ID}#/components/schemas/${name}` }), prefix);
}

/** The ajv instance for bodies, holding the document's schemas. Bodies are checked as sent, uncoerced. */
function bodies(): Ajv2020 {
  if (!bodyAjv) {
    bodyAjv = newAjv(false);
    bodyAjv.addSchema({
      $id: SCHEMA_ID,
      components: { schemas: forAjv((document.components as Json).schemas) },
    });
  }
  return bodyAjv;
}

function compile(): Operation[] {
  const parameters = (document.components as Json).parameters as Record<string, Json>;
  // Parameters arrive as strings and are coerced to their declared types.
  const params = newAjv(true);

  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const declared = ((op.parameters ?? []) as Json[]).map((p) => resolveParameter(p, parameters));
      const paramsSchema = {
        type: "object",
        properties: Object.fromEntries(declared.map((p) => [p.name, p.schema])),
        required: declared.filter((p) => p.required).map((p) => p.name),
      };
      const checkLiterals = literalChecker(declared);
      const checkTypes = issuesOf(params.compile(paramsSchema), "");
      const checkParams = (values: Record<string, unknown>) => {
        const issues = checkLiterals(values);
        return issues.length > 0 ? issues : checkTypes(values);
      };
      const bodySchema = ((op.requestBody as Json | undefined)?.content as Json | undefined)
        ?.["application/json"] as
          | Json
          | undefined;
      const checkBody = bodySchema
        ? bodyChecker(op.operationId as string, (bodySchema.schema as Json).$ref as string)
        : () => [];
      const security = op.security as Json[] | undefined;
      out.push({
        id: op.operationId as string,
        method: method.toUpperCase(),
        path,
        queryNames: declared.filter((p) => p.in === "query").map((p) => p.name),
        authOptional: security?.some((s) => Object.keys(s).length === 0) ?? false,
        hasBody: bodySchema !== undefined,
        checkParams,
        checkBody,
      });
    }
  }
  return out;
}

/**
 * The body checker of one operation. `createEvent`'s body is a union of the discriminated known types
 * and the pattern-matched custom ones; checking both branches would report the failures of the branch
 * the client did not mean, so the `type` prefix picks the branch first (the YAML keeps them disjoint).
 */
function bodyChecker(operationId: string, ref: string): (body: unknown) => Issue[] {
  if (operationId === "createEvent") {
    const known = componentChecker("KnownCreateEventRequest");
    const custom = componentChecker("CreateCustomEventRequest");
    return (body) => {
      const type = (body as Json | null)?.type;
      return typeof type === "string" && type.startsWith("custom:") ? custom(body) : known(body);
    };
  }
  return issuesOf(bodies().compile({ $ref: absolute(ref) }), "body");
}

function newAjv(coerceTypes: boolean): Ajv2020 {
  // verbose: discriminator errors need their schema to list the allowed tag values.
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    coerceTypes,
    strictTypes: false,
    verbose: true,
  });
  // Keywords of the OpenAPI document that are annotations, not constraints.
  ajv.addVocabulary(["x-known-codes", "example", "components"]);
  // ajv-formats is CommonJS: its default import is the plugin function, which its types do not say.
  (addFormats as unknown as (ajv: Ajv2020) => Ajv2020)(ajv);
  return ajv;
}

function absolute(ref: string): string {
  if (!ref.startsWith("#/components/schemas/")) throw new Error(`unsupported body schema reference ${ref}`);
  return SCHEMA_ID + ref;
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: Json;
}

/** The values a discriminated union accepts for its tag, read from its branches. */
function tagValues(union: Json, tag: string): string[] {
  const schemas = (document.components as Json).schemas as Record<string, Json>;
  return ((union.oneOf ?? []) as Json[]).flatMap((branch) => {
    const ref = branch.$ref as string | undefined;
    const schema = ref ? schemas[ref.slice(ref.lastIndexOf("/") + 1)] : branch;
    const prop = (schema?.properties as Record<string, Json> | undefined)?.[tag];
    return prop?.const !== undefined ? [String(prop.const)] : ((prop?.enum ?? []) as unknown[]).map(String);
  });
}

/**
 * How integers, numbers and booleans must be written in a path or query: ajv would coerce `Infinity`,
 * `1e3`, ` 7` or `0x10` to numbers, and `page_size=Infinity` must not pass as an integer.
 */
const LITERALS: Record<string, [RegExp, string]> = {
  integer: [/^-?\d{1,15}$/, "must be an integer written in digits"],
  number: [/^-?\d{1,15}(?:\.\d{1,15})?$/, "must be a number written in digits"],
  boolean: [/^(?:true|false)$/, "must be true or false"],
};

/** Checks the raw (string) values of the declared integer, number and boolean parameters. */
function literalChecker(declared: Parameter[]): (values: Record<string, unknown>) => Issue[] {
  const typed = declared.flatMap((p) => {
    const literal = LITERALS[String(p.schema.type)];
    return literal ? [{ name: p.name, pattern: literal[0], reason: literal[1] }] : [];
  });
  return (values) =>
    typed.flatMap(({ name, pattern, reason }) => {
      const value = values[name];
      return typeof value === "string" && !pattern.test(value) ? [{ name, reason }] : [];
    });
}

function resolveParameter(p: Json, parameters: Record<string, Json>): Parameter {
  const ref = p.$ref as string | undefined;
  const param = ref ? parameters[ref.slice("#/components/parameters/".length)] : p;
  if (!param) throw new Error(`unknown parameter ${ref}`);
  return {
    name: param.name as string,
    in: param.in as string,
    required: param.required === true,
    schema: param.schema as Json,
  };
}

/**
 * A deep copy prepared for ajv: without `discriminator.mapping`, which ajv refuses (each branch states
 * its tag anyway), and with `type: object` beside each discriminator, because ajv's discriminator
 * lets anything that is not an object through.
 */
function forAjv(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forAjv);
  if (typeof value !== "object" || value === null) return value;
  const copy: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "discriminator" && typeof inner === "object" && inner !== null) {
      const { mapping: _mapping, ...rest } = inner as Json;
      copy[key] = rest;
      copy.type = "object";
    } else {
      copy[key] = forAjv(inner);
    }
  }
  return copy;
}

function issuesOf(validate: ValidateFunction, prefix: string): (value: unknown) => Issue[] {
  return (value) => validate(value) ? [] : toIssues(validate.errors ?? [], prefix);
}

/** Turns ajv's errors into distinct `{name, reason}` pairs, leaving out the umbrella errors of unions. */
function toIssues(errors: ErrorObject[], prefix: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  // Umbrella errors of unions, and the "must be null" of a nullable union whose other branch explains more.
  const specific = errors.filter((e) =>
    e.keyword !== "oneOf" && e.keyword !== "anyOf" && !(e.keyword === "type" && e.params.type === "null")
  );
  for (const e of specific.length > 0 ? specific : errors) {
    const segments = e.instancePath.split("/").slice(1).map((s) =>
      s.replaceAll("~1", "/").replaceAll("~0", "~")
    );
    if (e.keyword === "required") segments.push(String(e.params.missingProperty));
    if (e.keyword === "discriminator") segments.push(String(e.params.tag));
    const name = [prefix, ...segments].filter((s) => s !== "").join(".") || "body";
    const reason = reasonOf(e);
    const key = `${name}\u0000${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ name, reason });
  }
  return issues;
}

function reasonOf(e: ErrorObject): string {
  const params = e.params as Json;
  if (e.keyword === "discriminator") {
    if (params.tagValue === undefined) return "is required";
    if (params.error === "tag") return "must be a string";
    return `must be one of ${tagValues(e.parentSchema as Json, params.tag as string).join(", ")}`;
  }
  if (e.keyword === "enum") {
    return `must be one of ${(params.allowedValues as unknown[]).map(String).join(", ")}`;
  }
  if (e.keyword === "const") return `must be ${JSON.stringify(params.allowedValue)}`;
  if (e.keyword === "required") return "is required";
  return e.message ?? "is invalid";
}
