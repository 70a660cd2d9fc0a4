import { errors } from '../../errors/errorFactory';
import { MALFORMED_FILTERS_MESSAGE } from '../../query/parseFilters';

/**
 * Reading query parameters. fastify's parser keeps keys flat (`ids[]`, `filters[$where]` are plain
 * keys) and turns a repeated key into an array; these helpers decide what each form means.
 */

/** The list parameters that may be sent in the `name[]` form. */
const ARRAY_FORMS = new Set(['ids[]', 'names[]', 'content_type[]']);

/**
 * Refuses parameters in object form (`filters[$where]=x`, `page[gt]=1`): no parameter here is an
 * object, and accepting them would invite operator smuggling (THREATS G-39). `filters[...]` gets
 * Flotiq's malformed-filters body, which is what an array instead of a JSON string yields there.
 */
export function refuseStructuredParams(query: Record<string, unknown>): void {
  for (const key of Object.keys(query)) {
    const bracket = key.indexOf('[');
    if (bracket < 0 || ARRAY_FORMS.has(key)) continue;
    const base = key.slice(0, bracket) || key;
    if (base === 'filters') throw errors.invalidField('filters', MALFORMED_FILTERS_MESSAGE);
    throw errors.invalidField(base, 'This parameter does not accept the name[key] form');
  }
}

/** A parameter that must be given at most once; undefined when absent. */
export function singleParam(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw errors.invalidField(name, 'This parameter may be given only once');
  return value;
}

/** A boolean parameter: `true`/`1` or `false`/`0` (any case); undefined when absent or empty. */
export function booleanParam(query: Record<string, unknown>, name: string): boolean | undefined {
  const value = singleParam(query, name)?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw errors.invalidField(name, 'Must be one of: true, false, 1, 0');
}

/**
 * A list parameter sent as `name[]=a&name[]=b` or `name=a&name=b` — and, with `splitCommas`, as
 * `name=a,b` (forms may be mixed); undefined when neither key is present. Empty items are dropped.
 */
export function listParam(query: Record<string, unknown>, name: string, options: { splitCommas: boolean }): string[] | undefined {
  const raw = [query[name], query[`${name}[]`]].filter((value) => value !== undefined);
  if (raw.length === 0) return undefined;
  const values = raw.flatMap((value) => (Array.isArray(value) ? value : [value])).map(String);
  // Ids may hold commas and spaces (spec §2.5), so only name lists are split and trimmed.
  const items = options.splitCommas ? values.flatMap((value) => value.split(',')).map((item) => item.trim()) : values;
  return items.filter((item) => item !== '');
}
