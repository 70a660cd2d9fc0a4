import { randomBytes } from 'node:crypto';
import { openAccountContent, type AccountContent } from '../../../src/accounts/accountContent';
import { loadConfig } from '../../../src/config/config';
import { convertForNewDefinition } from '../../../src/content-types/convertForNewDefinition';
import { Database } from '../../../src/database/database';
import { TYPE_WORK_COLLECTION } from '../../../src/database/typeWork';
import { Gateway } from '../../../src/runtime/gateway';
import { contentType, text } from '../../rest/restKit';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { testMongoUri } from '../../support/testDatabase';

const OBJECTS = 60;

/** v1: a title, a unique code, a text count and a legacy field; v2 drops `legacy`, makes `count` a number and adds `note`. */
const v1 = contentType('item', 'Item', { title: text('Title'), code: text('Code', { unique: true }), count: text('Count'), legacy: text('Legacy') });
const v2 = (() => {
  const next = contentType('item', 'Item v2', { title: text('Title'), code: text('Code', { unique: true }), count: text('Count'), note: text('Note') }) as any;
  next.schemaDefinition.allOf[1].properties.count = { type: 'number' };
  next.metaDefinition.propertiesConfig.count = { label: 'Count', inputType: 'number', unique: false };
  return next;
})();

const until = async (what: string, done: () => Promise<boolean>, timeoutMs: number, everyMs = 10) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};

/**
 * A CTD update converting many objects, in a real server process killed with SIGKILL in the
 * middle of the conversion; the next start of the server finishes it from the conversion record.
 */
describe('a conversion interrupted by a crash is finished at the next start', () => {
  const databaseName = `cgtest_${randomBytes(6).toString('hex')}`;
  let database: Database;
  let content: AccountContent;
  let rwKey: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await Database.connect(testMongoUri(), databaseName);
    const { account, keys } = await new Gateway({ ...loadConfig({}) }, database).createAccount({ name: 'Crash' });
    rwKey = keys.rw!;
    content = openAccountContent(database, account._id);
    await content.contentTypes.create(v1);
    const ids = Array.from({ length: OBJECTS }, (_, i) => i);
    for (let start = 0; start < ids.length; start += 50) {
      await Promise.all(
        ids.slice(start, start + 50).map((i) =>
          content.objects.create('item', { id: `item-${i}`, title: `Item ${i}`, code: `C-${i}`, count: String(i), legacy: `old ${i}` }),
        ),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await database.drop();
    await database.close();
  });

  it('SIGKILL mid-conversion, then a restart: every object converted, none lost, unique values still claimed, the CTD at v2', async () => {
    const objects = database.connection.db!.collection(`objects.${content.scope.accountId}.item`);
    const work = database.connection.db!.collection(TYPE_WORK_COLLECTION);
    const before = new Map((await content.objects.list('item', { limit: 1000 })).items.map((o) => [o.id, o]));
    expect(before.size).toBe(OBJECTS);
    // One point read per poll (a count decodes the whole collection): the conversion goes through the
    // objects in the order the collection returns them, so once this one is converted, a few are.
    const [{ _id: marker }] = await objects.find({}, { projection: { _id: 1 } }).skip(OBJECTS / 20).limit(1).toArray();

    server = await startServerProcess({ mongodbUri: testMongoUri(), databaseName });
    const update = fetch(`${server.url}/api/v1/internal/contenttype/item`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-auth-token': rwKey },
      body: JSON.stringify(v2),
    }).catch(() => undefined); // the process dies before it answers
    const converted = () => objects.countDocuments({ typeVersion: 2 });
    await until(
      'the conversion to start writing objects',
      async () => (await objects.findOne({ _id: marker }, { projection: { typeVersion: 1 } }))?.typeVersion === 2,
      60_000,
      5,
    );
    await server.kill('SIGKILL');
    server = undefined;
    await update;

    // What the crash left: the conversion record, part of the objects converted, the CTD still at v1.
    const left = await work.findOne({ _id: `${content.scope.accountId}/item` as never });
    expect(left).toMatchObject({ kind: 'convert', fromVersion: 1, toVersion: 2 });
    const halfway = await converted();
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(OBJECTS);
    expect((await content.contentTypes.get('item')).version).toBe(1);

    server = await startServerProcess({ mongodbUri: testMongoUri(), databaseName });
    await until('the resumed conversion to finish', async () => (await work.countDocuments({})) === 0, 240_000, 50).catch(async (error: Error) => {
      throw new Error(`${error.message} (${await converted()} of ${OBJECTS} converted; server said:\n${server?.output()})`);
    });

    const ctd = await content.contentTypes.get('item');
    expect(ctd.version).toBe(2);
    expect(ctd.label).toBe('Item v2');
    const stored = await objects.find({}).toArray();
    expect(stored).toHaveLength(OBJECTS);
    const fresh = openAccountContent(database, content.scope.accountId);
    const after = (await fresh.objects.list('item', { limit: 1000 })).items;
    expect(after).toHaveLength(OBJECTS);
    for (const object of after) {
      const { id, internal, ...data } = object;
      const { id: _id, internal: was, ...old } = before.get(id)!;
      expect(data).toEqual(convertForNewDefinition(v1 as any, v2, old));
      expect(data).toEqual({ title: old.title, code: old.code, count: 0 });
      expect(internal.latestVersion).toBe(was.latestVersion + 1); // converted exactly once
    }
    expect(stored.every((record) => record.typeVersion === 2 && record.internal.deletedAt === '')).toBe(true);

    // Unique values: one claim per code, owned by the object holding it.
    const claims = await database.connection.db!.collection('unique_claims').find({ accountId: content.scope.accountId, contentType: 'item' }).toArray();
    expect(claims).toHaveLength(OBJECTS);
    const owners = new Map(claims.map((claim) => [claim.ownerIdKey as string, claim]));
    for (const object of after) expect(owners.has(object.id.toLowerCase())).toBe(true);
    const duplicate = await fetch(`${server.url}/api/v1/content/item`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': rwKey },
      body: JSON.stringify({ title: 'dup', code: 'C-7', count: 1 }),
    });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toEqual({ code: ['This value is already used'] });
    const afterwards = await fetch(`${server.url}/api/v1/content/item`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': rwKey },
      body: JSON.stringify({ id: 'new-one', title: 'new', code: 'C-new', count: 3, note: 'v2 shaped' }),
    });
    expect(afterwards.status).toBe(200);
    await until('the restarted server to report the resumed conversion', async () => server!.output().includes('resumed: converted'), 10_000);
  }, 420_000);
});
