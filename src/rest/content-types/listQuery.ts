import type { ContentTypeListQuery } from '../../content-types/contentTypeService';
import { errors } from '../../errors/errorFactory';
import { parsePaging, type Paging, type PagingDefaults } from '../../query/parsePaging';
import { booleanParam, listParam, singleParam } from '../transport/queryParams';

/**
 * CTD list paging: Flotiq's default of 20; the maximum is high because clients fetch every type in
 * one call (`flotiq-api-typegen` asks for `limit=10000`, spec §6.1).
 */
export const CONTENT_TYPE_PAGING: PagingDefaults = { limit: 20, maxLimit: 10_000 };

/** Flotiq's CTD sort keys (spec §1.6; site-generator plugins sort by `label`). */
export const CONTENT_TYPE_ORDER_FIELDS = ['name', 'label', 'id', 'createdAt', 'updatedAt'] as const;

/**
 * Decides the CTD list query from the request (spec §1.6): `page`, `limit`, `order_by`
 * (name|label|id|createdAt|updatedAt, default name), `order_direction` (asc|desc), `name` (contains),
 * `names` (exact, several: `names[]=a&names[]=b`, `names=a,b`, or repeated), `label` (contains),
 * `internal` (0|1). Every refusal is a 400 on the parameter's name.
 */
export function parseContentTypeListQuery(query: Record<string, unknown>): { query: Omit<ContentTypeListQuery, 'onlyNames'>; paging: Paging } {
  const paging = parsePaging(query.page, query.limit, CONTENT_TYPE_PAGING);
  const orderBy = singleParam(query, 'order_by') || 'name';
  if (!(CONTENT_TYPE_ORDER_FIELDS as readonly string[]).includes(orderBy)) {
    throw errors.invalidField('order_by', `Order by must be one of: ${CONTENT_TYPE_ORDER_FIELDS.join(', ')}`);
  }
  const direction = (singleParam(query, 'order_direction') || 'asc').toLowerCase();
  if (direction !== 'asc' && direction !== 'desc') throw errors.invalidField('order_direction', 'Order direction must be asc or desc');
  return {
    paging,
    query: {
      skip: paging.skip,
      limit: paging.limit,
      orderBy: orderBy as ContentTypeListQuery['orderBy'],
      direction: direction === 'asc' ? 1 : -1,
      name: singleParam(query, 'name') || undefined,
      names: listParam(query, 'names', { splitCommas: true }),
      label: singleParam(query, 'label') || undefined,
      internal: booleanParam(query, 'internal'),
    },
  };
}
