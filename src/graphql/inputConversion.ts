import { errors } from '../errors/errorFactory';

/** A GraphQL filter condition as the typed `where` input delivers it. */
interface TypedCondition {
  type: string;
  filter?: unknown;
  anyOf?: unknown[] | null;
  filter2?: unknown;
}

/**
 * GraphQL input → plain JSON: graphql-js builds input objects without prototypes and may carry
 * `undefined`; services expect plain JSON. Renamed fields (`_1st` → `1st`) get their names back.
 */
export function toPlainInput(data: unknown, renamed: ReadonlyMap<string, string> = new Map()): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(data ?? {})) as Record<string, unknown>;
  if (renamed.size === 0) return plain;
  return Object.fromEntries(Object.entries(plain).map(([key, value]) => [renamed.get(key) ?? key, value]));
}

/**
 * The Flotiq `filters` of a list or count: the JSON string of `filter`, or the typed `where` turned
 * into the same shape (field names mapped back to catalog paths). Giving both is refused.
 */
export function toFlotiqFilters(
  filter: string | null | undefined,
  where: Record<string, TypedCondition | null> | null | undefined,
  paths: ReadonlyMap<string, string>,
): unknown {
  if (where && filter) throw errors.invalidField('filter', 'Use either filter or where, not both');
  if (!where) return filter ?? undefined;
  const filters: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(where)) {
    if (!condition) continue;
    const path = paths.get(field);
    if (!path) throw errors.invalidField('where', `Unknown field: ${field}`);
    const entry: Record<string, unknown> = { type: condition.type };
    const value = condition.anyOf ?? condition.filter;
    if (value !== undefined && value !== null) entry.filter = Array.isArray(value) ? [...value] : value;
    if (condition.filter2 !== undefined && condition.filter2 !== null) entry.filter2 = condition.filter2;
    filters[path] = entry;
  }
  return filters;
}
