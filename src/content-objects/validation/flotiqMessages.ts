import type { ErrorObject } from 'ajv';
import type { FieldErrors } from '../../errors/appError';

/**
 * Flotiq's content-object validation messages and field paths.
 *
 * Flotiq validates with the PHP library justinrainbow/json-schema; this module words ajv's errors
 * the way that library does (`The property title is required`, `String value found, but a number
 * is required`, ...), so clients that match on messages keep working.
 *
 * Path convention for the keys of `FieldErrors` (shared by every check in this folder):
 * - a top-level property is its name: `title`;
 * - a property of an object is `parent.child`: `location.lat`;
 * - an array item is `parent[index]`: `keywords[2]`, so a property inside an object-list item is
 *   `ingredients[0].amount` (justinrainbow's own property-path style);
 * - `required` / `additionalProperties` errors are keyed by the missing or extra property itself
 *   (`ingredients[0].unit`, `foo`), never by its parent;
 * - checks on a whole field (options, e-mail, block types, relations) use the field's path
 *   (`flavours`, `sections[1].image`), as Flotiq keys e.g. `This value does not exist in database`;
 * - an error about the body itself is keyed `body`.
 */

/** The key used for errors about the request body as a whole. */
export const BODY_KEY = 'body';

/** The path of property `name` under `parent` (`''` = the root). */
export function propertyPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** The path of item `index` of the array at `parent`. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/**
 * Accumulates messages per path, once each, in first-seen order. Built on a Map so that a path
 * such as `__proto__` becomes an ordinary own key of the result, never a prototype change.
 */
export class FieldErrorCollector {
  private readonly byPath = new Map<string, string[]>();

  /** Records one message for a path (duplicates are ignored). */
  add(path: string, message: string): void {
    const messages = this.byPath.get(path);
    if (!messages) this.byPath.set(path, [message]);
    else if (!messages.includes(message)) messages.push(message);
  }

  /** Records every message of an existing map. */
  addAll(errors: FieldErrors): void {
    for (const [path, messages] of Object.entries(errors)) for (const message of messages) this.add(path, message);
  }

  /** Whether nothing was recorded. */
  isEmpty(): boolean {
    return this.byPath.size === 0;
  }

  /** The collected map (a fresh object each call). */
  toFieldErrors(): FieldErrors {
    return Object.fromEntries([...this.byPath].map(([path, messages]) => [path, [...messages]]));
  }
}

/** Merges several maps: messages are concatenated per key, duplicates dropped. */
export function mergeFieldErrors(...maps: FieldErrors[]): FieldErrors {
  const collector = new FieldErrorCollector();
  for (const map of maps) collector.addAll(map);
  return collector.toFieldErrors();
}

/**
 * Decides the Flotiq key and message of each ajv error (ajv must run with `verbose: true` so the
 * failing value is known). `data` is the validated value: it tells array indexes from keys.
 */
export function toFlotiqFieldErrors(ajvErrors: readonly ErrorObject[], data: unknown): FieldErrors {
  const collector = new FieldErrorCollector();
  for (const error of ajvErrors) {
    const translated = translate(error, pointerToPath(error.instancePath, data));
    if (translated) collector.add(translated.path || BODY_KEY, translated.message);
  }
  return collector.toFieldErrors();
}

/** PHP's `gettype()` as justinrainbow prints it (`ucfirst`): String, Integer, Double, NULL, ... */
export function phpTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'Array';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return Number.isInteger(value) ? 'Integer' : 'Double';
    case 'boolean':
      return 'Boolean';
    default:
      return 'Object';
  }
}

