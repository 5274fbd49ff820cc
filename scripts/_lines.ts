/**
 * Splits a text stream into its lines, without the line ends and leaving out blank lines: how the
 * bench scripts and their child processes read each other's one-JSON-message-a-line output.
 *
 * @module
 */

/** A stream of the non-blank lines of the text written into it. */
export function lines(): TransformStream<string, string> {
  let rest = "";
  return new TransformStream({
    transform(chunk, out) {
      const parts = (rest + chunk).split("\n");
      rest = parts.pop() ?? "";
      for (const part of parts) if (part.trim() !== "") out.enqueue(part);
    },
  });
}
