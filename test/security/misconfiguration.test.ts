import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from '../rest/restKit';

const PRODUCTION = { NODE_ENV: 'production', KEY_HASH_SECRET: 'h'.repeat(40), KEY_ENCRYPTION_KEY: 'e'.repeat(40), ADMIN_TOKEN: 'a'.repeat(40) };
const QUERY = encodeURIComponent('{ categoryCount }');

/**
 * THREATS F (misconfiguration, disclosure) and H-43 (forgotten surfaces) over HTTP, on a gateway
 * configured as shipped for production (NODE_ENV=production, introspection as configured).
 */
describe('production configuration (THREATS F, H-43)', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway({ env: PRODUCTION, configuredIntrospection: true });
    keys = await t.createAccount();
    for (const ctd of LIBRARY_TYPES) await t.gateway.content(keys.accountId).contentTypes.create(ctd);
  }, 60_000);
  afterAll(async () => t.close());

  it.each([
    ['with the read-write key', () => keys.rw],
    ['with the read-only key', () => keys.ro],
    ['without a key', () => undefined],
  ])('F.31 introspection is off %s', async (_what, key) => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "category") { name fields { name } } }']) {
      const { status, body } = await graphql(t.app, key(), query);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body.data ?? null).toBeNull();
      expect(JSON.stringify(body)).not.toMatch(/categoryList|"fields"/);
    }
    // Ordinary operations still run.
    if (key()) expect((await graphql(t.app, key(), '{ categoryCount __typename }')).body.data).toEqual({ categoryCount: 0, __typename: 'Query' });
  });

  it('F.32 a misspelt field gets no "Did you mean" hint in production either', async () => {
    const { body } = await graphql(t.app, keys.rw, '{ categoryLis { id } categoryCoun }');
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/did you mean|categoryList|categoryCount/i);
  });

  it.each([
    ['GET /graphql asking for HTML', '/graphql', { accept: 'text/html' }],
    ['GET /api/graphql asking for HTML', '/api/graphql', { accept: 'text/html,application/xhtml+xml' }],
    ['GET /graphiql', '/graphiql', {}],
  ])('F.37 no landing page or Sandbox: %s is 404', async (_what, url, headers) => {
    const response = await t.app.inject({ method: 'GET', url, headers });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).not.toMatch(/sandbox|graphiql|<script/i);
  });

  describe('F.35 CSRF and cross-site reads', () => {
    it('a GET query without a preflight header or JSON content type is blocked, even with ?auth_token=', async () => {
      for (const url of [`/graphql?query=${QUERY}&auth_token=${keys.ro}`, `/api/graphql?query=${QUERY}&auth_token=${keys.ro}`]) {
        const response = await t.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(400);
        expect(response.body).toMatch(/Cross-Site Request Forgery/);
        expect(response.body).not.toContain('categoryCount":');
      }
      const preflighted = await t.app.inject({ method: 'GET', url: `/graphql?query=${QUERY}&auth_token=${keys.ro}`, headers: { 'apollo-require-preflight': 'true' } });
      expect(preflighted.json()).toEqual({ data: { categoryCount: 0 } });
    });

    it.each([
      ['text/plain', JSON.stringify({ query: 'mutation { createCategory(data: {name: "csrf"}) { id } }' })],
      ['application/x-www-form-urlencoded', 'query=mutation%20%7BcreateCategory(data%3A%7Bname%3A%22csrf%22%7D)%7Bid%7D%7D'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation { createCategory(data: {name: \\"csrf\\"}) { id } }"}\r\n--x--\r\n'],
    ])('a simple-request POST (%s) with ?auth_token= is refused and writes nothing', async (contentType, payload) => {
      const response = await t.app.inject({ method: 'POST', url: `/graphql?auth_token=${keys.rw}`, headers: { 'content-type': contentType }, payload });
      expect([400, 415]).toContain(response.statusCode);
      expect((await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro })).body.total_count).toBe(0);
    });

    it('a mutation over GET is refused (405) and writes nothing, preflight header or not', async () => {
      const mutation = encodeURIComponent('mutation { createCategory(data: {name: "csrf"}) { id } }');
      for (const headers of [{}, { 'apollo-require-preflight': 'true' }]) {
        const response = await t.app.inject({ method: 'GET', url: `/graphql?query=${mutation}&auth_token=${keys.rw}`, headers });
        expect([400, 405]).toContain(response.statusCode);
      }
      expect((await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro })).body.total_count).toBe(0);
    });
  });

  it.each([
    ['REST read', 'GET', `/api/v1/content/category?auth_token=KEY`],
    ['GraphQL read', 'GET', `/graphql?query=${QUERY}&auth_token=KEY`],
    ['401', 'GET', '/api/v1/content/category?auth_token=cg_rw_wrong'],
    ['404', 'GET', '/api/v1/nothing-here?auth_token=KEY'],
    ['SDL', 'GET', '/api/graphql/schema?auth_token=KEY'],
  ])('F.36/B.12 %s: no-store, no-referrer, no redirect and no echo of the key', async (_what, method, url) => {
    const response = await t.app.inject({ method: method as 'GET', url: url.replace('KEY', keys.ro), headers: { 'apollo-require-preflight': 'true' } });
    // Reads with an entity tag are `private, no-cache` (revalidated each time, never in a shared cache); all else no-store.
    expect(response.headers['cache-control']).toMatch(/^(no-store|private, no-cache)$/);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.statusCode < 300 || response.statusCode >= 400).toBe(true);
    expect(response.headers.location).toBeUndefined();
    expect(response.body).not.toContain(keys.ro);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    '/metrics', '/internal/metrics', '/admin', '/internal/graphql', '/debug', '/json', '/json/list', '/api/v0/content/category',
    '/api/v2/content/category', '/api/beta/graphql', '/status', '/.env', '/server-status',
  ])('H.43 the public port has no forgotten surface at %s (404, same body as any unknown path)', async (url) => {
    for (const key of [keys.rw, undefined]) {
      const response = await call(t.app, 'GET', url, { key });
      expect(response).toMatchObject({ status: 404, body: { code: 404, message: 'Not found' } });
    }
  });
});
