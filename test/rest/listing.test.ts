import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

describe('REST content list: paging, ordering, filters, ids', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const list = (query: string, key?: string) => call(t.app, 'GET', `/api/v1/content/author${query}`, { key: key ?? keys.ro });
  const ids = (body: { data: { id: string }[] }) => body.data.map((o) => o.id);

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    for (const [id, name] of [['a-1', 'Delta'], ['a-2', 'Alpha'], ['a-3', 'Charlie'], ['a-4', 'Bravo'], ['a-5', 'Echo']]) {
      await content.objects.create('author', { id, name });
    }
  });
  afterAll(async () => t.close());

  it('returns the Flotiq list envelope, created order by default', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total_count: 5, total_pages: 1, current_page: 1, count: 5 });
    expect(ids(body)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
  });

  it('pages with page and limit', async () => {
    const { body } = await list('?page=2&limit=2&order_by=name&order_direction=asc');
    expect(body).toMatchObject({ total_count: 5, total_pages: 3, current_page: 2, count: 2 });
    expect(ids(body)).toEqual(['a-3', 'a-1']);
  });

  it('orders by a field, descending', async () => {
    expect(ids((await list('?order_by=name&order_direction=desc')).body)).toEqual(['a-5', 'a-1', 'a-3', 'a-4', 'a-2']);
  });

  it('filters with the Flotiq JSON syntax', async () => {
    const filters = encodeURIComponent(JSON.stringify({ name: { type: 'contains', filter: 'a' }, id: { type: 'notEqual', filter: 'a-4' } }));
    expect(ids((await list(`?filters=${filters}&order_by=id`)).body)).toEqual(['a-1', 'a-2', 'a-3']);
  });

  it.each([
    ['ids[] repeated', '?ids[]=a-2&ids[]=A-4', ['a-2', 'a-4']],
    ['ids[] once', '?ids[]=a-3', ['a-3']],
    ['ids repeated', '?ids=a-1&ids=a-5', ['a-1', 'a-5']],
    ['ids and ids[] mixed', '?ids=a-1&ids[]=a-5', ['a-1', 'a-5']],
  ])('selects by %s', async (_name, query, expected) => {
    expect(ids((await list(`${query}&order_by=id`)).body)).toEqual(expected);
  });

  it.each([
    ['limit 1001', '?limit=1001', { limit: ['Limit must be between 1 and 1000'] }],
    ['limit 0', '?limit=0', { limit: ['Limit must be between 1 and 1000'] }],
    ['page 0', '?page=0', 'page'],
    ['hydrate 3', '?hydrate=3', { hydrate: ['Hydrate must be 0, 1 or 2'] }],
    ['hydrate=yes', '?hydrate=yes', { hydrate: ['Hydrate must be 0, 1 or 2'] }],
    ['malformed filters', `?filters=${encodeURIComponent('{"name":')}`, { filters: ['Malformed filters json - Syntax error'] }],
    ['an operator object inside a filter value', `?filters=${encodeURIComponent('{"name":{"type":"equals","filter":{"$ne":null}}}')}`, 'filters'],
    ['a $where filter key', `?filters=${encodeURIComponent('{"$where":"sleep(1000)"}')}`, 'filters'],
    ['filters in object form', '?filters[$where]=x', { filters: ['Malformed filters json - Syntax error'] }],
    ['filters in nested object form', '?filters[name][$ne]=x', { filters: ['Malformed filters json - Syntax error'] }],
    ['another parameter in object form', '?page[$gt]=1', 'page'],
    ['an unknown order field', '?order_by=nope', 'order_by'],
    ['a bad direction', '?order_direction=sideways', 'order_direction'],
    ['filters given twice', '?filters={}&filters={}', 'filters'],
  ])('refuses %s with 400', async (_name, query, expected) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    if (typeof expected === 'string') expect(Object.keys(body)).toEqual([expected]);
    else expect(body).toEqual(expected);
  });

  it('accepts limit 1000', async () => {
    expect((await list('?limit=1000')).body.count).toBe(5);
  });
});
