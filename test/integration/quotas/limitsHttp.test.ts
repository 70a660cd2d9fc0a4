import type { FastifyInstance } from 'fastify';
import { generateSecret } from '../../../src/keys/secrets/keyFormat';
import { readUntil } from '../../support/eventually';
import { fixtureContentType } from '../../support/fixtures';
import { internalGraphql, startInternal } from '../../support/internalClient';
import { graphql, startTestGateway, type TestGateway } from '../../support/testGateway';
import { call } from '../../rest/restKit';
import { allCounters } from '../../support/usageCounters';

/** Plans of this file: a small quota, a small burst, and one with no limits. */
const PLANS = { tiny: { callsPer30Days: 5, burstPerSecond: null, maxUserKeys: 5 }, bursty: { callsPer30Days: null, burstPerSecond: 3, maxUserKeys: 5 }, roomy: { callsPer30Days: null, burstPerSecond: null, maxUserKeys: 1 } };
const BAD_KEY_LIMIT = 6;
const LIST = '/api/v1/content/category';

describe('quotas and rate limits over HTTP', () => {
  let t: TestGateway;
  let internal: FastifyInstance;

  beforeAll(async () => {
    t = await startTestGateway({ env: { PLANS_JSON: JSON.stringify(PLANS), BAD_KEY_LIMIT: String(BAD_KEY_LIMIT) } });
    internal = await startInternal(t.gateway);
  });
  afterAll(async () => {
    await internal?.close();
    await t?.close();
  });

  const account = async (plan: string) => {
    const created = await t.createAccount(`On ${plan}`, plan);
    await t.gateway.content(created.accountId).contentTypes.create(fixtureContentType('category'));
    return created;
  };
  const usage = async (accountId: string) => {
    await t.app.quotaRuntime!.tick();
    const answer = await internalGraphql(
      internal,
      'query($id: ID!) { account(id: $id) { plan planLimits { callsPer30Days burstPerSecond maxUserKeys } usage { calls refusedBurst refusedQuota remaining days { day calls } keys { keyId name kind calls refusedBurst refusedQuota lastUsedAt days { calls } } } } }',
      { id: accountId },
    );
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data.account;
  };

  it('under the quota, RateLimit headers say what remains; once spent, 403 with Flotiq’s body, a reset time and nothing written', async () => {
    const { accountId, rw, ro } = await account('tiny');
    for (let n = 1; n <= 4; n++) {
      const answer = await call(t.app, 'GET', LIST, { key: n % 2 ? ro : rw });
      expect(answer.status).toBe(200);
      expect(answer.headers['ratelimit-policy']).toBe('"quota";q=5;w=2592000');
      expect(answer.headers.ratelimit).toMatch(new RegExp(`^"quota";r=${5 - n};t=\\d+$`));
    }
    // A route error keeps the headers (the call counted).
    const missing = await call(t.app, 'GET', '/api/v1/content/category/nope', { key: ro });
    expect(missing.status).toBe(404);
    expect(missing.headers.ratelimit).toMatch(/^"quota";r=0;t=\d+$/);

    const refusedWrite = await call(t.app, 'POST', LIST, { key: rw, body: { id: 'written-when-refused', name: 'No' } });
    expect(refusedWrite.status).toBe(403);
    expect(refusedWrite.body).toEqual({ code: 403, message: 'Access denied or quota limit exceeded' });
    expect(refusedWrite.headers['retry-after']).toBeUndefined();
    const reset = Date.parse(String(refusedWrite.headers['x-quota-reset']));
    expect(reset).toBeGreaterThan(Date.now() + 29 * 86_400_000); // today's calls leave the window in 30 days
    expect(refusedWrite.headers.ratelimit).toMatch(/^"quota";r=0;t=\d+$/);
    expect(await t.gateway.content(accountId).objects.get('category', 'written-when-refused').catch(() => 'absent')).toBe('absent');

    const refusedGraphQL = await graphql(t.app, ro, '{ categoryList { id } }');
    expect(refusedGraphQL.status).toBe(403);
    expect(refusedGraphQL.body).toEqual({
      code: 403,
      message: 'Access denied or quota limit exceeded',
      errors: [{ message: 'Access denied or quota limit exceeded', extensions: { code: 'FORBIDDEN' } }],
    });

    const seen = await usage(accountId);
    expect(seen.planLimits).toEqual({ callsPer30Days: 5, burstPerSecond: null, maxUserKeys: 5 });
    expect(seen.usage).toMatchObject({ calls: 5, refusedBurst: 0, refusedQuota: 2, remaining: 0 });
    expect(seen.usage.days).toHaveLength(30);
    expect(seen.usage.days[29].calls).toBe(5);
    const byKind = Object.fromEntries(seen.usage.keys.map((key: { kind: string }) => [key.kind, key]));
    expect(byKind.ro).toMatchObject({ calls: 3, refusedQuota: 1 });
    expect(byKind.rw).toMatchObject({ calls: 2, refusedQuota: 1 });
    expect(Date.parse(byKind.ro.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The internal listener is never counted.
    expect((await usage(accountId)).usage.calls).toBe(5);
  });

  it('over the burst: 429 with Retry-After, RateLimit headers and Flotiq’s body, on REST and GraphQL', async () => {
    const { accountId, ro } = await account('bursty');
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? call(t.app, 'GET', LIST, { key: ro }) : graphql(t.app, ro, '{ categoryList { id } }').then((r) => ({ ...r, headers: {} as Record<string, unknown> })))));
    const elapsedSeconds = Math.ceil((Date.now() - started) / 1000);
    const admitted = answers.filter((a) => a.status === 200).length;
    expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
    expect(admitted).toBeGreaterThanOrEqual(3);
    expect(admitted).toBeLessThanOrEqual(3 * (elapsedSeconds + 1));

    const refusedGraphQL = answers.find((a, i) => i % 2 === 0 && a.status === 429) as { body: unknown } | undefined;
    if (refusedGraphQL) {
      expect(refusedGraphQL.body).toMatchObject({ code: 429, errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' } }] });
    }
    let sent = answers.length + 1;
    let refused = await call(t.app, 'GET', LIST, { key: ro });
    for (let n = 0; n < 5 && refused.status !== 429; n++, sent++) refused = await call(t.app, 'GET', LIST, { key: ro });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 429, message: 'Too many requests, retry after the number of seconds in Retry-After' });
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['ratelimit-policy']).toBe('"burst";q=3;w=1');
    expect(refused.headers.ratelimit).toBe('"burst";r=0;t=1');

    const seen = await usage(accountId);
    expect(seen.usage.refusedBurst).toBeGreaterThanOrEqual(answers.length - admitted + 1);
    expect(seen.usage.calls + seen.usage.refusedBurst).toBe(sent); // every request is a call or a refusal, once

    // After the window, calls pass again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call(t.app, 'GET', LIST, { key: ro })).status).toBe(200);
  });

  it('a plan change takes effect within the refresh bound (quota and key cap)', async () => {
    const { accountId, ro } = await account('tiny');
    for (let n = 0; n < 5; n++) expect((await call(t.app, 'GET', LIST, { key: ro })).status).toBe(200);
    expect((await call(t.app, 'GET', LIST, { key: ro })).status).toBe(403);
    const changed = await internalGraphql(internal, 'mutation($id: ID!) { accounts { setPlan(id: $id, plan: "roomy") { plan planLimits { maxUserKeys } } } }', { id: accountId });
    expect(changed.body.data.accounts.setPlan).toEqual({ plan: 'roomy', planLimits: { maxUserKeys: 1 } });
    expect(await readUntil(async () => (await call(t.app, 'GET', LIST, { key: ro })).status, 200, 2000)).toBe(200);
    const unlimited = await call(t.app, 'GET', LIST, { key: ro });
    expect(unlimited.headers.ratelimit).toBeUndefined();

    const keys = await t.gateway.keyService(accountId);
    await keys.createUserKey({ name: 'one', rules: [] });
    await expect(keys.createUserKey({ name: 'two', rules: [] })).rejects.toThrow();
    const unknownPlan = await internalGraphql(internal, 'mutation($id: ID!) { accounts { setPlan(id: $id, plan: "gold") { plan } } }', { id: accountId });
    expect(unknownPlan.body.errors?.[0].extensions?.fields).toEqual({ plan: ['Unknown plan gold (plans: free, basic, pro, enterprise, tiny, bursty, roomy)'] });
  });

  it('missing, malformed and unknown keys are limited per address, consume no quota and write no counter', async () => {
    const { accountId, ro } = await account('tiny');
    const before = (await allCounters(t.database)).length;
    const bad = [undefined, 'cg_ro_not-a-key', generateSecret('ro'), generateSecret('usr'), generateSecret('rw'), undefined];
    for (const key of bad) {
      const answer = await call(t.app, 'GET', LIST, key ? { key } : {});
      expect([answer.status, answer.body]).toEqual([401, { code: 401, message: 'Unauthorized' }]);
    }
    const limited = await call(t.app, 'GET', LIST, { key: generateSecret('ro') });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 429, message: 'Too many requests without a valid API key from this address, retry after the number of seconds in Retry-After' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const limitedGraphQL = await graphql(t.app, undefined, '{ categoryList { id } }');
    expect(limitedGraphQL.status).toBe(429);
    expect(limitedGraphQL.body.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Another address is not limited; health checks and a valid key from this address are not either.
    expect((await t.app.inject({ method: 'GET', url: LIST, remoteAddress: '10.0.0.9' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await call(t.app, 'GET', LIST, { key: ro })).status).toBe(200);

    await t.app.quotaRuntime!.tick();
    expect((await allCounters(t.database)).length).toBe(before + 1); // the valid call only
    expect((await usage(accountId)).usage).toMatchObject({ calls: 1, refusedBurst: 0, refusedQuota: 0 });
  });

  it('keyless media file fetches (<img src>) are neither counted nor held to the bad-key limit; a bad key on them is', async () => {
    const address = '10.0.0.77';
    const image = (headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url: '/image/300x0/_media-doesNotExist.jpg', remoteAddress: address, headers });
    // Many times the bad-key limit from one address: every answer is the file's own (here a 404), never a 429.
    const answers = await Promise.all(Array.from({ length: BAD_KEY_LIMIT * 5 }, () => image()));
    expect([...new Set(answers.map((answer) => answer.statusCode))]).toEqual([404]);
    // A made-up key on a file URL is an attempt at a key: limited like any other.
    const withBadKeys = [];
    for (let n = 0; n <= BAD_KEY_LIMIT; n++) withBadKeys.push((await image({ 'x-auth-token': generateSecret('ro') })).statusCode);
    expect(withBadKeys.slice(0, BAD_KEY_LIMIT)).not.toContain(429);
    expect(withBadKeys[BAD_KEY_LIMIT]).toBe(429);
  });
});
