import { errors } from '../errors/errorFactory';
import { fieldRead, lookupField, type FieldCatalog, type FieldRead } from './fieldCatalog';
import { unknownField } from './unknownField';

/**
 * Flotiq's `order_by`/`order_direction` (spec §2.1) → a MongoDB sort built only from catalog paths,
 * with `createdSeq` (creation order) as a stable tie-breaker so pages never overlap or skip objects
 * with equal keys.
 */

/** A translated ordering. */
export interface ParsedOrder {
  /** The MongoDB sort: the chosen path, then `createdSeq`, both in the requested direction. */
  sort: Record<string, 1 | -1>;
  /** What the ordering reads or reveals (none for `id` and plain `internal.*`). */
  reads: FieldRead[];
}

/** Flotiq's default ordering field. */
export const DEFAULT_ORDER_BY = 'internal.createdAt';

/**
 * Decides the sort for `order_by` (default `internal.createdAt`; any single-valued catalog path)
 * and `order_direction` (`asc`|`desc`, any case, default `asc`). Refusals are 400 on `order_by` or
 * `order_direction`.
 */
export function parseOrder(orderBy: unknown, direction: unknown, catalog: FieldCatalog): ParsedOrder {
  const path = isBlank(orderBy) ? DEFAULT_ORDER_BY : orderBy;
  if (typeof path !== 'string') throw errors.invalidField('order_by', 'order_by must be a field name');
  const field = lookupField(catalog, path);
  if (!field) throw unknownField('order', path);
  if (!field.leaf || field.many) throw errors.invalidField('order_by', `Field ${path} cannot be used for ordering`);

  const dir = readDirection(direction);
  return {
    sort: { [field.storagePath]: dir, createdSeq: dir },
    reads: [fieldRead(field)].filter((read): read is FieldRead => read !== undefined),
  };
}

function readDirection(direction: unknown): 1 | -1 {
  if (isBlank(direction)) return 1;
  const value = typeof direction === 'string' ? direction.toLowerCase() : undefined;
  if (value === 'asc') return 1;
  if (value === 'desc') return -1;
  throw errors.invalidField('order_direction', 'Order direction must be asc or desc');
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
