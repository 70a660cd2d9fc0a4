import type { AccountContent } from '../../../src/accounts/accountContent';
import type { Database } from '../../../src/database/database';
import { accountWithFixtureTypes, failure } from '../../support/accounts';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

const ref = (type: string, id: string) => ({ dataUrl: `/api/v1/content/${type}/${id}`, type: 'internal' });

describe('listing: filters, ordering and paging on the real database', () => {
  let database: Database;
  let content: AccountContent;

  beforeAll(async () => {
    database = await openTestDatabase();
    content = await accountWithFixtureTypes(database);
    await content.objects.create('category', { id: 'cat-a', name: 'A' });
    await content.objects.create('category', { id: 'cat-b', name: 'B' });
    const rows = [
      { id: 'e1', title: 'Apple pie', price: 5, inStock: true, colour: 'red', keywords: ['sweet', 'baked'], categories: [ref('category', 'cat-a')] },
      { id: 'e2', title: 'Banana bread', price: 7.5, inStock: false, colour: 'green', keywords: ['baked'], categories: [ref('category', 'cat-b')] },
      { id: 'e3', title: 'Cherry tart', price: 10, inStock: true, colour: 'red', keywords: [], summary: '' },
      { id: 'e4', title: 'apple crumble', price: 12, colour: 'blue', summary: 'crumbly', categories: [ref('category', 'cat-a'), ref('category', 'cat-b')] },
    ];
    for (const row of rows) await content.objects.create('everything', row);
  });
  afterAll(async () => dropTestDatabase(database));

  const ids = async (filters: unknown, extra: Record<string, unknown> = {}) =>
    (await content.objects.list('everything', { filters: JSON.stringify(filters), orderBy: 'id', ...extra })).items.map((o) => o.id);

  it.each([
    ['equals', { colour: { type: 'equals', filter: 'red' } }, ['e1', 'e3']],
    ['equals with an array means any of', { colour: { type: 'equals', filter: ['red', 'blue'] } }, ['e1', 'e3', 'e4']],
    ['notEqual', { colour: { type: 'notEqual', filter: 'red' } }, ['e2', 'e4']],
    ['contains (case-insensitive)', { title: { type: 'contains', filter: 'APPLE' } }, ['e1', 'e4']],
    ['notContains', { title: { type: 'notContains', filter: 'apple' } }, ['e2', 'e3']],
    ['startsWith', { title: { type: 'startsWith', filter: 'Ba' } }, ['e2']],
    ['endsWith', { title: { type: 'endsWith', filter: 'tart' } }, ['e3']],
    ['lessThan', { price: { type: 'lessThan', filter: 7.5 } }, ['e1']],
    ['lessThanOrEqual', { price: { type: 'lessThanOrEqual', filter: 7.5 } }, ['e1', 'e2']],
    ['greaterThan', { price: { type: 'greaterThan', filter: 10 } }, ['e4']],
    ['greaterThanOrEqual', { price: { type: 'greaterThanOrEqual', filter: 10 } }, ['e3', 'e4']],
    ['inRange', { price: { type: 'inRange', filter: 6, filter2: 11 } }, ['e2', 'e3']],
    ['empty', { summary: { type: 'empty' } }, ['e1', 'e2', 'e3']],
    ['notEmpty', { summary: { type: 'notEmpty' } }, ['e4']],
    ['overlaps', { keywords: { type: 'overlaps', filter: ['sweet', 'none'] } }, ['e1']],
    ['includes on a relation', { 'categories[*].dataUrl': { type: 'includes', filter: '/api/v1/content/category/cat-b' } }, ['e2', 'e4']],
    ['contains on a relation', { 'categories[*].dataUrl': { type: 'contains', filter: 'cat-a' } }, ['e1', 'e4']],
    ['several conditions are ANDed', { colour: { type: 'equals', filter: 'red' }, inStock: { type: 'equals', filter: true } }, ['e1', 'e3']],
    ['internal dates in gatsby form', { 'internal.createdAt': { type: 'greaterThan', filter: '2000-01-01 10:00:00' } }, ['e1', 'e2', 'e3', 'e4']],
  ])('%s', async (_name, filters, expected) => {
    expect(await ids(filters)).toEqual(expected);
  });

  it.each([
    ['malformed JSON', '{"title":', { filters: ['Malformed filters json - Syntax error'] }],
    ['an operator object smuggled into the value', JSON.stringify({ title: { type: 'equals', filter: { $ne: null } } }), 'filters'],
    ['a $where condition', JSON.stringify({ $where: 'sleep(1000)' }), 'filters'],
    ['an unknown operator', JSON.stringify({ title: { type: 'regex', filter: '.*' } }), 'filters'],
    ['an unknown field', JSON.stringify({ secret: { type: 'equals', filter: 1 } }), 'filters'],
  ])('refuses %s', async (_name, filters, expected) => {
    const result = await failure(content.objects.list('everything', { filters }));
    expect(result.status).toBe(400);
    if (typeof expected === 'string') expect(Object.keys(result.body as object)).toEqual([expected]);
    else expect(result.body).toEqual(expected);
  });

  it('orders by any field, both directions, including internal fields', async () => {
    const byPrice = await content.objects.list('everything', { orderBy: 'price', orderDirection: 'desc' });
    expect(byPrice.items.map((o) => o.id)).toEqual(['e4', 'e3', 'e2', 'e1']);
    const byCreated = await content.objects.list('everything', { orderBy: 'internal.createdAt', orderDirection: 'asc' });
    expect(byCreated.items.map((o) => o.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect((await failure(content.objects.list('everything', { orderBy: 'nope' }))).status).toBe(400);
    expect((await failure(content.objects.list('everything', { orderDirection: 'sideways' }))).status).toBe(400);
  });

  it('pages with page and limit, and reports the total', async () => {
    const first = await content.objects.list('everything', { orderBy: 'id', page: 1, limit: 3 });
    const second = await content.objects.list('everything', { orderBy: 'id', page: '2', limit: '3' });
    expect(first.items.map((o) => o.id)).toEqual(['e1', 'e2', 'e3']);
    expect(second.items.map((o) => o.id)).toEqual(['e4']);
    expect(first.total).toBe(4);
    expect((await failure(content.objects.list('everything', { limit: 1001 }))).status).toBe(400);
    expect((await failure(content.objects.list('everything', { page: 0 }))).status).toBe(400);
  });

  it('selects by ids[]', async () => {
    const page = await content.objects.list('everything', { ids: ['E3', 'e1', 'missing'], orderBy: 'id' });
    expect(page.items.map((o) => o.id)).toEqual(['e1', 'e3']);
  });
});
