import type { CatalogField } from './fieldCatalog';

/**
 * The filter operators of Flotiq's `filters` parameter (spec §2.4) and which catalog paths each one
 * applies to.
 */

/** Every operator, as spelled in spec §2.4. */
export const FILTER_OPERATORS = [
  'equals',
  'notEqual',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'empty',
  'notEmpty',
  'overlaps',
  'includes',
] as const;

/** One operator of spec §2.4 (aliases already resolved). */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const BY_NAME: ReadonlyMap<string, FilterOperator> = new Map<string, FilterOperator>([
  ...FILTER_OPERATORS.map((op): [string, FilterOperator] => [op, op]),
  ['notEquals', 'notEqual'],
]);

/** The operator a client's `type` names (`notEquals` is an alias of `notEqual`), or undefined when unknown. */
export function resolveOperator(type: string): FilterOperator | undefined {
  return BY_NAME.get(type);
}

/** Whether `op` can be used on `field`. Whole values (relation lists, object lists, geo, block) only know empty/notEmpty. */
export function operatorApplies(op: FilterOperator, field: CatalogField): boolean {
  if (op === 'empty' || op === 'notEmpty') return true;
  if (!field.leaf) return false;
  switch (op) {
    case 'equals':
    case 'notEqual':
      return true;
    case 'contains':
    case 'notContains':
    case 'startsWith':
    case 'endsWith':
      return isTextual(field);
    case 'lessThan':
    case 'lessThanOrEqual':
    case 'greaterThan':
    case 'greaterThanOrEqual':
    case 'inRange':
      return field.kind === 'number' || field.kind === 'date';
    case 'overlaps':
    case 'includes':
      return field.many;
  }
}

/** Whether a path holds text that substring operators can search. */
export function isTextual(field: CatalogField): boolean {
  return field.kind === 'string' || field.kind === 'date' || field.kind === 'relation' || field.kind === 'stringArray';
}
