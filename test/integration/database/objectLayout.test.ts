import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { openAccountContent } from '../../../src/accounts/accountContent';
import { AccountService } from '../../../src/accounts/accountService';
import { Database } from '../../../src/database/database';
import { objectCollectionName, SHARED_OBJECTS_COLLECTION } from '../../../src/database/objectLayout';
import { contentType, text } from '../../rest/restKit';
import { recordObjectReads, type ObjectRead } from '../../support/objectReads';
import { testMongoUri } from '../../support/testDatabase';

const NOTE = contentType('note', 'Note', { title: text('Title') });

/** A document as versions before the per-type layout stored it: ObjectId `_id`, no `createdSeq`. */
function legacyDocument(accountId: string, id: string, title: string, deletedAt = '') {
  return {
    _id: new Types.ObjectId().toHexString(),
    accountId,
    contentType: 'note',
    id,
    idKey: id.toLowerCase(),
    data: { title },
    internal: {
      contentType: 'note',
      createdAt: '2024-01-01T10:00:00+00:00',
      updatedAt: '2024-01-01T10:00:00+00:00',
      deletedAt,
      objectTitle: title,
      latestVersion: 1,
      status: 'public',
      workflowState: 'saved',
    },
    refs: [],
    sizeBytes: 10,
  };
}

describe('content object layout', () => {
  const name = `cgtest_${randomBytes(6).toString('hex')}`;
  let database: Database;
  let reads: ObjectRead[] = [];

  beforeAll(async () => {
    database = await Database.connect(testMongoUri(), name, { monitorCommands: true });
    reads = recordObjectReads(database);
  });
  afterAll(async () => {
    await database.drop();
    await database.close();
  });

  it('is one collection per account and type on FerretDB, one shared collection on MongoDB', async () => {
    const info = (await database.connection.db!.admin().command({ buildInfo: 1 })) as Record<string, unknown>;
    expect(database.layout).toBe('ferretdbVersion' in info ? 'collectionPerType' : 'sharedCollection');
    const account = await new AccountService(database).create({ name: 'Layout' });
    const content = openAccountContent(database, account._id);
    await content.contentTypes.create(NOTE);
    await content.objects.create('note', { id: 'n-1', title: 'One' });
    const collections = (await database.connection.db!.listCollections().toArray()).map((c) => c.name);
    expect(collections).toContain(objectCollectionName(database.layout, account._id, 'note'));
  });

  it('reads an object by id, found or missing, with one read of its exact _id', async () => {
    const account = await new AccountService(database).create({ name: 'Point reads' });
    const content = openAccountContent(database, account._id);
    await content.contentTypes.create(NOTE);
    await content.objects.create('note', { id: 'N-2', title: 'Two' });
    reads.length = 0;
    await expect(content.objects.get('note', 'n-2')).resolves.toMatchObject({ id: 'N-2', title: 'Two' });
    await expect(content.objects.get('note', 'missing')).rejects.toMatchObject({ status: 404 });
    expect(reads).toEqual([
      { type: 'note', kind: 'point' },
      { type: 'note', kind: 'point' },
    ]);
  });

  it('moves objects stored by earlier versions at start, keeping creation order; the live one of a duplicate wins', async () => {
    const account = await new AccountService(database).create({ name: 'Legacy' });
    await openAccountContent(database, account._id).contentTypes.create(NOTE);
    const legacy = database.connection.db!.collection(SHARED_OBJECTS_COLLECTION);
    const first = legacyDocument(account._id, 'old-1', 'First');
    const second = legacyDocument(account._id, 'old-2', 'Second');
    const deletedTwin = legacyDocument(account._id, 'old-2', 'Deleted twin', '2024-01-01T11:00:00+00:00');
    await legacy.insertMany([first, deletedTwin, second] as never[]);

    // A second instance starting on the same database runs the migration.
    const restarted = await Database.connect(testMongoUri(), name);
    try {
      const content = openAccountContent(restarted, account._id);
      await expect(content.objects.get('note', 'OLD-1')).resolves.toMatchObject({ id: 'old-1', title: 'First' });
      await expect(content.objects.get('note', 'old-2')).resolves.toMatchObject({ title: 'Second' });
      const page = await content.objects.list('note', {});
      expect(page.items.map((item) => item.id)).toEqual(['old-1', 'old-2']);
      expect(await legacy.countDocuments({ createdSeq: { $exists: false } })).toBe(0);
      const stored = await restarted.objects(account._id, 'note').findById('old-1');
      expect(stored?.createdSeq).toBe(first._id);
    } finally {
      await restarted.close();
    }
  });
});
