import type { FieldErrors } from '../../errors/appError';
import { BODY_KEY, FieldErrorCollector, itemPath, propertyPath } from './flotiqMessages';

/**
 * The storage-safety gate every body passes before schema validation: values the database or the
 * JavaScript runtime would mishandle are refused here, whatever the CTD says (block `data` and
 * `internal` accept free-form JSON, so the schema alone cannot keep them out).
 */

/** Deepest accepted nesting of objects/arrays (the body itself is level 1). */
export const MAX_NESTING_DEPTH = 64;

/** Keys that would reach or replace an object's prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Why an object key may not be stored, or undefined when it may. */
export function unsafeKeyMessage(key: string): string | undefined {
  if (PROTOTYPE_KEYS.has(key) || key.startsWith('$') || key.includes('.') || key.includes('\u0000')) {
    return `Property name ${printable(key)} not allowed`;
  }
  return undefined;
}

/**
 * Decides which parts of a JSON value may not be stored, keyed by path: strings with NUL
 * characters, keys `__proto__` / `constructor` / `prototype`, keys starting with `$` or containing
 * `.` (MongoDB refuses them), and nesting deeper than {@link MAX_NESTING_DEPTH} (reported once at
 * the first level too deep, which is not descended into). `{}` means safe.
 */
export function findUnsafeValues(data: unknown): FieldErrors {
  const collector = new FieldErrorCollector();
  visit(data, '', 1, collector);
  return collector.toFieldErrors();
}

function visit(value: unknown, path: string, depth: number, collector: FieldErrorCollector): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) collector.add(path || BODY_KEY, 'NUL characters are not allowed');
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_NESTING_DEPTH) {
    collector.add(path || BODY_KEY, `Nesting deeper than ${MAX_NESTING_DEPTH} levels is not allowed`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, itemPath(path, index), depth + 1, collector));
    return;
  }
  for (const key of Object.keys(value)) {
    const childPath = propertyPath(path, printable(key));
    const problem = unsafeKeyMessage(key);
    if (problem) collector.add(childPath, problem);
    else visit((value as Record<string, unknown>)[key], childPath, depth + 1, collector);
  }
}

/** A key as it may appear in a message or a path (NUL spelled out). */
function printable(key: string): string {
  return key.replace(/\u0000/g, '\\u0000');
}
