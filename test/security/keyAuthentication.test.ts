import { keyRule } from '../support/keyRules';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { LIBRARY_TYPES } from '../rest/restKit';

/**
 * THREATS B-7 over HTTP: whatever is wrong with a key — missing, empty, malformed, a changed
 * character (bad checksum), unknown, removed or regenerated — and wherever it is sent (header or
 * `?auth_token=`), each surface answers one and the same 401, so the answer tells nothing of its status.
 */
describe('refused keys look alike (THREATS B-7)', () => {
  let t: TestGateway;
  const bad: Record<string, string | undefined> = {};

  beforeAll(async () => {
    t = await startTestGateway();
    const account = await t.createAccount();
    for (const ctd of LIBRARY_TYPES) await t.gateway.content(account.accountId).contentTypes.create(ctd);
    const keys = await t.gateway.keyService(account.accountId);
    const removed = await keys.createUserKey({ name: 'removed', rules: [keyRule('category', { canRead: true })] });
    await keys.remove(removed.key.id);
    const regenerated = await t.createAccount('Regenerated');
    const rw = (await (await t.gateway.keyService(regenerated.accountId)).list()).find((key) => key.kind === 'rw')!;
    await (await t.gateway.keyService(regenerated.accountId)).regenerate(rw.id);
    Object.assign(bad, {
      missing: undefined,
      empty: '',
      malformed: 'not-a-key',
      'a changed character': account.ro.slice(0, -1) + (account.ro.endsWith('A') ? 'B' : 'A'),
      'unknown, well-formed': 'cg_rw_AAAAAAAAAAAAAAAAAAAAAAAA000000',
      removed: removed.secret,
      regenerated: regenerated.rw,
    });
  }, 60_000);
  afterAll(async () => t.close());

  const requests = (key: string | undefined) => {
    const query = key === undefined ? '' : `auth_token=${encodeURIComponent(key)}`;
    const header = key === undefined ? {} : { 'x-auth-token': key };
    const gqlBody = JSON.stringify({ query: '{ categoryCount }' });
    return {
      'REST, header': { method: 'GET' as const, url: '/api/v1/content/category', headers: header },
      'REST, ?auth_token=': { method: 'GET' as const, url: `/api/v1/content/category?${query}`, headers: {} },
      'REST write, header': { method: 'POST' as const, url: '/api/v1/content/category', headers: { ...header, 'content-type': 'application/json' }, payload: '{"name":"x"}' },
      'GraphQL, header': { method: 'POST' as const, url: '/graphql', headers: { ...header, 'content-type': 'application/json' }, payload: gqlBody },
      'GraphQL, ?auth_token=': { method: 'POST' as const, url: `/graphql?${query}`, headers: { 'content-type': 'application/json' }, payload: gqlBody },
      'SDL, ?auth_token=': { method: 'GET' as const, url: `/api/graphql/schema?${query}`, headers: {} },
    };
  };

  it('every refused key gets, per surface and place, exactly the answer of a missing key', async () => {
    const baseline: Record<string, { status: number; body: string; type: unknown }> = {};
    for (const [where, request] of Object.entries(requests(undefined))) {
      const response = await t.app.inject(request);
      baseline[where] = { status: response.statusCode, body: response.body, type: response.headers['content-type'] };
      expect(response.statusCode).toBe(401);
    }
    for (const [what, key] of Object.entries(bad)) {
      for (const [where, request] of Object.entries(requests(key))) {
        const response = await t.app.inject(request);
        expect({ what, where, status: response.statusCode, body: response.body, type: response.headers['content-type'] }).toEqual({ what, where, ...baseline[where] });
      }
    }
  });
});
