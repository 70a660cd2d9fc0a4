import { canReadDerived, readableTypes } from '../access/decisions';
import type { ContentObject } from '../content-objects/contentObject';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import { toContentObject } from '../content-objects/storedObjects';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { errors } from '../errors/errorFactory';
import { buildFieldCatalog, type CatalogField } from '../query/fieldCatalog';
import { parsePaging } from '../query/parsePaging';
import { isPlainObject } from '../query/plainObject';
import { escapeRegex, MAX_TERM_LENGTH, termCondition } from '../query/regexTerm';
import type { OperationContext } from './operationContext';
import { trimObject } from './trimObject';

/**
 * Full-text search over an account's content objects (`GET /api/v1/search`, spec §5.1), without a
 * search engine: one query per type the key can read, matching a literal, case-insensitive substring in the string-like fields the key can read.
 *
 * A field the key cannot read, or whose value reveals one it cannot read (a slug of a hidden title),
 * never takes part in matching (it would be an oracle) and never comes back in an item; a type the key cannot read is never queried, even when the client names it.
 * Results are ordered by one field (not by score: relevance would need every match in memory); each
 * hit's `score` is the number of searched fields that contain the term (1 for `*`).
 */

/** Flotiq's cap on search results: a page may not reach beyond the 10,000th hit. */
export const MAX_SEARCH_RESULTS = 10_000;

/** The term that matches every object. */
export const MATCH_ALL = '*';

/** The search parameters, still as the client sent them (validated here). */
export interface SearchQuery {
  q?: unknown;
  /** Restrict to these types (`content_type[]`); absent means every readable type. */
  contentTypes?: readonly string[];
  page?: unknown;
  limit?: unknown;
  orderBy?: unknown;
  orderDirection?: unknown;
}

/** One result: the object trimmed to the key's readable fields, and how well it matched. */
export interface SearchHit {
  item: ContentObject;
  score: number;
}

/** A page of search results. */
export interface SearchPage {
  hits: SearchHit[];
  /** Matching objects, at most `MAX_SEARCH_RESULTS`. */
  total: number;
  page: number;
  limit: number;
}

/** The orderings search accepts (client name → stored path); `_score` means the default. */
const ORDER_PATHS: Readonly<Record<string, string>> = {
  'internal.updatedAt': 'internal.updatedAt',
  'internal.createdAt': 'internal.createdAt',
  'internal.contentType': 'contentType',
  id: 'id',
};

/** Catalog kinds that hold text a substring can be found in (text, textarea, markdown, richtext, email, radio, select, simpleList). */
const TEXT_KINDS = new Set<CatalogField['kind']>(['string', 'stringArray']);

/** A readable type with the fields the key may search in it. */
interface SearchScope {
  type: string;
  ctd: ContentTypeDefinition;
  fields: CatalogField[];
}

/** Searches the key's readable content; see the module comment for the rules. */
export async function searchObjects(ctx: OperationContext, query: SearchQuery): Promise<SearchPage> {
  const term = readTerm(query.q);
  const paging = parsePaging(query.page, query.limit);
  if (paging.page * paging.limit > MAX_SEARCH_RESULTS) {
    throw errors.invalidField('page', `Search returns at most ${MAX_SEARCH_RESULTS} results: page * limit must not exceed it`);
  }
  const sort = readOrder(query.orderBy, query.orderDirection);

  const scopes = searchScopes(ctx, await ctx.content.contentTypes.all(), query.contentTypes);
  const queries = scopes
    .map((scope) => ({ scope, where: searchFilter(scope, term) }))
    .filter((entry): entry is { scope: SearchScope; where: Record<string, unknown> } => entry.where !== undefined);
  // One query per type (each type is its own collection on the embedded database), each reading
  // at most the first `skip + limit` hits in the search order; the pages are merged here.
  const perType = await Promise.all(
    queries.map(async ({ scope, where }) => {
      const { records, total } = await ctx.content.objects.reads.query(scope.type, { where, sort }, 0, paging.skip + paging.limit, true);
      return { found: records, count: total };
    }),
  );
  const total = perType.reduce((sum, { count }) => sum + count, 0);
  const records = mergeOrdered(
    perType.map(({ found }) => found),
    sort,
  ).slice(paging.skip, paging.skip + paging.limit);
  const fieldsByType = new Map(scopes.map((scope) => [scope.type, scope.fields]));
  const definitions = new Map(scopes.map((scope) => [scope.type, scope.ctd]));
  const matcher = term === MATCH_ALL ? undefined : new RegExp(escapeRegex(term), 'i');
  const hits = records.map((record) => {
    const item = trimObject(ctx.permissions, definitions.get(record.contentType)!, toContentObject(record));
    return { item, score: matcher ? scoreOf(item, fieldsByType.get(record.contentType) ?? [], matcher) : 1 };
  });
  return { hits, total: Math.min(total, MAX_SEARCH_RESULTS), page: paging.page, limit: paging.limit };
}

