import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { get, join, ownKeys, type Obj } from './plainJson';

/** Splits a space-separated word list (compact constant tables). */
export function words(spaceSeparated: string): string[] {
  return spaceSeparated.split(' ');
}

/** A set of allowed keys from a space-separated list. */
export function keys(spaceSeparated: string): ReadonlySet<string> {
  return new Set(words(spaceSeparated));
}

/** Decides which keys of `obj` are not allowed: each one outside `allowed` (and `ignored`) is reported. */
export function checkKeys(
  report: Report,
  obj: Obj,
  allowed: ReadonlySet<string>,
  path: string,
  ignored?: ReadonlySet<string>,
): void {
  for (const key of ownKeys(obj)) {
    if (!allowed.has(key) && !ignored?.has(key)) report.add(join(path, key), m.notDefined(key));
  }
}

interface Scalars {
  string: string;
  boolean: boolean;
}

/** `obj[key]` when it has the expected type; reports a wrong type, and absence when required. */
function readScalar<K extends keyof Scalars>(
  report: Report,
  obj: Obj,
  key: string,
  parent: string,
  expected: K,
  required: boolean,
): Scalars[K] | undefined {
  const value = get(obj, key);
  if (value === undefined) {
    if (required) report.add(join(parent, key), m.required(key));
    return undefined;
  }
  if (typeof value === expected) return value as Scalars[K];
  report.add(join(parent, key), typeMessage(value, expected));
  return undefined;
}

/** Decides whether `obj[key]` is a string (reporting it otherwise, or when required and absent). */
export function readString(report: Report, obj: Obj, key: string, parent: string, required = false): string | undefined {
  return readScalar(report, obj, key, parent, 'string', required);
}

/** Decides whether `obj[key]` is a boolean (reporting it otherwise, or when required and absent). */
export function readBoolean(report: Report, obj: Obj, key: string, parent: string, required = false): boolean | undefined {
  return readScalar(report, obj, key, parent, 'boolean', required);
}

/** Decides whether a value is a list of strings (optionally without duplicates); returns its strings. */
export function readStringList(report: Report, value: unknown, path: string, unique: boolean): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    report.add(path, typeMessage(value, 'array'));
    return undefined;
  }
  const strings: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') strings.push(item);
    else report.add(`${path}[${i}]`, typeMessage(item, 'string'));
  });
  if (unique && new Set(strings).size !== strings.length) report.add(path, m.duplicates);
  return strings;
}
