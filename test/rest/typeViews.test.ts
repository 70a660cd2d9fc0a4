import { readUntil } from '../support/eventually';
import { recordObjectReads, type ObjectRead } from '../support/objectReads';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

/**
 * In-process copies of content types: a type is read from the database once, then lists, counts,
 * filters and reads by id run in memory; this instance's writes show at once, another instance's
 * within the change feed's bound. The response cache is off here so every request reaches them.
 */
describe('reads from in-process copies of types', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reads: ObjectRead[] = [];
  const filters = (value: unknown) => encodeURIComponent(JSON.stringify(value));

  beforeAll(async () => {
    t = await startTestGateway({ monitorCommands: true, env: { RESPONSE_CACHE_MB: '0' } });
    reads = recordObjectReads(t.database);
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    for (const [id, name] of [['c-1', 'News'], ['c-2', 'Sport'], ['c-3', 'Arts']]) await content.objects.create('category', { id, name, secret: id });
  });
  afterAll(async () => t.close());

  it('reads a type once, then answers lists, filters, counts and gets from memory, writes included', async () => {
    reads.length = 0;
    const first = await call(t.app, 'GET', '/api/v1/content/category?order_by=name', { key: keys.ro });
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual(['c-3', 'c-1', 'c-2']);
    expect(reads).toEqual([{ type: 'category', kind: 'query' }]);

    reads.length = 0;
    await call(t.app, 'PATCH', '/api/v1/content/category/c-2', { key: keys.rw, body: { name: 'Autumn' } });
    await call(t.app, 'DELETE', '/api/v1/content/category/c-3', { key: keys.rw });
    await call(t.app, 'POST', '/api/v1/content/category', { key: keys.rw, body: { id: 'c-4', name: 'Zoo' } });
    const writeReads = reads.length; // the writes read the database (existence, versions), never the copy
    const list = await call(t.app, 'GET', '/api/v1/content/category?order_by=name&order_direction=desc', { key: keys.ro });
    expect(list.body.data.map((c: { id: string; name: string }) => `${c.id}:${c.name}`)).toEqual(['c-4:Zoo', 'c-1:News', 'c-2:Autumn']);
    expect(list.body.total_count).toBe(3);
    const filtered = await call(t.app, 'GET', `/api/v1/content/category?filters=${filters({ name: { type: 'startsWith', filter: 'n' } })}`, { key: keys.ro });
    expect(filtered.body.data.map((c: { id: string }) => c.id)).toEqual(['c-1']);
    expect((await call(t.app, 'GET', '/api/v1/content/category/C-2', { key: keys.ro })).body.name).toBe('Autumn');
    expect((await call(t.app, 'GET', '/api/v1/content/category/c-3', { key: keys.ro })).status).toBe(404);
    expect(reads.length).toBe(writeReads);
  });

  it('drops the copy when another instance changes the type, within the change feed bound', async () => {
    await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro });
    const other = await startTestGateway({ databaseName: t.database.connection.name });
    try {
      await call(other.app, 'PATCH', '/api/v1/content/category/c-1', { key: keys.rw, body: { name: 'Elsewhere' } });
      const read = async () => (await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro })).body.name;
      expect(await readUntil(read, 'Elsewhere')).toBe('Elsewhere');
    } finally {
      await other.app.close();
      await other.gateway.stop();
      await other.database.close();
    }
  });
});
