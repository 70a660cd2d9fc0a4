import { randomBytes } from 'node:crypto';
import { fixtureContentType } from '../../support/fixtures';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { testMongoUri } from '../../support/testDatabase';
import { graphql, startTestGateway, type TestGateway } from '../../support/testGateway';
import type { KeyService } from '../../../src/keys/keyService';

/** The documented bound for a key change to reach every other instance. */
const BOUND_MS = 1000;
const readCategories = [{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false }];

/**
 * What an instance answers for `{ categoryCount }` with the key, exactly: `200` (data, no errors),
 * `401 UNAUTHENTICATED`, `400 GRAPHQL_VALIDATION_FAILED` (the key's schema has no such field), or anything else spelled
 * out, so that an unexpected answer (a 500, a 503) never counts as one of the expected ones.
 */
type Outcome = '200' | '401 UNAUTHENTICATED' | '400 GRAPHQL_VALIDATION_FAILED' | `unexpected ${string}`;

async function outcomeOf(url: string, key: string): Promise<Outcome> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': key },
    body: JSON.stringify({ query: '{ categoryCount }' }),
  });
  const text = await response.text();
  let body: { data?: { categoryCount?: unknown } | null; errors?: { extensions?: { code?: string } }[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    return `unexpected ${response.status} ${text.slice(0, 200)}`;
  }
  const codes = (body.errors ?? []).map((error) => error.extensions?.code);
  if (response.status === 200 && codes.length === 0 && typeof body.data?.categoryCount === 'number') return '200';
  if (response.status === 401 && codes.length === 1 && codes[0] === 'UNAUTHENTICATED') return '401 UNAUTHENTICATED';
  if (response.status === 400 && codes.length === 1 && codes[0] === 'GRAPHQL_VALIDATION_FAILED' && !body.data) return '400 GRAPHQL_VALIDATION_FAILED';
  return `unexpected ${response.status} ${text.slice(0, 200)}`;
}

/** Milliseconds until every instance answers `outcome` for the key (fails past 3 s, naming what they answered). */
async function timeUntil(urls: string[], key: string, outcome: Outcome): Promise<number> {
  const started = Date.now();
  for (;;) {
    const outcomes = await Promise.all(urls.map((url) => outcomeOf(url, key)));
    if (outcomes.every((o) => o === outcome)) return Date.now() - started;
    if (Date.now() - started > 3000) throw new Error(`still ${outcomes.join(' | ')} after 3 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('key changes reach every instance', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  let admin: TestGateway;
  let instances: ServerProcess[] = [];
  let keys: KeyService;
  let accountId: string;

  beforeAll(async () => {
    admin = await startTestGateway({ databaseName });
    const account = await admin.createAccount('Two instances', 'pro');
    accountId = account.accountId;
    await admin.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
    keys = await admin.gateway.keyService(accountId);
    const started = () => startServerProcess({ mongodbUri: testMongoUri(), databaseName });
    instances = await Promise.all([started(), started()]);
    // Warm up (each instance builds the account's schema once), so the bounds below measure the feed alone.
    await timeUntil(urls(), account.ro, '200');
  }, 60000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await admin.database.drop();
    await admin.close();
  });

  const urls = () => instances.map((instance) => instance.url);

  it('changed rules: next request here, within 1 s on the other instances', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'rules change', rules: readCategories });
    expect(await timeUntil(urls(), secret, '200')).toBeLessThan(BOUND_MS); // both cache the key now
    await keys.update(key.id, { rules: [{ ...readCategories[0], canRead: false, canCreate: true }] });
    expect((await graphql(admin.app, secret, '{ categoryCount }')).body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await timeUntil(urls(), secret, '400 GRAPHQL_VALIDATION_FAILED')).toBeLessThan(BOUND_MS);
  });

  it('regenerated key: the old secret is refused everywhere within 1 s, the new one works', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'regenerate', rules: readCategories });
    await timeUntil(urls(), secret, '200');
    const renewed = await keys.regenerate(key.id);
    expect((await graphql(admin.app, secret, '{ categoryCount }')).status).toBe(401);
    expect(await timeUntil(urls(), secret, '401 UNAUTHENTICATED')).toBeLessThan(BOUND_MS);
    expect(await timeUntil(urls(), renewed.secret, '200')).toBeLessThan(BOUND_MS);
  });

  it('removed key: refused everywhere within 1 s', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'remove', rules: readCategories });
    await timeUntil(urls(), secret, '200');
    await keys.remove(key.id);
    expect((await graphql(admin.app, secret, '{ categoryCount }')).status).toBe(401);
    expect(await timeUntil(urls(), secret, '401 UNAUTHENTICATED')).toBeLessThan(BOUND_MS);
  });

  it('a regenerated application key is refused everywhere within 1 s', async () => {
    const ro = await keys.applicationKey('ro');
    await timeUntil(urls(), ro.secret, '200');
    await keys.regenerate(ro.key.id);
    expect(await timeUntil(urls(), ro.secret, '401 UNAUTHENTICATED')).toBeLessThan(BOUND_MS);
  });
});
