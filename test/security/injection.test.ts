import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from '../rest/restKit';

/**
 * THREATS G (NoSQL injection) over HTTP on the real database: operators where a scalar is expected,
 * nested query strings, server-side JavaScript operators at any depth, and patterns in search text.
 * Each attempt is refused with 400 (or treated as literal text) and matches nothing it should not.
 */
describe('NoSQL injection (THREATS G)', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const list = (filters: unknown) => `/api/v1/content/category?filters=${encodeURIComponent(JSON.stringify(filters))}`;

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('category', { id: 'c-1', name: 'Plain', secret: 's1' });
    await content.objects.create('category', { id: 'c-2', name: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', secret: 's2' });
  }, 60_000);
  afterAll(async () => t.close());

  const OPERATOR_FILTERS: [string, unknown][] = [
    ['$ne as the rule', { name: { $ne: null } }],
    ['$gt as the filter value', { name: { type: 'equals', filter: { $gt: '' } } }],
    ['$in as the filter value', { name: { type: 'equals', filter: { $in: ['Plain', 'x'] } } }],
    ['a nested list as the filter value', { name: { type: 'equals', filter: [['Plain']] } }],
    ['an operator inside a list', { name: { type: 'equals', filter: ['x', { $ne: null }] } }],
    ['a top-level $where', { $where: 'sleep(5000) || true' }],
    ['$where inside $or', { $or: [{ $where: 'true' }] }],
    ['$where inside $and inside $nor', { $nor: [{ $and: [{ $where: 'true' }] }] }],
    ['$expr', { $expr: { $eq: ['$name', '$name'] } }],
    ['$function in a rule', { name: { type: 'equals', filter: { $function: { body: 'return true', args: [], lang: 'js' } } } }],
    ['$accumulator in a rule key', { name: { $accumulator: {} } }],
    ['$regex as the filter value', { name: { type: 'contains', filter: { $regex: '(a+)+$' } } }],
    ['$jsonSchema', { $jsonSchema: {} }],
  ];

  it.each(OPERATOR_FILTERS)('G.38/G.40 REST filters with %s are refused with 400', async (_what, filters) => {
    const response = await call(t.app, 'GET', list(filters), { key: keys.ro });
    expect(response.status).toBe(400);
    expect(response.text).not.toMatch(/Plain|s1|Mongo|collection|stack/i);
  });

  it.each(OPERATOR_FILTERS)('G.38/G.40 GraphQL filter strings with %s are refused', async (_what, filters) => {
    const { body } = await graphql(t.app, keys.ro, 'query($f: String) { categoryList(filter: $f) { id } }', { f: JSON.stringify(filters) });
    expect(body.data?.categoryList ?? null).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/Mongo|collection|stack/i);
  });

  it('G.38 a typed GraphQL filter takes only scalars: an operator object is a validation error', async () => {
    const { status, body } = await graphql(t.app, keys.ro, '{ categoryList(where: {name: {type: equals, filter: {ne: null}}}) { id } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['a create', 'POST', '/api/v1/content/category', { name: { $gt: '' } }],
    ['a patch', 'PATCH', '/api/v1/content/category/c-1', { name: { $set: { secret: 'x' } } }],
    ['a replace', 'PUT', '/api/v1/content/category/c-1', { id: 'c-1', name: 'Plain', $where: 'true' }],
  ])('G.38 %s with an operator in the JSON body is refused and stores nothing', async (_what, method, url, body) => {
    const response = await call(t.app, method, url, { key: keys.rw, body });
    expect(response.status).toBe(400);
    expect((await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro })).body).toMatchObject({ name: 'Plain', secret: 's1', internal: { latestVersion: 1 } });
  });

  it.each([
    '?filters[name][$ne]=x',
    '?filters[$where]=true',
    '?where[name][$ne]=x',
    '?order_by[$where]=1',
    '?ids[$ne]=x',
  ])('G.39 a nested query string %s is refused naming the parameter, never read as an object', async (query) => {
    const response = await call(t.app, 'GET', `/api/v1/content/category${query}`, { key: keys.ro });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body)).toEqual([query.slice(1).split('[')[0]]);
  });

  it('G.41 a catastrophic pattern in contains is literal text: it matches nothing; its literal text matches', async () => {
    const response = await call(t.app, 'GET', list({ name: { type: 'contains', filter: '(a+)+$' } }), { key: keys.ro });
    expect(response.status).toBe(200);
    expect(response.body.total_count).toBe(0);
    const literal = await call(t.app, 'GET', list({ name: { type: 'contains', filter: 'a!' } }), { key: keys.ro });
    expect(literal.body.data.map((o: { id: string }) => o.id)).toEqual(['c-2']);
    const dot = await call(t.app, 'GET', list({ name: { type: 'contains', filter: '.*' } }), { key: keys.ro });
    expect(dot.body.total_count).toBe(0);
  });

  it('G.41 search text is length-capped and literal', async () => {
    const long = await call(t.app, 'GET', list({ name: { type: 'contains', filter: 'a'.repeat(257) } }), { key: keys.ro });
    expect(long.status).toBe(400);
    const search = await call(t.app, 'GET', `/api/v1/search?q=${encodeURIComponent('(a+)+$')}`, { key: keys.ro });
    expect(search.status).toBe(200);
    expect(search.body.total_count).toBe(0);
  });
});
