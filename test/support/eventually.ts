/**
 * Polls `read` every 50 ms until it returns `expected` or `boundMs` has passed, and returns the last
 * value read (assert on it: a change that did not arrive within the bound fails there).
 */
export async function readUntil<T>(read: () => Promise<T>, expected: T, boundMs = 1000): Promise<T> {
  const deadline = Date.now() + boundMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
