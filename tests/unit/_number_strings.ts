/**
 * How many times `run` prints a number as a string (`Number.prototype.toString`): werift's bit
 * readers and clocks did so per packet, and the patches that replace them must not.
 */
export async function countNumberStrings(run: () => unknown): Promise<number> {
  const toString = Number.prototype.toString;
  let calls = 0;
  Number.prototype.toString = function (this: number, radix?: number) {
    calls++;
    return toString.call(this, radix);
  };
  try {
    await run();
  } finally {
    Number.prototype.toString = toString;
  }
  return calls;
}
