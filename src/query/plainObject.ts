/** Decides whether a value is a plain JSON-like object (`{}` from JSON.parse or a null-prototype GraphQL input), not an array, class instance, RegExp or Date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
