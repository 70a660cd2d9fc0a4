/** A JSON object as the checks see it. */
export type Obj = Record<string, unknown>;

/** Keys that are refused anywhere in a payload (prototype pollution); decides which keys the checks never walk. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Decides whether a value is a plain (JSON-like) object: its prototype is null or some realm's `Object.prototype`. */
export function isObj(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Reads an own property only: `config.toString` must not find `Object.prototype.toString`. */
export function get(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Own keys except the forbidden ones (already reported by the scan). */
export function ownKeys(obj: Obj): string[] {
  return Object.keys(obj).filter((key) => !FORBIDDEN_KEYS.has(key));
}

/** Decides an error path for `key` under `path`: dot-joined, or the bare key at the top. */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
