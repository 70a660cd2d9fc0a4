import { readUntil } from '../support/eventually';
import { recordObjectReads, type ObjectRead } from '../support/objectReads';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

/**
 * Cached reads: repeated REST and GraphQL reads are answered from memory, a write is seen by the
 * very next read, by another instance within the change feed's bound, and no key ever gets an
 * answer made for other rights.
 */
describe('cached reads', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reader: string;
  let reads: ObjectRead[] = [];

  beforeAll(async () => {
    t = await startTestGateway({ monitorCommands: true });
    reads = recordObjectReads(t.database);
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('category', { id: 'c-1', name: 'News', secret: 'alpha' });
    ({ secret: reader } = await (await t.gateway.keyService(keys.accountId)).createUserKey({
      name: 'Reader',
      rules: [{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { secret: { read: false } } }],
    }));
  });
  afterAll(async () => t.close());

  it('answers a repeated read from memory, with an entity tag and 304 on If-None-Match', async () => {
    const first = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro });
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    reads.length = 0;
    const again = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro });
    expect(again.body).toEqual(first.body);
    expect(reads).toEqual([]);
    const revalidated = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('shows a write to the very next read, REST and GraphQL alike', async () => {
    const query = '{ categoryList { id name } }';
    const before = await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro });
    expect((await graphql(t.app, keys.ro, query)).body.data?.categoryList).toEqual([{ id: 'c-1', name: 'News' }]);
    await call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: keys.rw, body: { name: 'Updated' } });
    const after = await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro });
    expect(after.body.data[0].name).toBe('Updated');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await graphql(t.app, keys.ro, query)).body.data?.categoryList).toEqual([{ id: 'c-1', name: 'Updated' }]);
    const stale = await call(t.app, 'GET', '/api/v1/content/category', { key: keys.ro, headers: { 'if-none-match': String(before.headers.etag) } });
    expect(stale.status).toBe(200);
  });

  it('never serves one key the answer made for other rights', async () => {
    const url = '/api/v1/content/category/c-1';
    expect((await call(t.app, 'GET', url, { key: keys.rw })).body.secret).toBe('alpha');
    const narrow = await call(t.app, 'GET', url, { key: reader });
    expect(narrow.body).not.toHaveProperty('secret');
    expect((await call(t.app, 'GET', `${url}?auth_token=${reader}`)).body).not.toHaveProperty('secret');
    const query = '{ category(id: "c-1") { id secret } }';
    expect((await graphql(t.app, keys.rw, query)).body.data?.category).toEqual({ id: 'c-1', secret: 'alpha' });
    const refused = await graphql(t.app, reader, query);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('never caches a mutation or a refusal', async () => {
    const mutation = 'mutation { createCategory(data: { name: "Made" }) { name } }';
    expect((await graphql(t.app, keys.rw, mutation)).body.data?.createCategory).toEqual({ name: 'Made' });
    expect((await graphql(t.app, keys.rw, mutation)).body.data?.createCategory).toEqual({ name: 'Made' });
    const count = await call(t.app, 'GET', '/api/v1/content/category?filters=' + encodeURIComponent('{"name":{"type":"equals","filter":"Made"}}'), { key: keys.ro });
    expect(count.body.total_count).toBe(2);
    expect((await call(t.app, 'GET', '/api/v1/content/category/c-404', { key: keys.ro })).status).toBe(404);
    await call(t.app, 'POST', '/api/v1/content/category', { key: keys.rw, body: { id: 'c-404', name: 'Now here' } });
    expect((await call(t.app, 'GET', '/api/v1/content/category/c-404', { key: keys.ro })).status).toBe(200);
  });

  it('another instance on the same database sees a write within the change feed bound', async () => {
    const other = await startTestGateway({ databaseName: t.database.connection.name });
    try {
      const url = '/api/v1/content/category/c-1';
      expect((await call(other.app, 'GET', url, { key: keys.ro })).status).toBe(200);
      await call(t.app, 'PATCH', url, { key: keys.rw, body: { name: 'Seen elsewhere' } });
      const name = await readUntil(async () => (await call(other.app, 'GET', url, { key: keys.ro })).body.name, 'Seen elsewhere');
      expect(name).toBe('Seen elsewhere');
    } finally {
      await other.app.close();
      await other.gateway.stop();
      await other.database.close();
    }
  });

  it('RESPONSE_CACHE_MB=0 and TYPE_VIEWS_MB=0 turn the caches off: every read goes to the database', async () => {
    const uncached = await startTestGateway({
      databaseName: t.database.connection.name,
      env: { RESPONSE_CACHE_MB: '0', TYPE_VIEWS_MB: '0' },
      monitorCommands: true,
    });
    const seen = recordObjectReads(uncached.database);
    try {
      for (let i = 0; i < 2; i++) expect((await call(uncached.app, 'GET', '/api/v1/content/category/c-1', { key: keys.ro })).status).toBe(200);
      expect(seen).toEqual([
        { type: 'category', kind: 'point' },
        { type: 'category', kind: 'point' },
      ]);
    } finally {
      await uncached.app.close();
      await uncached.gateway.stop();
      await uncached.database.close();
    }
  });
});
