import { randomBytes } from 'node:crypto';
import { planOf } from '../../../src/config/plans';
import { Database } from '../../../src/database/database';
import { compactGoneInstances } from '../../../src/quotas/counterCompaction';
import { FOLDED_INSTANCE, planFold } from '../../../src/quotas/counterFolding';
import { readAccountUsage } from '../../../src/quotas/usageReport';
import { UsageStore } from '../../../src/quotas/usageStore';
import { windowDays } from '../../../src/quotas/usageWindow';
import { call } from '../../rest/restKit';
import { fixtureContentType } from '../../support/fixtures';
import { testMongoUri } from '../../support/testDatabase';
import { startTestGateway, type TestGateway } from '../../support/testGateway';
import { allCounters } from '../../support/usageCounters';

const LIST = '/api/v1/content/category';

/**
 * Where usage counters live and what reads and folds them, on the real database: a refresh reads
 * only the counters of the accounts its instance serves, and compaction of gone instances' counters
 * keeps every total, however many instances run it at once or wherever one stops.
 */
describe('usage counters in the database', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  let one: TestGateway;
  let two: TestGateway;
  const finds: { collection: string; filter: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    one = await startTestGateway({ databaseName, monitorCommands: true });
    two = await startTestGateway({ databaseName });
    one.database.connection.getClient().on('commandStarted', (event) => {
      if (event.commandName === 'find') finds.push({ collection: String(event.command.find), filter: event.command.filter ?? {} });
    });
  });
  afterAll(async () => {
    await two?.close();
    await one?.database.drop();
    await one?.close();
  });

  const servedAccount = async (t: TestGateway, name: string) => {
    const account = await t.createAccount(name);
    await t.gateway.content(account.accountId).contentTypes.create(fixtureContentType('category'));
    expect((await call(t.app, 'GET', LIST, { key: account.ro })).status).toBe(200);
    await t.app.quotaRuntime!.tick();
    return account;
  };
  const totals = async (accountId: string) => {
    const usage = await readAccountUsage(one.database, accountId, planOf(one.gateway.config.quotas.plans, 'free'));
    return { calls: usage.calls, refusedBurst: usage.refusedBurst, days: usage.days.filter((day) => day.calls > 0) };
  };

  it("a refresh reads the counters of the accounts this instance serves, and no other's", async () => {
    const mine = await servedAccount(one, 'Served by one');
    const theirs = await servedAccount(two, 'Served by two');
    finds.length = 0;
    await one.app.quotaRuntime!.tick();
    const counterReads = finds.filter((find) => find.collection.startsWith('usage'));
    expect(counterReads.length).toBeGreaterThan(0);
    if (one.database.layout === 'collectionPerType') {
      // FerretDB pushes only `_id` filters down: the account's own collection is all it reads.
      expect(new Set(counterReads.map((find) => find.collection))).toEqual(new Set([`usage.${mine.accountId}`]));
    } else {
      for (const find of counterReads) {
        expect(JSON.stringify(find.filter)).not.toContain(theirs.accountId);
        const plan = await one.database.connection.db!.collection(find.collection).find(find.filter).explain();
        expect(JSON.stringify(plan.queryPlanner?.winningPlan)).not.toContain('COLLSCAN');
      }
    }
  });

  it('folds gone instances’ counters into one per day and key, keeping every total, with several compactors at once', async () => {
    const { accountId } = await servedAccount(one, 'Compacted');
    const store = new UsageStore(one.database);
    const now = Date.now();
    const [yesterday, today] = windowDays(now).slice(-2);
    const collection = one.database.layout === 'collectionPerType' ? `usage.${accountId}` : 'usage_counters';
    const gone = ['gone1', 'gone2', 'gone3'].flatMap((instance, n) =>
      [yesterday, today].map((day) => ({
        _id: `${accountId}|${day}|k-old|${instance}`, kind: 'counter', accountId, keyId: 'k-old', day, instance, calls: 10 + n, refusedBurst: n, refusedQuota: 0, at: now - 7_200_000,
      })),
    );
    await one.database.connection.db!.collection(collection).insertMany(gone as never[]);
    const before = await totals(accountId);
    expect(before.calls).toBe(1 + 2 * (10 + 11 + 12));

    const connections = await Promise.all([0, 1, 2].map(() => Database.connect(testMongoUri(), databaseName)));
    try {
      const compacted = await Promise.all([one.database, ...connections].map((database) => compactGoneInstances(new UsageStore(database), now)));
      expect(compacted.reduce((sum, n) => sum + n, 0)).toBe(1); // one compactor per account and hour
    } finally {
      await Promise.all(connections.map((database) => database.close()));
    }
    expect(await totals(accountId)).toEqual(before);
    const stored = await store.storedCounters(accountId);
    expect(stored.filter((c) => c.keyId === 'k-old').map((c) => [c.day, c.instance, c.calls, c.folded])).toEqual(
      expect.arrayContaining([
        [yesterday, FOLDED_INSTANCE, 33, ['gone1', 'gone2', 'gone3']],
        [today, FOLDED_INSTANCE, 33, ['gone1', 'gone2', 'gone3']],
      ]),
    );
    expect(stored.filter((c) => c.keyId === 'k-old')).toHaveLength(2);
    expect(stored.some((c) => c.instance === one.app.quotaRuntime!.instance)).toBe(true); // a live instance's counter stays
  });

  it('a compaction stopped between its write and its deletes is finished by the next one without counting twice', async () => {
    const { accountId } = await servedAccount(one, 'Stopped compaction');
    const store = new UsageStore(one.database);
    const now = Date.now();
    const today = windowDays(now).at(-1)!;
    const collection = one.database.layout === 'collectionPerType' ? `usage.${accountId}` : 'usage_counters';
    await one.database.connection.db!.collection(collection).insertOne({
      _id: `${accountId}|${today}|k-old|gone9`, kind: 'counter', accountId, keyId: 'k-old', day: today, instance: 'gone9', calls: 7, refusedBurst: 0, refusedQuota: 0, at: now - 7_200_000,
    } as never);
    const before = await totals(accountId);
    const live = await store.instancesSeenSince(now - 3_600_000);
    await store.applyFold(accountId, { ...planFold(await store.storedCounters(accountId), live), deletes: [] }); // wrote, then stopped
    expect(await totals(accountId)).toEqual(before);
    await one.app.quotaRuntime!.tick(); // a live heartbeat for the next hour's compaction
    expect(await compactGoneInstances(store, now + 3_600_000)).toBeGreaterThanOrEqual(1);
    expect(await totals(accountId)).toEqual(before);
    expect((await store.storedCounters(accountId)).filter((c) => c.keyId === 'k-old').map((c) => [c.instance, c.calls])).toEqual([[FOLDED_INSTANCE, 7]]);
  });

  it('counters an earlier version kept in usage_counters are counted once, however many instances move them (FerretDB: to the account’s collection)', async () => {
    const { accountId } = await servedAccount(one, 'Moved');
    const today = windowDays(Date.now()).at(-1)!;
    await one.database.models.usageCounters.collection.insertOne({
      _id: `${accountId}|${today}|k-legacy|legacy`, kind: 'counter', accountId, keyId: 'k-legacy', day: today, instance: 'legacy', calls: 5, refusedBurst: 0, refusedQuota: 0, at: Date.now(),
    } as never);
    await Promise.all([one.database, two.database].map((database) => new UsageStore(database).moveSharedCounters()));
    // On FerretDB they left the shared collection; on MongoDB that is where counters live.
    const shared = await one.database.models.usageCounters.countDocuments({ kind: 'counter', accountId });
    expect(shared).toBe(one.database.layout === 'collectionPerType' ? 0 : 2);
    expect((await allCounters(one.database)).filter((c) => c.keyId === 'k-legacy').map((c) => c.calls)).toEqual([5]);
    expect((await totals(accountId)).calls).toBe(6);
  });
});
