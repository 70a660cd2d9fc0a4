import { openAccountContent, type AccountContent } from '../../../src/accounts/accountContent';
import { AccountService } from '../../../src/accounts/accountService';
import type { Database } from '../../../src/database/database';
import { contentType, text } from '../../rest/restKit';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

/**
 * Writers racing for one object on the real database (FerretDB applies conditional updates without
 * atomicity, so these would lose updates without version claims): every write that succeeds makes
 * its own version, and the losers are refused without writing.
 */
describe('concurrent writes of one object', () => {
  let database: Database;
  let content: AccountContent;

  beforeAll(async () => {
    database = await openTestDatabase();
    const account = await new AccountService(database).create({ name: 'Races' });
    content = openAccountContent(database, account._id);
    await content.contentTypes.create(contentType('note', 'Note', { title: text('Title'), body: text('Body') }));
    await content.contentTypes.create(contentType('page', 'Page', { title: text('Title'), slug: text('Slug', { unique: true }) }));
  });
  afterAll(async () => dropTestDatabase(database));

  const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
  const refusals = (results: PromiseSettledResult<unknown>[]) =>
    results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { status?: number; reasons?: string[] }));

  it('ten PATCHes at once: each success is its own version, no update is lost', async () => {
    await content.objects.create('note', { id: 'n-1', title: 'start' });
    const results = await settle(Array.from({ length: 10 }, (_, i) => content.objects.patch('note', 'n-1', { body: `writer ${i}` })));
    const succeeded = results.filter((r) => r.status === 'fulfilled') as unknown as PromiseFulfilledResult<{ internal: { latestVersion: number }; body: string }>[];
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const refusal of refusals(results)) expect(refusal).toMatchObject({ status: 400, reasons: ['The object was changed by another request; retry.'] });
    const versions = succeeded.map((r) => r.value.internal.latestVersion);
    expect(new Set(versions).size).toBe(versions.length);
    const stored = await content.objects.get('note', 'n-1');
    expect(stored.internal.latestVersion).toBe(1 + succeeded.length);
    const last = succeeded.find((r) => r.value.internal.latestVersion === stored.internal.latestVersion)!;
    expect(stored.body).toBe(last.value.body);
  });

  it('a delete racing a PATCH: one of them wins, the object is never both changed and deleted', async () => {
    for (let round = 0; round < 5; round++) {
      const id = `race-${round}`;
      await content.objects.create('note', { id, title: 'x' });
      const [patched, deleted] = await settle<unknown>([content.objects.patch('note', id, { body: 'changed' }), content.objects.delete('note', id)]);
      const exists = await content.objects.exists('note', id);
      expect(exists).toBe(deleted.status === 'rejected');
      // Every write that succeeded made its own version: a PATCH then a delete leave version 3.
      const stored = await content.scope.objects('note').findById(id);
      const wins = [patched, deleted].filter((result) => result.status === 'fulfilled').length;
      expect(stored?.internal.latestVersion).toBe(1 + wins);
      expect(wins).toBeGreaterThanOrEqual(1);
    }
  });

  it('objects created at once with one unique value: exactly one gets it', async () => {
    const results = await settle(Array.from({ length: 6 }, (_, i) => content.objects.create('page', { id: `p-${i}`, title: 't', slug: 'home' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refusal of refusals(results)) expect(refusal).toMatchObject({ status: 400, fieldErrors: { slug: ['This value is already used'] } });
  });

  it('a claim left by a write that never completed is taken over once old, by exactly one of racing writers', async () => {
    await content.objects.create('page', { id: 'holder', title: 't', slug: 'orphan' });
    const claims = database.connection.db!.collection('unique_claims');
    const claim = await claims.findOne({ ownerIdKey: 'holder' });
    // The owner gave the value up without releasing its claim (as a crash between write and release would).
    await content.scope.objects('page').updateById('holder', { 'data.slug': 'moved' });
    const young = await settle([content.objects.create('page', { id: 'early', title: 't', slug: 'orphan' })]);
    expect(young[0].status).toBe('rejected'); // a young claim may belong to a write in flight
    await claims.updateOne({ _id: claim!._id }, { $set: { at: Date.now() - 60_000 } });
    const results = await settle(Array.from({ length: 6 }, (_, i) => content.objects.create('page', { id: `taker-${i}`, title: 't', slug: 'orphan' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('content type updates at once: exactly one converts the objects and is stored', async () => {
    await content.contentTypes.create(contentType('memo', 'Memo', { title: text('Title') }));
    for (let i = 0; i < 5; i++) await content.objects.create('memo', { id: `m-${i}`, title: `memo ${i}` });
    const labels = Array.from({ length: 4 }, (_, i) => `Memo ${i}`);
    const results = await settle(
      labels.map((label) => content.contentTypes.update('memo', { ...contentType('memo', label, { title: text('Title'), extra: text('Extra') }) })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const refusal of refusals(results)) expect(refusal).toMatchObject({ status: 400 });
    const stored = await content.contentTypes.get('memo');
    expect(stored.version).toBe(2);
    const page = await content.objects.list('memo', { limit: 10 });
    expect(page.items.map((item) => item.internal.latestVersion)).toEqual([2, 2, 2, 2, 2]);
  });

  it('creates of one id at once, also over a soft-deleted one: exactly one succeeds', async () => {
    const fresh = await settle(Array.from({ length: 6 }, (_, i) => content.objects.create('note', { id: 'same', title: `t${i}` })));
    expect(fresh.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await content.objects.delete('note', 'same');
    const again = await settle(Array.from({ length: 6 }, (_, i) => content.objects.create('note', { id: 'same', title: `again ${i}` })));
    expect(again.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const refusal of refusals(again)) expect(refusal).toMatchObject({ status: 400 });
    expect((await content.objects.get('note', 'same')).title).toMatch(/^again /);
  });
});
