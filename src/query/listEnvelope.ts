import type { Paging } from './parsePaging';

/** Flotiq's list envelope (spec §2.2, OAS `SystemListProperties`). */
export interface ListEnvelope<T> {
  /** Objects matching the filters, over all pages. */
  total_count: number;
  /** `ceil(total_count / limit)`; 0 when nothing matches. */
  total_pages: number;
  current_page: number;
  /** Objects on this page (`data.length`). */
  count: number;
  data: T[];
}

/** Wraps one page of results in Flotiq's `{total_count, total_pages, current_page, count, data}`. */
export function toListEnvelope<T>(data: T[], totalCount: number, paging: Pick<Paging, 'page' | 'limit'>): ListEnvelope<T> {
  return {
    total_count: totalCount,
    total_pages: Math.ceil(totalCount / paging.limit),
    current_page: paging.page,
    count: data.length,
    data,
  };
}
