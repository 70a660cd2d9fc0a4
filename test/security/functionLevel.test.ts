import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from '../rest/restKit';

/**
 * THREATS D-17/D-18 over HTTP, beyond test/internal/internalApi.test.ts ("never public") and
 * test/rest/transport.test.ts (405s): routing tricks towards key management on the public port,
 * admin-looking GraphQL operations, and verb tampering with a read-only key.
 */
describe('function-level authorization (THREATS D)', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    for (const ctd of LIBRARY_TYPES) await t.gateway.content(keys.accountId).contentTypes.create(ctd);
    await t.gateway.content(keys.accountId).objects.create('category', { id: 'c-1', name: 'Kept' });
  }, 60_000);
  afterAll(async () => t.close());

  const TRICKS: [string, Record<string, string>][] = [
    ['Host of the internal listener', { host: '127.0.0.1:3001' }],
    ['X-Forwarded-Host', { 'x-forwarded-host': 'internal.local' }],
    ['X-Forwarded-For from loopback', { 'x-forwarded-for': '127.0.0.1' }],
    ['X-Forwarded-Prefix', { 'x-forwarded-prefix': '/internal' }],
    ['X-Original-URL', { 'x-original-url': '/internal/graphql' }],
    ['X-Rewrite-URL', { 'x-rewrite-url': '/admin' }],
  ];

  it.each(TRICKS)('D.17 %s does not route to key management', async (_what, headers) => {
    for (const url of ['/internal/graphql', '/admin', '/internal/keys', '/api/v1/keys', '/api/v1/internal/keys', '/api/v1/account']) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
        const body = method === 'GET' || method === 'DELETE' ? undefined : {};
        const response = await call(t.app, method, url, { key: keys.rw, headers, body });
        expect([404, 405]).toContain(response.status);
        expect(response.text).not.toMatch(/apiKey|secret|regenerate/i);
      }
    }
    // The trick headers do not change an ordinary request either.
    const own = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro, headers });
    expect(own).toMatchObject({ status: 200, body: { name: 'Kept' } });
  });

  it.each([
    'mutation { keys { create(input: {name: "x"}) { secret } } }',
    'mutation { createKey(name: "x") { secret } }',
    'mutation { regenerateKey(id: "x") { secret } }',
    'mutation { createAccount(name: "x") { id } }',
    '{ accounts { id } }',
    '{ apiKeys { secret } }',
  ])('D.17 an admin-looking GraphQL operation with the read-write key is an unknown field: %s', async (query) => {
    const { status, body } = await graphql(t.app, keys.rw, query);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
  });

  it.each([
    ['POST with X-HTTP-Method-Override: DELETE', 'POST', '/api/v1/content/category/c-1', { 'x-http-method-override': 'DELETE' }],
    ['POST with X-HTTP-Method: PUT', 'POST', '/api/v1/content/category/c-1', { 'x-http-method': 'PUT' }],
    ['GET with X-Method-Override: DELETE', 'GET', '/api/v1/content/category/c-1', { 'x-method-override': 'DELETE' }],
    ['POST ?_method=DELETE', 'POST', '/api/v1/content/category/c-1?_method=DELETE', {}],
    ['PATCH', 'PATCH', '/api/v1/content/category/c-1', {}],
    ['PUT', 'PUT', '/api/v1/content/category/c-1', {}],
    ['DELETE', 'DELETE', '/api/v1/content/category/c-1', {}],
    ['POST batch-delete', 'POST', '/api/v1/content/category/batch-delete', {}],
  ])('D.18 the read-only key: %s changes nothing (403 or 405)', async (_what, method, url, headers) => {
    const body = url.endsWith('batch-delete') ? ['c-1'] : method === 'GET' || method === 'DELETE' ? undefined : { id: 'c-1', name: 'Changed' };
    const response = await call(t.app, method, url, { key: keys.ro, headers, body });
    if (method !== 'GET') expect([403, 405]).toContain(response.status);
    expect((await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro })).body).toMatchObject({ name: 'Kept', internal: { latestVersion: 1, deletedAt: '' } });
  });
});
