import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from '../rest/restKit';

/**
 * THREATS E (resource consumption) over HTTP, for what the GraphQL document-limit suite
 * (test/graphql/operationLimits.test.ts) does not already cover: amount limits, body size and
 * charset on both surfaces, and storms of variable coercion errors.
 */
describe('resource limits (THREATS E)', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const post = (url: string, contentType: string, payload: string) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': contentType, 'x-auth-token': keys.rw }, payload });

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    for (const ctd of LIBRARY_TYPES) await t.gateway.content(keys.accountId).contentTypes.create(ctd);
  }, 60_000);
  afterAll(async () => t.close());

  it.each([99_999_999, 1001, 0, -1])('E.23 GraphQL lists refuse limit: %p (the page maximum is 1000, as on REST)', async (limit) => {
    const { body } = await graphql(t.app, keys.ro, `{ categoryList(limit: ${limit}) { id } }`);
    expect(body.data?.categoryList ?? null).toBeNull();
    expect(body.errors?.[0].message).toMatch(/1000/);
  });

  it('E.23 REST lists refuse limit=99999999', async () => {
    expect((await call(t.app, 'GET', '/api/v1/content/category?limit=99999999', { key: keys.ro })).status).toBe(400);
  });

  it('E.28 a GraphQL body over the limit is 413 before it is parsed', async () => {
    const response = await post('/graphql', 'application/json', JSON.stringify({ query: '{ categoryCount }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ code: 413, message: 'Request body too large' });
  });

  it.each([
    ['/graphql', JSON.stringify({ query: 'mutation { createCategory(data: {name: "x"}) { id } }' })],
    ['/api/v1/content/category', JSON.stringify({ name: 'x' })],
  ])('E.28 %s refuses a body declared in another charset than UTF-8 with 415 and writes nothing', async (url, payload) => {
    const count = async () => (await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro })).body.total_count;
    const before = await count();
    for (const charset of ['utf-16', 'UTF-7', '"iso-8859-1"', 'ibm037']) {
      const response = await post(url, `application/json; charset=${charset}`, payload);
      expect(response.statusCode).toBe(415);
      expect(response.json()).toEqual({ code: 415, message: 'Unsupported Media Type' });
    }
    expect(await count()).toBe(before);
    expect((await post(url, 'application/json; charset=UTF-8', payload)).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
  });

  it('E.29 a storm of variable coercion errors is one 400 with a bounded number of errors', async () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => (i % 2 ? i : null));
    const { status, body } = await graphql(t.app, keys.ro, 'query($ids: [String!]) { categoryList(ids: $ids) { id } }', { ids });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors!.length).toBeLessThanOrEqual(100);
  });
});