/** `q`: required, one string, at most 256 characters, no NUL; `*` (surrounding blanks ignored) matches everything. */
function readTerm(q: unknown): string {
  if (q === undefined || q === null || (typeof q === 'string' && q.trim() === '')) {
    throw errors.invalidField('q', 'The search query q is required (use * to match everything)');
  }
  if (typeof q !== 'string') throw errors.invalidField('q', 'The search query q must be one string');
  if (q.length > MAX_TERM_LENGTH) throw errors.invalidField('q', `The search query is too long (max ${MAX_TERM_LENGTH} characters)`);
  if (q.includes('\u0000')) throw errors.invalidField('q', 'The search query must not contain NUL characters');
  return q.trim() === MATCH_ALL ? MATCH_ALL : q;
}

/**
 * `order_by` (`internal.updatedAt`, `internal.createdAt`, `internal.contentType`, `id`; a `.keyword`
 * suffix is accepted as Flotiq's Elasticsearch does; `_score` or absent = the default) and
 * `order_direction`. The default is `internal.updatedAt` descending (newest first, where Flotiq puts
 * the best score first); an explicit field defaults to ascending. `createdSeq` (creation order) breaks ties so pages never
 * overlap.
 */
function readOrder(orderBy: unknown, direction: unknown): Record<string, 1 | -1> {
  if (!isBlank(orderBy) && typeof orderBy !== 'string') throw errors.invalidField('order_by', 'order_by must be one field name');
  const requested = isBlank(orderBy) ? '_score' : (orderBy as string).replace(/\.keyword$/, '');
  const byScore = requested === '_score';
  const path = byScore ? 'internal.updatedAt' : ORDER_PATHS[requested];
  if (!path) {
    throw errors.invalidField('order_by', `Search can be ordered by ${Object.keys(ORDER_PATHS).join(', ')}`);
  }
  let dir: 1 | -1 = byScore ? -1 : 1;
  if (!isBlank(direction)) {
    const value = typeof direction === 'string' ? direction.toLowerCase() : undefined;
    if (value !== 'asc' && value !== 'desc') throw errors.invalidField('order_direction', 'Order direction must be asc or desc');
    dir = value === 'asc' ? 1 : -1;
  }
  return { [path]: dir, createdSeq: dir };
}

/**
 * The types to search: those the key can read (`readableTypes`), narrowed to `requested` when
 * given (names the key cannot read, or that do not exist, are simply left out), each with the
 * string-like property fields the key may read, with all they reveal (`CatalogField.reveals`).
 */
function searchScopes(
  ctx: OperationContext,
  definitions: readonly ContentTypeDefinition[],
  requested: readonly string[] | undefined,
): SearchScope[] {
  const wanted = requested ? new Set(requested) : undefined;
  const readable = new Set(readableTypes(ctx.permissions, definitions.map((ctd) => ctd.name)));
  return definitions
    .filter((ctd) => readable.has(ctd.name) && (!wanted || wanted.has(ctd.name)))
    .map((ctd) => ({
      type: ctd.name,
      ctd,
      fields: [...buildFieldCatalog(ctd).fields.values()].filter(
        (field) =>
          TEXT_KINDS.has(field.kind) && field.leaf && field.property !== null && canReadDerived(ctx.permissions, ctd.name, field.reveals),
      ),
    }));
}

/**
 * The query of one searched type: its live objects where some searchable field contains the term
 * (`{$or: [{field: regex}, …]}`), or all its live objects for `*`. Undefined when nothing can
 * match (no searchable field the key may read).
 */
function searchFilter(scope: SearchScope, term: string): Record<string, unknown> | undefined {
  if (term === MATCH_ALL) return { 'internal.deletedAt': '' };
  if (scope.fields.length === 0) return undefined;
  const condition = termCondition(term, 'anywhere');
  return { $or: scope.fields.map((field) => ({ [field.storagePath]: condition })), 'internal.deletedAt': '' };
}

/** Merges lists each already in `sort` order (string-valued paths) into one list in that order. */
function mergeOrdered(lists: ContentObjectRecord[][], sort: Record<string, 1 | -1>): ContentObjectRecord[] {
  const entries = Object.entries(sort);
  const valueAt = (record: ContentObjectRecord, path: string): string =>
    String(path.split('.').reduce<unknown>((value, segment) => (value as Record<string, unknown> | undefined)?.[segment], record) ?? '');
  return lists.flat().sort((a, b) => {
    for (const [path, direction] of entries) {
      const left = valueAt(a, path);
      const right = valueAt(b, path);
      if (left !== right) return (left < right ? -1 : 1) * direction;
    }
    return 0;
  });
}

/** How many of the searched fields contain the term (at least 1: the database found a match). */
function scoreOf(item: ContentObject, fields: readonly CatalogField[], matcher: RegExp): number {
  const matched = fields.filter((field) =>
    valuesAt(item, field.path.split('.')).some((value) => typeof value === 'string' && matcher.test(value)),
  ).length;
  return Math.max(1, matched);
}

/** The values at a catalog path (`name`, `tags`, `steps[*].step`), lists flattened. */
function valuesAt(value: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return Array.isArray(value) ? value : [value];
  if (!isPlainObject(value)) return [];
  const [head, ...rest] = segments;
  const many = head.endsWith('[*]');
  const inner = value[many ? head.slice(0, -3) : head];
  if (!many) return valuesAt(inner, rest);
  return Array.isArray(inner) ? inner.flatMap((element) => valuesAt(element, rest)) : [];
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
