import { listObjects } from '../../operations/contentOperations';
import { toListEnvelope } from '../../query/listEnvelope';
import { hydrateObjects } from '../hydration/hydrateObjects';
import { parseHydrate } from '../hydration/parseHydrate';
import { ok, type RestHandler } from '../restCall';
import { listParam } from '../transport/queryParams';

/**
 * `GET /api/v1/content/{name}`: a page of objects in Flotiq's list envelope. `page`, `limit`
 * (≤ 1000), `order_by`, `order_direction` and `filters` are validated by the list operation (which
 * also refuses filtering or ordering on fields the key cannot read); `ids[]`/`ids` select by id;
 * `hydrate` expands relations after the page is read.
 */
export const listContentObjects: RestHandler = async ({ ctx, params, query }) => {
  const depth = parseHydrate(query.hydrate);
  const page = await listObjects(ctx, params.name, {
    page: query.page,
    limit: query.limit,
    orderBy: query.order_by,
    orderDirection: query.order_direction,
    filters: query.filters,
    ids: listParam(query, 'ids', { splitCommas: false }),
  });
  await hydrateObjects(ctx, params.name, page.items, depth);
  return ok(toListEnvelope(page.items, page.total, page));
};
