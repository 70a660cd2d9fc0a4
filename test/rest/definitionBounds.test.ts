import { performance } from 'node:perf_hooks';
import { largeDefinition, propertyName } from '../support/largeDefinitions';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call } from './restKit';

/**
 * Issue #12: unbounded CTDs froze the process (10,000 properties: 30 s of schema build, /health
 * included). Over HTTP: definitions past a bound are refused with Flotiq-style 400s naming the field,
 * and the schema of one at every bound builds without stalling /health.
 */
const BASE = '/api/v1/internal/contenttype';

describe('REST content type bounds', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
  });
  afterAll(async () => t.close());

  it.each<[string, () => Record<string, unknown>, Record<string, string[]>]>([
    ['10,000 properties', () => largeDefinition('huge', { properties: 10_000, depth: 0, options: 0 }), { ctd: ['The definition must be at most 128 KiB of JSON'] }],
    ['101 properties', () => largeDefinition('huge', { properties: 101 }), { 'schemaDefinition.properties': ['Must contain no more than 100 properties, nested ones included'] }],
    [
      'a 1,000-character property name',
      () => largeDefinition('huge', { properties: 1, nameLength: 1000 }),
      { 'schemaDefinition.properties': [`Property name ${propertyName(0, 1000).slice(0, 20)}… is longer than 64 characters`] },
    ],
    [
      'object lists nested 3 deep',
      () => largeDefinition('huge', { properties: 12, depth: 3 }),
      { 'metaDefinition.propertiesConfig.p1xxxxxx.items.propertiesConfig.p2xxxxxx.items.propertiesConfig.p3xxxxxx': ['Object lists can be nested at most 2 levels deep'] },
    ],
  ])('refuses a CTD with %s (400, nothing created)', async (_name, build, expected) => {
    expect(await call(t.app, 'POST', BASE, { key: keys.rw, body: build() })).toMatchObject({ status: 400, body: expected });
    expect((await call(t.app, 'GET', `${BASE}/huge`, { key: keys.rw })).status).toBe(404);
  });

  it('accepts a CTD at every bound; its first GraphQL request builds the schema while /health still answers', async () => {
    const created = await call(t.app, 'POST', BASE, { key: keys.rw, body: largeDefinition('maximal', { properties: 100, depth: 2, nameLength: 64 }) });
    expect(created.status).toBe(200);
    const started = performance.now();
    const first = graphql(t.app, keys.ro, '{ maximalCount }');
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    const healthMs = performance.now() - started;
    expect(health.statusCode).toBe(200);
    await expect(first).resolves.toEqual({ status: 200, body: { data: { maximalCount: 0 } } });
    // The build takes some 25 ms on an idle core (npm run bench:schema); 2 s only fails on a real stall.
    expect(healthMs).toBeLessThan(2_000);
  });
});
