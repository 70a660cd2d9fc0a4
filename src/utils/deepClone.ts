/** A deep copy of a JSON value (what crosses the API is always JSON). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
