import sift from 'sift';

/** A MongoDB condition and sort as `parseFilters`/`parseOrder` build them (storage paths). */
export interface StoredQuery {
  where: Record<string, unknown>;
  sort: Record<string, 1 | -1>;
}

/**
 * Decides which documents match a MongoDB condition, in memory, with MongoDB's semantics (`sift`
 * implements the query language: paths through arrays, `$regex`, `$in` with null matching missing
 * fields, `$exists`, `$and`/`$or`). Only conditions built by contentgate's own parsers reach it.
 */
export function matcherOf(where: Record<string, unknown>): (document: unknown) => boolean {
  return sift(where as never) as (document: unknown) => boolean;
}

/** Rank of a value in MongoDB's cross-type order (null and missing first, then numbers, strings, objects, arrays, booleans). */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  if (typeof value === 'boolean') return 5;
  return 6;
}

/** Compares two scalar values as MongoDB orders them ascending (strings by code unit). */
export function compareValues(left: unknown, right: unknown): number {
  const rankLeft = typeRank(left);
  const rankRight = typeRank(right);
  if (rankLeft !== rankRight) return rankLeft - rankRight;
  if (rankLeft === 1 || rankLeft === 2 || rankLeft === 5) {
    const a = left as number | string | boolean;
    const b = right as number | string | boolean;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return 0;
}

/** The value at a dotted path of a document (undefined when absent). */
export function valueAtPath(document: unknown, path: string): unknown {
  let value: unknown = document;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** A comparator for a MongoDB sort specification (paths in order, each ascending or descending). */
export function comparatorOf(sort: Record<string, 1 | -1>): (left: unknown, right: unknown) => number {
  const keys = Object.entries(sort);
  return (left, right) => {
    for (const [path, direction] of keys) {
      const order = compareValues(valueAtPath(left, path), valueAtPath(right, path));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** The matching documents in sort order, and how many matched. */
export function runQuery<T>(documents: Iterable<T>, query: StoredQuery, skip: number, limit: number | undefined): { page: T[]; total: number } {
  const matches = matcherOf(query.where);
  const matched: T[] = [];
  for (const document of documents) if (matches(document)) matched.push(document);
  matched.sort(comparatorOf(query.sort));
  return { page: matched.slice(skip, limit === undefined ? undefined : skip + limit), total: matched.length };
}
