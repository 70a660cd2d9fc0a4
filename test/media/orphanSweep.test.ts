import { randomBytes } from 'node:crypto';
import { mediaFileId, MediaFiles } from '../../src/media/mediaFiles';
import { OrphanSweep } from '../../src/media/orphanSweep';
import { call } from '../rest/restKit';
import { readUntil } from '../support/eventually';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { image, upload } from './mediaKit';

const HOUR = 60 * 60 * 1000;

describe('the media orphan sweep (real database)', () => {
  const databaseName = `cgtest_sweep_${randomBytes(6).toString('hex')}`;
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const files = () => t.database.connection.db!.collection<{ _id: string; uploadDate: Date }>('media.files');
  const chunks = () => t.database.connection.db!.collection<{ files_id: string }>('media.chunks');
  const backdate = (accountId: string, id: string, ms: number) =>
    files().updateOne({ _id: mediaFileId(accountId, id) }, { $set: { uploadDate: new Date(Date.now() - ms) } });
  const exists = async (accountId: string, id: string) => (await files().countDocuments({ _id: mediaFileId(accountId, id) })) === 1;

  beforeAll(async () => {
    t = await startTestGateway({ databaseName });
    keys = await t.createAccount('Sweep');
    await t.gateway.mediaSweep.stop(); // the run at start is over; the test runs the sweep itself
  });
  afterAll(async () => {
    await t.database.drop();
    await t.close();
  });

  it('removes files older than the grace period that have no _media object, and only those', async () => {
    const media = t.gateway.content(keys.accountId).media;
    const bytes = await image('png', 10, 10);
    // A crash between writing the file and writing the object: a file without its object.
    await media.put('_media-crashed-old', keys.accountId, 'image/png', bytes);
    await backdate(keys.accountId, '_media-crashed-old', HOUR);
    await media.put('_media-crashed-young', keys.accountId, 'image/png', bytes);
    // A file with its object, just as old.
    const kept = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes, fileName: 'kept.png' } })).body;
    await backdate(keys.accountId, kept.id, HOUR);
    // A file whose account has another object of that id in another account only.
    const other = await t.createAccount('Other');
    await media.put(kept.id, other.accountId, 'image/png', bytes);
    await backdate(other.accountId, kept.id, HOUR);

    const run = await t.gateway.mediaSweep.runOnce();
    expect(run.removed).toBe(2);
    expect(await exists(keys.accountId, '_media-crashed-old')).toBe(false);
    expect(await chunks().countDocuments({ files_id: mediaFileId(keys.accountId, '_media-crashed-old') })).toBe(0);
    expect(await exists(other.accountId, kept.id)).toBe(false);
    expect(await exists(keys.accountId, '_media-crashed-young')).toBe(true);
    expect(await exists(keys.accountId, kept.id)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: kept.url })).statusCode).toBe(200);
    expect((await t.gateway.mediaSweep.runOnce()).removed).toBe(0);
  });

  it('runs when an instance starts', async () => {
    const media = t.gateway.content(keys.accountId).media;
    await media.put('_media-left-by-a-crash', keys.accountId, 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    await backdate(keys.accountId, '_media-left-by-a-crash', HOUR);
    const second = await startTestGateway({ databaseName });
    try {
      expect(await readUntil(() => exists(keys.accountId, '_media-left-by-a-crash'), false, 10_000)).toBe(false);
    } finally {
      await second.close();
    }
    const deleted = await call(t.app, 'GET', '/api/v1/content/_media', { key: keys.rw });
    expect(deleted.body.total_count).toBe(1);
  });

  it('examines at most its batch per run, going on from where the last run stopped', async () => {
    const media = new MediaFiles(() => t.database.connection.db!);
    const account = await t.createAccount('Batches');
    for (const [i, id] of ['_media-b1', '_media-b2', '_media-b3'].entries()) {
      await media.put(id, account.accountId, 'text/plain', Buffer.from(`file ${i}\n`));
      await backdate(account.accountId, id, 10 * HOUR - i * 1000); // older than every other file here
    }
    const owned = new Set(['_media-b2']);
    const sweep = new OrphanSweep(media, async (accountId, id) => accountId !== account.accountId || owned.has(id), { graceMs: 60_000, batch: 2 });
    expect(await sweep.runOnce()).toEqual({ examined: 2, removed: 1 }); // b1 (removed), b2 (owned)
    expect(await exists(account.accountId, '_media-b1')).toBe(false);
    expect(await exists(account.accountId, '_media-b3')).toBe(true);
    // The next runs go on after b2 (other accounts' files are owned here) until the end, where the cursor starts over.
    let run;
    do {
      run = await sweep.runOnce();
      expect(run.examined).toBeLessThanOrEqual(2);
    } while (run.examined === 2);
    expect(await exists(account.accountId, '_media-b3')).toBe(false);
    expect(await exists(account.accountId, '_media-b2')).toBe(true);
    expect(await sweep.runOnce()).toEqual({ examined: 2, removed: 0 }); // started over: b2 and the next
  });
});
