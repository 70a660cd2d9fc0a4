import type { CatalogField } from './fieldCatalog';
import { filterError } from './filterError';
import type { FilterOperator } from './filterOperators';
import { searchTerm, storedValue, type FilterScalar, type FilterValue } from './filterValues';
import { termCondition, type TermAnchor } from './regexTerm';

/**
 * Translates one checked `{type, filter, filter2}` on one catalog path into a MongoDB condition.
 * Only plain query operators are emitted ($eq, $in, $gt, $gte, $lt, $lte, $regex, $exists, $and,
 * $or, $nor), never $where/$expr/$function. Negations are written as `$nor` of the positive
 * condition: that is MongoDB's meaning of `$ne` on arrays, and FerretDB 1.24 gets `$ne`/`$nin`/`$not`
 * wrong on paths through arrays of objects (such as `categories[*].dataUrl`).
 */

/** A MongoDB query condition. */
export type MongoCondition = Record<string, unknown>;

/** The operator's operands; `filter2` is only read by `inRange`. */
export interface FilterOperands {
  filter?: FilterValue;
  filter2?: FilterValue;
}

const ANCHORS: Partial<Record<FilterOperator, TermAnchor>> = {
  contains: 'anywhere',
  notContains: 'anywhere',
  startsWith: 'start',
  endsWith: 'end',
};

const COMPARISONS: Partial<Record<FilterOperator, '$lt' | '$lte' | '$gt' | '$gte'>> = {
  lessThan: '$lt',
  lessThanOrEqual: '$lte',
  greaterThan: '$gt',
  greaterThanOrEqual: '$gte',
};

/** Builds the MongoDB condition for `op` on `field` (the operator must already be known to apply to the field). */
export function buildCondition(field: CatalogField, op: FilterOperator, operands: FilterOperands): MongoCondition {
  const path = field.storagePath;
  switch (op) {
    case 'equals':
      return equalsCondition(field, required(operands.filter, field, op));
    case 'notEqual':
      return { $nor: [equalsCondition(field, required(operands.filter, field, op))] };
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return { [path]: termCondition(searchTerm(single(operands.filter, field, op), field.path), ANCHORS[op]!) };
    case 'notContains':
      return { $nor: [{ [path]: termCondition(searchTerm(single(operands.filter, field, op), field.path), 'anywhere') }] };
    case 'lessThan':
    case 'lessThanOrEqual':
    case 'greaterThan':
    case 'greaterThanOrEqual': {
      const bound = storedValue(single(operands.filter, field, op), field, false);
      const operator = COMPARISONS[op]!;
      // An unset date is stored as "", which sorts before every date: keep it out of "before X".
      const notBlank = field.kind === 'date' && (operator === '$lt' || operator === '$lte') ? { $gt: '' } : {};
      return { [path]: { ...notBlank, [operator]: bound } };
    }
    case 'inRange':
      return rangeCondition(field, operands);
    case 'empty':
      return emptyCondition(field);
    case 'notEmpty':
      return { $nor: [emptyCondition(field)] };
    case 'overlaps': {
      const values = list(required(operands.filter, field, op), field).map((v) => storedValue(v, field, false));
      return { [path]: { $in: values } };
    }
    case 'includes': {
      const values = list(required(operands.filter, field, op), field).map((v) => storedValue(v, field, false));
      const each = values.map((value) => ({ [path]: { $eq: value } }));
      return each.length === 1 ? each[0]! : { $and: each };
    }
  }
}

/** equals: one value is `$eq`, a list means "any of" (`$in`); null matches null or unset. */
function equalsCondition(field: CatalogField, filter: FilterValue): MongoCondition {
  if (Array.isArray(filter)) {
    return { [field.storagePath]: { $in: list(filter, field).map((v) => storedValue(v, field, true)) } };
  }
  return { [field.storagePath]: { $eq: storedValue(filter, field, true) } };
}

/** inRange: `filter` ≤ value ≤ `filter2`, both bounds inclusive. */
function rangeCondition(field: CatalogField, operands: FilterOperands): MongoCondition {
  if (operands.filter === undefined || operands.filter2 === undefined) {
    throw filterError(`Filter type inRange on ${field.path} needs both filter and filter2`);
  }
  const low = storedValue(single(operands.filter, field, 'inRange'), field, false);
  const high = storedValue(single(operands.filter2, field, 'inRange'), field, false);
  if ((low as number | string) > (high as number | string)) {
    throw filterError(`Filter type inRange on ${field.path} needs filter to be less than or equal to filter2`);
  }
  return { [field.storagePath]: { $gte: low, $lte: high } };
}

/** empty: unset, null, "" (text) or an empty list; an editor.js block without blocks. */
function emptyCondition(field: CatalogField): MongoCondition {
  switch (field.kind) {
    case 'relation':
      return { [`${relationListPath(field)}.0`]: { $exists: false } };
    case 'stringArray':
    case 'objectList':
      return { [`${field.storagePath}.0`]: { $exists: false } };
    case 'block':
      return { [`${field.storagePath}.blocks.0`]: { $exists: false } };
    case 'string':
    case 'date':
      return { [field.storagePath]: { $in: [null, ''] } };
    case 'number':
    case 'boolean':
    case 'geo':
    case 'object':
      return { [field.storagePath]: { $eq: null } };
  }
}

/** The storage path of the relation list itself (`data.categories` for `categories[*].dataUrl`). */
function relationListPath(field: CatalogField): string {
  const suffix = '.dataUrl';
  return field.leaf && field.storagePath.endsWith(suffix) ? field.storagePath.slice(0, -suffix.length) : field.storagePath;
}

function required(filter: FilterValue | undefined, field: CatalogField, op: FilterOperator): FilterValue {
  if (filter === undefined) throw filterError(`Filter type ${op} on ${field.path} needs a filter value`);
  return filter;
}

function single(filter: FilterValue | undefined, field: CatalogField, op: FilterOperator): FilterScalar {
  const value = required(filter, field, op);
  if (Array.isArray(value)) throw filterError(`Filter type ${op} on ${field.path} takes a single value, not a list`);
  return value;
}

function list(filter: FilterValue, field: CatalogField): FilterScalar[] {
  const values = Array.isArray(filter) ? filter : [filter];
  if (values.length === 0) throw filterError(`Filter value for ${field.path} must not be an empty list`);
  return values;
}
