import { fieldRead, lookupField, type FieldCatalog, type FieldRead } from './fieldCatalog';
import { buildCondition, type FilterOperands, type MongoCondition } from './filterCondition';
import { filterError } from './filterError';
import { operatorApplies, resolveOperator, type FilterOperator } from './filterOperators';
import { readFilterValue, shorten } from './filterValues';
import { isPlainObject } from './plainObject';
import { unknownField } from './unknownField';

/**
 * Flotiq's `filters` parameter (spec §2.4) → a MongoDB query. The output is assembled only from
 * catalog storage paths, operators chosen here and allowlisted scalar values, so no client key or
 * object ever reaches the database (THREATS G-38..G-41).
 */

/** A translated `filters` parameter. */
export interface ParsedFilters {
  /** The MongoDB condition; all client conditions ANDed (`{}` when there are none). */
  mongo: MongoCondition;
  /** What the filter reads or reveals, one entry per top-level property or derived path, in first-use order (permission checks). */
  reads: FieldRead[];
}

/** The exact body Flotiq returns for a `filters` string that is not JSON. */
export const MALFORMED_FILTERS_MESSAGE = 'Malformed filters json - Syntax error';

const RULE_KEYS = new Set(['type', 'filter', 'filter2', 'filterType']);

/**
 * Decides the MongoDB condition and the properties read for a `filters` value: the REST string
 * (URL-decoded JSON) or an already-parsed object (GraphQL). Every refusal is a 400 on `filters`.
 */
export function parseFilters(raw: unknown, catalog: FieldCatalog): ParsedFilters {
  const spec = readFiltersObject(raw);
  const conditions: MongoCondition[] = [];
  const reads = new Map<string, FieldRead>();

  for (const [path, rule] of Object.entries(spec)) {
    if (path.startsWith('$')) throw filterError(`Operators are not allowed in filters: ${shorten(path)}`);
    const field = lookupField(catalog, path);
    if (!field) throw unknownField('filter', path);
    const { op, operands } = readRule(rule, path);
    if (!operatorApplies(op, field)) throw filterError(`Filter type ${op} is not supported for ${path} (${field.kind})`);
    conditions.push(buildCondition(field, op, operands));
    const read = fieldRead(field);
    if (read && !reads.has(read.name)) reads.set(read.name, read);
  }

  return { mongo: andAll(conditions), reads: [...reads.values()] };
}

/** The filters object: absent, "" and `[]` mean no filters; anything but a JSON object is refused. */
function readFiltersObject(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.trim() === '') return {};
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw filterError(MALFORMED_FILTERS_MESSAGE);
    }
  }
  if (Array.isArray(parsed) && parsed.length === 0) return {};
  if (!isPlainObject(parsed)) throw filterError('Filters must be a JSON object');
  return parsed;
}

/** One `{type, filter, filter2}` rule: only those keys (plus the panel's ignored `filterType`), a known type, allowlisted values. */
function readRule(rule: unknown, path: string): { op: FilterOperator; operands: FilterOperands } {
  if (!isPlainObject(rule)) throw filterError(`Filter for ${path} must be an object like {"type": "equals", "filter": "value"}`);
  for (const key of Object.keys(rule)) {
    if (key.startsWith('$')) throw filterError(`Operators are not allowed in filters: ${shorten(key)}`);
    if (!RULE_KEYS.has(key)) throw filterError(`Unknown key in filter for ${path}: ${shorten(key)}`);
  }
  if (rule.filterType !== undefined && typeof rule.filterType !== 'string') {
    throw filterError(`filterType for ${path} must be a string`);
  }
  if (rule.type === undefined) throw filterError(`Missing filter type for ${path}`);
  if (typeof rule.type !== 'string') throw filterError(`Filter type for ${path} must be a string`);
  const op = resolveOperator(rule.type);
  if (!op) throw filterError(`Unknown filter type for ${path}: ${shorten(rule.type)}`);

  const operands: FilterOperands = {};
  if (rule.filter !== undefined) operands.filter = readFilterValue(rule.filter, path);
  if (rule.filter2 !== undefined) operands.filter2 = readFilterValue(rule.filter2, path);
  return { op, operands };
}

function andAll(conditions: MongoCondition[]): MongoCondition {
  if (conditions.length === 0) return {};
  if (conditions.length === 1) return conditions[0]!;
  return { $and: conditions };
}
