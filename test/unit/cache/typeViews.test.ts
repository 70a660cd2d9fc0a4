import { TypeViews } from '../../../src/cache/typeViews';
import type { ContentObjectRecord } from '../../../src/database/models/contentObjectModel';

const record = (idKey: string, version: number, extra: Partial<ContentObjectRecord> = {}): ContentObjectRecord =>
  ({
    _id: `a/t/${idKey}`,
    createdSeq: `seq-${idKey}`,
    accountId: 'a',
    contentType: 't',
    id: idKey,
    idKey,
    data: {},
    internal: { latestVersion: version, deletedAt: '' },
    refs: [],
    sizeBytes: 100,
    ...extra,
  }) as unknown as ContentObjectRecord;

describe('TypeViews', () => {
  it('loads a type once and serves it until dropped', async () => {
    const views = new TypeViews(1);
    let loads = 0;
    const load = async () => (loads++, [record('x', 1)]);
    await views.get('a', 't', load);
    await views.get('a', 't', load);
    expect(loads).toBe(1);
    views.drop('a', 't');
    await views.get('a', 't', load);
    expect(loads).toBe(2);
  });

  it('does not install a copy whose read raced with a write', async () => {
    const views = new TypeViews(1);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const pending = views.get('a', 't', async () => (await slow, [record('x', 1)]));
    views.apply('a', 't', record('x', 2));
    release();
    expect((await pending)?.records.get('x')?.internal.latestVersion).toBe(1); // this request's own read
    let loads = 0;
    await views.get('a', 't', async () => (loads++, [record('x', 2)]));
    expect(loads).toBe(1); // the raced copy was not kept
  });

  it('never lets an older version of an object overwrite a newer one; a re-created object replaces a deleted one', async () => {
    const views = new TypeViews(1);
    await views.get('a', 't', async () => [record('x', 1)]);
    views.apply('a', 't', record('x', 3));
    views.apply('a', 't', record('x', 2));
    const view = await views.get('a', 't', async () => []);
    expect(view?.records.get('x')?.internal.latestVersion).toBe(3);
    views.apply('a', 't', record('x', 1, { createdSeq: 'seq-new' }));
    expect(view?.records.get('x')?.createdSeq).toBe('seq-new');
  });

  it('keeps the view through its own write notice, drops it on another instance\u2019s', async () => {
    const views = new TypeViews(1);
    let loads = 0;
    const load = async () => (loads++, [record('x', 1)]);
    await views.get('a', 't', load);
    views.announceOwnWrite('a', 't', () => views.noticeChange('a', 't'));
    await views.get('a', 't', load);
    expect(loads).toBe(1);
    views.noticeChange('a', 't');
    await views.get('a', 't', load);
    expect(loads).toBe(2);
  });

  it('copies no type larger than a quarter of its bound, and nothing when off', async () => {
    const big = Array.from({ length: 3000 }, (_, i) => record(`x${i}`, 1));
    expect(await new TypeViews(1).get('a', 't', async () => big)).toBeUndefined();
    expect(await new TypeViews(0).get('a', 't', async () => [record('x', 1)])).toBeUndefined();
  });
});
