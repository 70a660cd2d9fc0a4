import { randomBytes } from 'node:crypto';
import { fixtureContentType } from '../../support/fixtures';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { testMongoUri } from '../../support/testDatabase';
import { graphql, startTestGateway, type TestGateway } from '../../support/testGateway';
import type { KeyService } from '../../../src/keys/keyService';

/** The documented bound for a key change to reach every other instance. */
const BOUND_MS = 1000;
const readCategories = [{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false }];

async function statusOf(url: string, key: string): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': key },
    body: JSON.stringify({ query: '{ categoryCount }' }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  return response.status === 200 && !body.errors ? 200 : response.status === 401 ? 401 : 403;
}

/** Milliseconds until every instance answers `status` for the key (fails past 3 s). */
async function timeUntil(urls: string[], key: string, status: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const statuses = await Promise.all(urls.map((url) => statusOf(url, key)));
    if (statuses.every((s) => s === status)) return Date.now() - started;
    if (Date.now() - started > 3000) throw new Error(`still ${statuses.join(',')} after 3 s`);
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
    accountId = (await admin.createAccount('Two instances', 'pro')).accountId;
    await admin.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
    keys = await admin.gateway.keyService(accountId);
    instances = await Promise.all([startServerProcess(testMongoUri(), databaseName), startServerProcess(testMongoUri(), databaseName)]);
  }, 60000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await admin.database.drop();
    await admin.close();
  });

  const urls = () => instances.map((instance) => instance.url);

  it('changed rules: next request here, within 1 s on the other instances', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'rules change', rules: readCategories });
    expect(await timeUntil(urls(), secret, 200)).toBeLessThan(BOUND_MS); // both cache the key now
    await keys.update(key.id, { rules: [{ ...readCategories[0], canRead: false, canCreate: true }] });
    expect((await graphql(admin.app, secret, '{ categoryCount }')).body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await timeUntil(urls(), secret, 403)).toBeLessThan(BOUND_MS);
  });

  it('regenerated key: the old secret is refused everywhere within 1 s, the new one works', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'regenerate', rules: readCategories });
    await timeUntil(urls(), secret, 200);
    const renewed = await keys.regenerate(key.id);
    expect((await graphql(admin.app, secret, '{ categoryCount }')).status).toBe(401);
    expect(await timeUntil(urls(), secret, 401)).toBeLessThan(BOUND_MS);
    expect(await timeUntil(urls(), renewed.secret, 200)).toBeLessThan(BOUND_MS);
  });

  it('removed key: refused everywhere within 1 s', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'remove', rules: readCategories });
    await timeUntil(urls(), secret, 200);
    await keys.remove(key.id);
    expect((await graphql(admin.app, secret, '{ categoryCount }')).status).toBe(401);
    expect(await timeUntil(urls(), secret, 401)).toBeLessThan(BOUND_MS);
  });

  it('a regenerated application key is refused everywhere within 1 s', async () => {
    const ro = await keys.applicationKey('ro');
    await timeUntil(urls(), ro.secret, 200);
    await keys.regenerate(ro.key.id);
    expect(await timeUntil(urls(), ro.secret, 401)).toBeLessThan(BOUND_MS);
  });
});