/** `a string`, `an object`, `a string or a null`... (justinrainbow's type wording). */
export function expectedTypeWording(types: readonly string[]): string {
  const words = types.map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `Integer value found, but a string is required`. */
export function typeMismatchMessage(value: unknown, expected: readonly string[]): string {
  return `${phpTypeName(value)} value found, but ${expectedTypeWording(expected)} is required`;
}

/** The message (and path) for one ajv error, or undefined for errors that only summarise others. */
function translate(error: ErrorObject, path: string): { path: string; message: string } | undefined {
  const p = error.params as Record<string, unknown>;
  const at = (message: string) => ({ path, message });
  switch (error.keyword) {
    case 'required':
      return {
        path: propertyPath(path, String(p.missingProperty)),
        message: `The property ${String(p.missingProperty)} is required`,
      };
    case 'additionalProperties':
      return {
        path: propertyPath(path, String(p.additionalProperty)),
        message: `The property ${String(p.additionalProperty)} is not defined and the definition does not allow additional properties`,
      };
    case 'type': {
      const expected = Array.isArray(p.type) ? p.type.map(String) : String(p.type).split(',');
      return at(typeMismatchMessage(error.data, expected));
    }
    case 'minLength':
      return at(`Must be at least ${String(p.limit)} characters long`);
    case 'maxLength':
      return at(`Must be at most ${String(p.limit)} characters long`);
    case 'pattern':
      return at(`Does not match the regex pattern ${String(p.pattern)}`);
    case 'enum':
      return at(`Does not have a value in the enumeration ${JSON.stringify(p.allowedValues)}`);
    case 'const':
      return at(`Does not have a value equal to ${JSON.stringify(p.allowedValue)}`);
    case 'minimum':
      return at(`Must have a minimum value of ${String(p.limit)}`);
    case 'maximum':
      return at(`Must have a maximum value of ${String(p.limit)}`);
    case 'exclusiveMinimum':
      return at(`Must have a minimum value greater than ${String(p.limit)}`);
    case 'exclusiveMaximum':
      return at(`Must have a maximum value less than ${String(p.limit)}`);
    case 'multipleOf':
      return at(`Must be a multiple of ${String(p.multipleOf)}`);
    case 'minItems':
      return at(`There must be a minimum of ${String(p.limit)} items in the array`);
    case 'maxItems':
      return at(`There must be a maximum of ${String(p.limit)} items in the array`);
    case 'uniqueItems':
      return at('There are no duplicates allowed in the array');
    case 'minProperties':
      return at(`Must contain a minimum of ${String(p.limit)} properties`);
    case 'maxProperties':
      return at(`Must contain no more than ${String(p.limit)} properties`);
    case 'dependencies':
    case 'dependentRequired':
      return at(`${String(p.property)} depends on ${String(p.missingProperty)}, which is missing`);
    case 'format':
      return at(formatMessage(String(p.format), error.data));
    case 'not':
      return at('Matched a schema which it should not');
    case 'anyOf':
      return at('Failed to match at least one schema');
    case 'oneOf':
      return at('Failed to match exactly one schema');
    case 'if':
      return undefined; // the failing `then`/`else` keyword reports itself
    default:
      return at(error.message ?? 'Invalid value');
  }
}

/** justinrainbow's format messages (FormatConstraint). */
function formatMessage(format: string, value: unknown): string {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  switch (format) {
    case 'email':
    case 'idn-email':
      return 'Invalid email';
    case 'date-time':
      return `Invalid date-time ${shown}, expected format YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DDThh:mm:ss+hh:mm`;
    case 'date':
      return `Invalid date ${shown}, expected format YYYY-MM-DD`;
    case 'time':
      return `Invalid time ${shown}, expected format hh:mm:ss`;
    case 'uri':
    case 'url':
      return 'Invalid URL format';
    case 'uri-reference':
      return 'Invalid URL reference format';
    case 'hostname':
    case 'idn-hostname':
      return 'Invalid hostname';
    case 'ipv4':
    case 'ipv6':
      return 'Invalid IP address';
    case 'regex':
      return `Invalid regex format ${shown}`;
    default:
      return `Invalid ${format} format`;
  }
}

/** `/ingredients/0/amount` → `ingredients[0].amount`, reading `data` to tell indexes from keys. */
function pointerToPath(pointer: string, data: unknown): string {
  if (pointer === '') return '';
  let path = '';
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path = itemPath(path, Number(segment));
      current = current[Number(segment)];
    } else {
      path = propertyPath(path, segment);
      current =
        current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, segment)
          ? (current as Record<string, unknown>)[segment]
          : undefined;
    }
  }
  return path;
}
