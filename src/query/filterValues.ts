import type { CatalogField } from './fieldCatalog';
import { filterError } from './filterError';
import { toDateTimeValue, toFlotiqDate } from './flotiqDate';
import { isPlainObject } from './plainObject';
import { MAX_TERM_LENGTH } from './regexTerm';

/**
 * The value allowlist of `filter`/`filter2`: only strings, finite numbers, booleans, null and flat
 * lists of those get through (THREATS G-38), and each is coerced to the type stored at its path.
 */

/** A scalar a client may send as a filter value. */
export type FilterScalar = string | number | boolean | null;

/** A filter value as accepted: one scalar or a flat list of scalars. */
export type FilterValue = FilterScalar | FilterScalar[];

/** Most values one list may carry (`equals`/`notEqual`/`overlaps`/`includes`). */
export const MAX_FILTER_VALUES = 100;

/** Longest string accepted for equality and comparison operators. */
export const MAX_VALUE_LENGTH = 1024;

const NUMERIC = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Accepts a raw `filter`/`filter2` only when it is a scalar or a flat list of at most 100 scalars; anything else (objects, `$` operators, nested lists) is a 400. */
export function readFilterValue(raw: unknown, path: string): FilterValue {
  if (isScalar(raw)) return raw;
  if (Array.isArray(raw)) {
    if (raw.length > MAX_FILTER_VALUES) throw filterError(`Too many values in filter for ${path} (max ${MAX_FILTER_VALUES})`);
    if (raw.every(isScalar)) return [...raw];
  }
  const operator = isPlainObject(raw) ? Object.keys(raw).find((key) => key.startsWith('$')) : undefined;
  if (operator !== undefined) throw filterError(`Operators are not allowed in filters: ${shorten(operator)}`);
  throw filterError(`Invalid filter value for ${path}: only strings, numbers, booleans, null or lists of them are allowed`);
}

/** Coerces one value to what is stored at `field` (numbers from numeric strings, booleans, normalised dates, strings); null only when `allowNull`. */
export function storedValue(value: FilterScalar, field: CatalogField, allowNull: boolean): FilterScalar {
  if (value === null) {
    if (allowNull) return null;
    throw filterError(`Filter value for ${field.path} must not be null`);
  }
  switch (field.kind) {
    case 'number':
      return toNumber(value, field.path);
    case 'boolean':
      return toBoolean(value, field.path);
    case 'date':
      return toDate(value, field);
    default:
      return capped(typeof value === 'string' ? value : String(value), MAX_VALUE_LENGTH, field.path);
  }
}

/** The text a substring operator searches for: a string (or number), at most 256 characters, without NUL. */
export function searchTerm(value: FilterScalar, path: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') throw filterError(`Filter value for ${path} must be a string`);
  const term = capped(String(value), MAX_TERM_LENGTH, path);
  if (term.includes('\u0000')) throw filterError(`Filter value for ${path} must not contain NUL characters`);
  return term;
}

/** Cuts client text echoed in an error message to a readable length. */
export function shorten(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}

function isScalar(value: unknown): value is FilterScalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function toNumber(value: string | number | boolean, path: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value)) {
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw filterError(`Filter value for ${path} must be a number`);
}

function toBoolean(value: string | number | boolean, path: string): boolean {
  if (value === true || value === 'true' || value === 1 || value === '1') return true;
  if (value === false || value === 'false' || value === 0 || value === '0') return false;
  throw filterError(`Filter value for ${path} must be true or false`);
}

function toDate(value: string | number | boolean, field: CatalogField): string {
  const normalised =
    typeof value !== 'string' ? undefined : field.dateFormat === 'flotiq' ? toFlotiqDate(value) : toDateTimeValue(value);
  if (normalised === undefined) {
    throw filterError(`Filter value for ${field.path} must be a date like 2024-01-01 or 2024-01-01 10:00:00`);
  }
  return normalised;
}

function capped(text: string, max: number, path: string): string {
  if (text.length > max) throw filterError(`Filter value for ${path} is too long (max ${max} characters)`);
  return text;
}
