import { fixtureContentType } from '../support/fixtures';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';

describe('GraphQL over HTTP with application keys', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.contentTypes.create(fixtureContentType('everything'));
  });
  afterAll(async () => t.close());

  describe('authentication', () => {
    it.each([
      ['no key', undefined],
      ['an unknown well-formed key', 'cg_ro_AAAAAAAAAAAAAAAAAAAAAAAA000000'],
      ['a malformed key', 'not-a-key'],
    ])('refuses %s with 401 UNAUTHENTICATED', async (_name, key) => {
      const { status, body } = await graphql(t.app, key, '{ categoryList { id } }');
      expect(status).toBe(401);
      expect(body).toEqual({ errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] });
    });

    it('accepts the key in ?auth_token= and on the Flotiq path /api/graphql', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/graphql?auth_token=${keys.ro}`,
        headers: { 'content-type': 'application/json' },
        payload: { query: '{ categoryCount }' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ data: { categoryCount: 0 } });
    });

    it('refuses a header and a query key that differ with 400', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/graphql?auth_token=${keys.rw}`,
        headers: { 'content-type': 'application/json', 'X-AUTH-TOKEN': keys.ro },
        payload: { query: '{ categoryCount }' },
      });
      expect(response.statusCode).toBe(400);
    });
  });

  it('creates, reads, lists, updates and deletes with the read-write key', async () => {
    const created = await graphql(t.app, keys.rw, 'mutation($d: CategoryInput!) { createCategory(data: $d) { id name internal { contentType latestVersion } } }', {
      d: { id: 'category-e2e', name: 'End to end' },
    });
    expect(created.body).toEqual({
      data: { createCategory: { id: 'category-e2e', name: 'End to end', internal: { contentType: 'category', latestVersion: 1 } } },
    });
    const read = await graphql(t.app, keys.ro, '{ category(id: "category-e2e") { id name } }');
    expect(read.body.data).toEqual({ category: { id: 'category-e2e', name: 'End to end' } });
    const updated = await graphql(t.app, keys.rw, 'mutation { updateCategory(id: "category-e2e", data: {name: "Renamed"}) { name internal { latestVersion } } }');
    expect(updated.body.data).toEqual({ updateCategory: { name: 'Renamed', internal: { latestVersion: 2 } } });
    const deleted = await graphql(t.app, keys.rw, 'mutation { deleteCategory(id: "category-e2e") { id deleted } }');
    expect(deleted.body.data).toEqual({ deleteCategory: { id: 'category-e2e', deleted: true } });
    const gone = await graphql(t.app, keys.ro, '{ category(id: "category-e2e") { id } }');
    expect(gone.body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists with filters (JSON and typed), ordering, paging and counts', async () => {
    for (const [id, name] of [['c-1', 'Alpha'], ['c-2', 'Beta'], ['c-3', 'Gamma'], ['c-4', 'Alphabet']]) {
      await graphql(t.app, keys.rw, 'mutation($d: CategoryInput!) { createCategory(data: $d) { id } }', { d: { id, name } });
    }
    const json = await graphql(t.app, keys.ro, `{ categoryList(filter: "{\\"name\\":{\\"type\\":\\"startsWith\\",\\"filter\\":\\"alpha\\"}}", order_by: "name", order_direction: "desc") { id } }`);
    expect(json.body.data?.categoryList).toEqual([{ id: 'c-4' }, { id: 'c-1' }]);
    const typed = await graphql(t.app, keys.ro, '{ categoryList(where: {name: {type: equals, anyOf: ["Beta", "Gamma"]}}, order_by: "name") { name } categoryCount(where: {name: {type: contains, filter: "a"}}) }');
    expect(typed.body.data).toEqual({ categoryList: [{ name: 'Beta' }, { name: 'Gamma' }], categoryCount: 4 });
    const paged = await graphql(t.app, keys.ro, '{ categoryList(order_by: "id", page: 2, limit: 3) { id } }');
    expect(paged.body.data?.categoryList).toEqual([{ id: 'c-4' }]);
  });

  it('the read-only key cannot mutate: its schema has no mutations', async () => {
    const { status, body } = await graphql(t.app, keys.ro, 'mutation { createCategory(data: {name: "nope"}) { id } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toMatchObject([{ message: 'The mutation operation is not supported by the schema.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]);
    expect((await graphql(t.app, keys.ro, '{ categoryList(filter: "{\\"name\\":{\\"type\\":\\"equals\\",\\"filter\\":\\"nope\\"}}") { id } }')).body.data).toEqual({ categoryList: [] });
  });

  it.each([
    ['a write that fails validation', 'mutation { createEverything(data: {price: 3}) { id } }', 'BAD_USER_INPUT', { title: ['The property title is required'] }],
    ['limit over 1000', '{ categoryList(limit: 1001) { id } }', 'BAD_USER_INPUT', { limit: ['Limit must be between 1 and 1000'] }],
    ['bad filter JSON', '{ categoryList(filter: "{") { id } }', 'BAD_USER_INPUT', { filters: ['Malformed filters json - Syntax error'] }],
    ['an invalid id', 'mutation { createCategory(data: {id: "bad/id", name: "x"}) { id } }', 'BAD_USER_INPUT', undefined],
    ['an unknown id', '{ category(id: "missing") { id } }', 'NOT_FOUND', undefined],
  ])('answers %s with a stable code and writes nothing', async (_name, query, code, fields) => {
    const before = (await graphql(t.app, keys.ro, '{ categoryCount everythingCount }')).body.data;
    const { body } = await graphql(t.app, keys.rw, query);
    expect(body.errors?.[0].extensions?.code).toBe(code);
    if (fields) expect(body.errors?.[0].extensions?.fields).toEqual(fields);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
    expect((await graphql(t.app, keys.ro, '{ categoryCount everythingCount }')).body.data).toEqual(before);
  });

  it('refuses unknown fields without suggesting names', async () => {
    const { status, body } = await graphql(t.app, keys.ro, '{ categoryLis { id } }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('a new content type appears in the schema without a restart', async () => {
    const before = await graphql(t.app, keys.ro, '{ productList { id } }');
    expect(before.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await t.gateway.content(keys.accountId).contentTypes.create({
      name: 'product',
      label: 'Product',
      schemaDefinition: {
        type: 'object',
        allOf: [
          { $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' },
          { type: 'object', properties: { sku: { type: 'string', minLength: 1 } } },
        ],
        required: ['sku'],
        additionalProperties: false,
      },
      metaDefinition: { propertiesConfig: { sku: { label: 'SKU', inputType: 'text', unique: true } }, order: ['sku'] },
    });
    await graphql(t.app, keys.rw, 'mutation { createProduct(data: {sku: "A-1"}) { id } }');
    const after = await graphql(t.app, keys.ro, '{ productList { sku } }');
    expect(after.body).toEqual({ data: { productList: [{ sku: 'A-1' }] } });
  });

  it('application keys may introspect (development configuration)', async () => {
    const { body } = await graphql(t.app, keys.ro, '{ __schema { queryType { name } } }');
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves the account SDL at /api/graphql/schema', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/graphql/schema', headers: { 'X-Auth-Token': keys.ro } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('type category {');
    expect(response.body).toContain('everythingList(');
    expect((await t.app.inject({ method: 'GET', url: '/api/graphql/schema' })).statusCode).toBe(401);
  });

  it('refuses batched operations', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-auth-token': keys.ro },
      payload: JSON.stringify([{ query: '{ categoryCount }' }, { query: '{ categoryCount }' }]),
    });
    expect(response.statusCode).toBe(400);
  });
});
