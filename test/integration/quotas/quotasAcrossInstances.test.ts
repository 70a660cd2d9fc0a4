import { randomBytes } from 'node:crypto';
import { generateSecret } from '../../../src/keys/secrets/keyFormat';
import { readAccountUsage } from '../../../src/quotas/usageReport';
import { planOf } from '../../../src/config/plans';
import { readUntil } from '../../support/eventually';
import { fixtureContentType } from '../../support/fixtures';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { testMongoUri } from '../../support/testDatabase';
import { allCounters } from '../../support/usageCounters';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

/** The quota of this file's account: phase 1 stays under it, phase 2 spends it. */
const QUOTA = 2800;
const PHASE_1_PER_INSTANCE = 700;
const CONCURRENCY = 24;
const ENV = { PLANS_JSON: JSON.stringify({ capped: { callsPer30Days: QUOTA, burstPerSecond: null, maxUserKeys: 10 } }), BAD_KEY_LIMIT: '30' };
const readCategories = [{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false }];

jest.setTimeout(120_000);

/** One request: REST and GraphQL alternate. Returns the status. */
async function send(url: string, key: string | undefined, n: number): Promise<number> {
  const headers: Record<string, string> = key ? { 'x-auth-token': key } : {};
  const response =
    n % 2 === 0
      ? await fetch(`${url}/api/v1/content/category?limit=1`, { headers })
      : await fetch(`${url}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ categoryList(limit: 1) { id } }' }) });
  await response.arrayBuffer();
  return response.status;
}

/** Runs `total` requests (or until `stop()`) with `CONCURRENCY` in flight; calls `seen` with each status and the time it arrived. */
async function load(total: number, next: (n: number) => Promise<number>, seen: (status: number, at: number) => void, stop = () => false): Promise<void> {
  let n = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (n < total && !stop()) {
        const status = await next(n++);
        seen(status, Date.now());
      }
    }),
  );
}

describe('one account-wide quota across three gateway processes', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  let admin: TestGateway;
  let instances: ServerProcess[] = [];
  let accountId: string;
  let keys: string[];

  beforeAll(async () => {
    admin = await startTestGateway({ databaseName, env: ENV });
    const account = await admin.createAccount('Three instances', 'capped');
    accountId = account.accountId;
    await admin.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
    await admin.gateway.content(accountId).objects.create('category', { id: 'one', name: 'One' });
    const service = await admin.gateway.keyService(accountId);
    const users = await Promise.all([1, 2].map((n) => service.createUserKey({ name: `reader ${n}`, rules: readCategories })));
    keys = [account.rw, account.ro, ...users.map((user) => user.secret)];
    instances = await Promise.all([0, 1, 2].map(() => startServerProcess({ mongodbUri: testMongoUri(), databaseName, env: ENV })));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await admin?.database.drop();
    await admin?.close();
  });

  const recordedCalls = async () => (await readAccountUsage(admin.database, accountId, planOf(admin.gateway.config.quotas.plans, 'capped'))).calls;
  const counterAccounts = async () => [...new Set((await allCounters(admin.database)).map((counter) => counter.accountId))];

  it('records exactly the calls sent (thousands, concurrent, several keys); bad keys change no counter', async () => {
    const statuses = new Map<number, number>();
    const badStatuses = new Map<number, number>();
    const count = (map: Map<number, number>) => (status: number) => map.set(status, (map.get(status) ?? 0) + 1);
    await Promise.all(
      instances.flatMap((instance, i) => [
        load(PHASE_1_PER_INSTANCE, (n) => send(instance.url, keys[(n + i) % keys.length], n), count(statuses)),
        load(60, (n) => send(instance.url, n % 3 === 0 ? undefined : generateSecret('ro'), n), count(badStatuses)),
      ]),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 200: 3 * PHASE_1_PER_INSTANCE });
    expect([...badStatuses.keys()].sort()).toEqual([401, 429]); // 30 per address and minute on each instance, then 429
    expect(badStatuses.get(401)).toBe(3 * 30);
    expect(await readUntil(recordedCalls, 3 * PHASE_1_PER_INSTANCE, 3000)).toBe(3 * PHASE_1_PER_INSTANCE);
    expect(await counterAccounts()).toEqual([accountId]);
  });

  it('once the quota is spent every instance refuses within 1 s; what was admitted is recorded and within the bound', async () => {
    const before = await recordedCalls();
    let admitted = 0;
    let firstRefusal: number | undefined;
    const started = Date.now();
    const lastAdmitted = instances.map(() => 0);
    const lastStatus = instances.map(() => 0);
    await Promise.all(
      instances.map((instance, i) =>
        load(
          1_000_000,
          (n) => send(instance.url, keys[(n + i) % keys.length], n),
          (status, at) => {
            expect([200, 403]).toContain(status);
            lastStatus[i] = status;
            if (status === 200) {
              admitted++;
              lastAdmitted[i] = at;
            } else firstRefusal ??= at;
          },
          () => (firstRefusal !== undefined && Date.now() - firstRefusal > 1500) || Date.now() - started > 40_000,
        ),
      ),
    );
    expect(firstRefusal).toBeDefined();
    expect(lastStatus).toEqual([403, 403, 403]);
    // Answers admitted after the first refusal anywhere: none later than 1 s after it, on any instance.
    for (const at of lastAdmitted) expect(at - firstRefusal!).toBeLessThan(1000);
    // Recorded equals admitted, exactly; the overshoot is within instances × rate × (flush + refresh).
    expect(await readUntil(recordedCalls, before + admitted, 3000)).toBe(before + admitted);
    const rate = admitted / Math.max(0.001, (firstRefusal! - started) / 1000);
    const over = before + admitted - QUOTA;
    expect(over).toBeGreaterThanOrEqual(0);
    expect(over).toBeLessThanOrEqual(Math.ceil(rate * 1.0) + 3 * CONCURRENCY);
    console.log(`quota ${QUOTA}: admitted ${before + admitted} (over by ${over}) at ${rate.toFixed(0)} calls/s over 3 instances`);
  });
});
