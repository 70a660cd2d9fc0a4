import { toListEnvelope } from '../../../src/query/listEnvelope';

describe('toListEnvelope', () => {
  it.each<[string, string[], number, { page: number; limit: number }, object]>([
    ['nothing matches', [], 0, { page: 1, limit: 20 }, { total_count: 0, total_pages: 0, current_page: 1, count: 0, data: [] }],
    ['one full page', ['a', 'b'], 2, { page: 1, limit: 2 }, { total_count: 2, total_pages: 1, current_page: 1, count: 2, data: ['a', 'b'] }],
    ['partial last page', ['e'], 5, { page: 3, limit: 2 }, { total_count: 5, total_pages: 3, current_page: 3, count: 1, data: ['e'] }],
    ['page past the end', [], 5, { page: 9, limit: 2 }, { total_count: 5, total_pages: 3, current_page: 9, count: 0, data: [] }],
    ['exact multiple', ['a'], 40, { page: 2, limit: 20 }, { total_count: 40, total_pages: 2, current_page: 2, count: 1, data: ['a'] }],
    ['one more than a multiple', ['a'], 41, { page: 3, limit: 20 }, { total_count: 41, total_pages: 3, current_page: 3, count: 1, data: ['a'] }],
  ])('%s', (_name, data, total, paging, expected) => {
    const envelope = toListEnvelope(data, total, paging);
    expect(envelope).toEqual(expected);
    expect(Object.keys(envelope)).toEqual(['total_count', 'total_pages', 'current_page', 'count', 'data']);
  });

  it('accepts a Paging (with skip) and keeps the data array', () => {
    const data = [{ id: 'x' }];
    const paging = { page: 1, limit: 20, skip: 0 };
    expect(toListEnvelope(data, 1, paging).data).toBe(data);
  });
});
