import { openAccountContent, type AccountContent } from '../../../src/accounts/accountContent';
import { Database } from '../../../src/database/database';
import { AccountService } from '../../../src/accounts/accountService';
import type { ContentTypeDefinition } from '../../../src/content-types/contentTypeDefinition';
import { validateObjectData } from '../../../src/content-objects/validation/validateObjectData';
import { contentType, text } from '../../rest/restKit';
import { dropTestDatabase, openTestDatabase, testMongoUri } from '../../support/testDatabase';

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

  describe('writes checked against an old definition (a request that read CTD v1) racing the conversion to v2', () => {
    /** v1 has `legacy`; v2 drops it, makes `count` a number and adds `note`. */
    const v1 = contentType('doc', 'Doc', { title: text('Title'), count: text('Count'), legacy: text('Legacy') });
    const v2 = (() => {
      const next = contentType('doc', 'Doc v2', { title: text('Title'), count: text('Count'), note: text('Note') }) as any;
      next.schemaDefinition.allOf[1].properties.count = { type: 'number' };
      next.metaDefinition.propertiesConfig.count = { label: 'Count', inputType: 'number', unique: false };
      return next;
    })();
    let old: AccountContent;
    let definitionV1: ContentTypeDefinition;

    beforeEach(async () => {
      if (await content.contentTypes.find('doc')) {
        await content.contentTypes.purge('doc', true);
      }
      definitionV1 = await content.contentTypes.create(v1);
      // Object services on a snapshot of v1, as a request that started before the change has.
      old = openAccountContent(database, content.scope.accountId, undefined, new Map([['doc', definitionV1]]));
    });

    /** Every stored object of the type has the shape of v2 and validates against it. */
    async function expectEveryObjectOfV2(): Promise<void> {
      const current = await content.contentTypes.get('doc');
      expect(current.version).toBe(2);
      const stored = await content.scope.objects('doc').find({ 'internal.deletedAt': '' });
      for (const record of stored) {
        expect(record.typeVersion).toBe(2);
        const { id: _id, internal: _internal, ...data } = await content.objects.get('doc', record.id);
        expect(data).not.toHaveProperty('legacy');
        expect(validateObjectData(current, data, 'full')).toEqual({});
      }
    }

    it('after the conversion finished, a PATCH on the v1 snapshot is redone against v2 (never stores a v1-shaped object)', async () => {
      await content.objects.create('doc', { id: 'd-1', title: 'one', count: '3', legacy: 'L' });
      await content.contentTypes.update('doc', v2);
      const patched = await old.objects.patch('doc', 'd-1', { title: 'patched' });
      expect(patched).toMatchObject({ title: 'patched', count: 0 });
      expect(patched).not.toHaveProperty('legacy');
      // A field only v1 has is refused as v2 refuses it, and nothing is stored.
      await expect(old.objects.patch('doc', 'd-1', { legacy: 'again' })).rejects.toMatchObject({ status: 400 });
      // A create is redone the same way: a body v2 accepts is stored as v2, one only v1 accepts is refused.
      const created = await old.objects.create('doc', { id: 'd-2', title: 'two' });
      expect(created).toMatchObject({ title: 'two' });
      await expect(old.objects.create('doc', { id: 'd-3', title: 'three', count: '5' })).rejects.toMatchObject({
        status: 400,
        fieldErrors: { count: [expect.stringContaining('a number is required')] },
      });
      expect(await content.objects.exists('doc', 'd-3')).toBe(false);
      await expectEveryObjectOfV2();
    });

    it('PATCHes, PUTs and creates on the v1 snapshot at the same time as the conversion: every object ends at v2, no write lost', async () => {
      const N = 12;
      for (let i = 0; i < N; i++) await content.objects.create('doc', { id: `r-${i}`, title: `r ${i}`, count: String(i), legacy: 'L' });
      // Half the writers start with the update, the others once its conversion record is written
      // (they find the type busy, wait, and are redone against v2).
      const update = content.contentTypes.update('doc', v2);
      const writers = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, k) => from + k).map((i) => [
          old.objects.patch('doc', `r-${i}`, { title: `patched ${i}` }),
          ...(i % 3 === 0 ? [old.objects.replace('doc', `r-${i}`, { title: `replaced ${i}`, count: String(i) })] : []),
          ...(i % 2 === 0 ? [old.objects.create('doc', { id: `c-${i}`, title: `created ${i}` })] : []),
        ]);
      let updated = false;
      void update.then(
        () => (updated = true),
        () => (updated = true),
      );
      const early = writers(0, N / 2).flat();
      while (!updated && !(await content.scope.typeWork().get('doc'))) await new Promise((resolve) => setTimeout(resolve, 2));
      const late = writers(N / 2, N).flat();
      const results = await settle<unknown>([update, ...early, ...late]);
      expect(results[0].status).toBe('fulfilled');
      for (const refusal of refusals(results)) expect(refusal.status).toBe(400);
      await expectEveryObjectOfV2();
      // Every write that succeeded is what is stored (or was overwritten by a later successful write
      // of the same object); a create stands exactly when it succeeded.
      const outcomes = results.slice(1);
      let at = 0;
      const byObject = new Map<number, { patched: boolean; replaced: boolean; created?: boolean }>();
      for (let i = 0; i < N; i++) {
        const entry: { patched: boolean; replaced: boolean; created?: boolean } = { patched: outcomes[at++].status === 'fulfilled', replaced: false };
        if (i % 3 === 0) entry.replaced = outcomes[at++].status === 'fulfilled';
        if (i % 2 === 0) entry.created = outcomes[at++].status === 'fulfilled';
        byObject.set(i, entry);
      }
      for (const [i, entry] of byObject) {
        const stored = await content.objects.get('doc', `r-${i}`);
        if (entry.patched || entry.replaced) expect([`patched ${i}`, `replaced ${i}`]).toContain(stored.title);
        else expect(stored.title).toBe(`r ${i}`);
        if (entry.created !== undefined) expect(await content.objects.exists('doc', `c-${i}`)).toBe(entry.created);
      }
    }, 60_000);
  });

  it('a second instance resuming a conversion that is still running: both end well, every object converted once', async () => {
    const v1 = contentType('card', 'Card', { title: text('Title'), code: text('Code', { unique: true }), old: text('Old') });
    const v2 = contentType('card', 'Card v2', { title: text('Title'), code: text('Code', { unique: true }) });
    await content.contentTypes.create(v1);
    for (let i = 0; i < 30; i++) await content.objects.create('card', { id: `k-${i}`, title: `card ${i}`, code: `K${i}`, old: 'x' });
    // The other instance: its own connection to the same database.
    const peer = await Database.connect(testMongoUri(), database.connection.db!.databaseName);
    try {
      const other = openAccountContent(peer, content.scope.accountId);
      const update = content.contentTypes.update('card', v2);
      let work = null;
      while (!(work = await content.scope.typeWork().get('card'))) await new Promise((resolve) => setTimeout(resolve, 2));
      const [updated, resumed] = await Promise.all([update, other.contentTypes.resume(work)]);
      expect(updated.version).toBe(2);
      expect(resumed).toBe('converted');
      expect(await content.scope.typeWork().get('card')).toBeNull();
      expect((await content.contentTypes.get('card')).version).toBe(2);
      const stored = await content.scope.objects('card').find({});
      expect(stored).toHaveLength(30);
      for (const record of stored) {
        expect(record.typeVersion).toBe(2);
        expect(record.internal.latestVersion).toBe(2); // converted exactly once
        const { id: _id, internal: _internal, ...data } = await content.objects.get('card', record.id);
        expect(Object.keys(data).sort()).toEqual(['code', 'title']);
      }
      const claims = await database.connection.db!.collection('unique_claims').countDocuments({ accountId: content.scope.accountId, contentType: 'card' });
      expect(claims).toBe(30);
      await expect(content.objects.create('card', { title: 'dup', code: 'K3' })).rejects.toMatchObject({ status: 400, fieldErrors: { code: ['This value is already used'] } });
    } finally {
      await peer.close();
    }
  }, 60_000);
});
