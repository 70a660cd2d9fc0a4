import type { ContentObject } from '../../content-objects/contentObject';
import { MAX_SEARCH_RESULTS, searchObjects, type SearchHit } from '../../operations/searchObjects';
import type { OperationContext } from '../../operations/operationContext';
import { hydrateObjects } from '../hydration/hydrateObjects';
import { parseHydrate, type HydrationDepth } from '../hydration/parseHydrate';
import { ok, type RestHandler } from '../restCall';
import { listParam } from '../transport/queryParams';

/** Flotiq's search envelope (spec §5.1): the list counters, an (always empty) aggregation summary and scored hits. */
export interface SearchEnvelope {
  total_count: number;
  count: number;
  total_pages: number;
  current_page: number;
  summary: { aggregations: Record<string, never> };
  data: SearchHit[];
}

/**
 * `GET /api/v1/search`: `q` (required; `*` = everything), `content_type[]` (or repeated / comma
 * separated `content_type`), `page`, `limit` (≤ 1000, default 20; page × limit ≤ 10,000),
 * `order_by`, `order_direction`, `hydrate`. What is searched and returned is decided by the search
 * operation (readable types and fields only); relations are expanded afterwards, per type, with the
 * same rules as lists. Aggregations, boosting and filters of Flotiq's Elasticsearch are not supported.
 */
export const search: RestHandler = async ({ ctx, query }) => {
  const depth = parseHydrate(query.hydrate);
  const contentTypes = listParam(query, 'content_type', { splitCommas: true });
  const page = await searchObjects(ctx, {
    q: query.q,
    // `content_type=` (nothing named) restricts nothing.
    contentTypes: contentTypes?.length ? contentTypes : undefined,
    page: query.page,
    limit: query.limit,
    orderBy: query.order_by,
    orderDirection: query.order_direction,
  });
  await hydrateByType(ctx, page.hits.map((hit) => hit.item), depth);
  const envelope: SearchEnvelope = {
    total_count: page.total,
    count: page.hits.length,
    // Pages whose end lies beyond the 10,000th hit cannot be requested, so they are not counted.
    total_pages: Math.min(Math.ceil(page.total / page.limit), Math.floor(MAX_SEARCH_RESULTS / page.limit)),
    current_page: page.page,
    summary: { aggregations: {} },
    data: page.hits,
  };
  return ok(envelope);
};

/** Expands relations of objects of mixed types: one hydration pass per type. */
async function hydrateByType(ctx: OperationContext, items: readonly ContentObject[], depth: HydrationDepth): Promise<void> {
  if (depth === 0) return;
  const byType = new Map<string, ContentObject[]>();
  for (const item of items) {
    const type = item.internal.contentType;
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type)!.push(item);
  }
  for (const [type, objects] of byType) await hydrateObjects(ctx, type, objects, depth);
}
