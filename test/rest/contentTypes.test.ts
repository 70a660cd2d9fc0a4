import { fixtureContentType } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

const FORBIDDEN = { code: 403, message: 'Access denied or quota limit exceeded' };
const BASE = '/api/v1/internal/contenttype';

describe('REST content type definitions', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let scoped: string;
  const names = (body: { data: { name: string }[] }) => body.data.map((ctd) => ctd.name);
  const list = async (query: string, key = keys.ro) => {
    const response = await call(t.app, 'GET', `${BASE}${query}`, { key });
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    ({ secret: scoped } = await (await t.gateway.keyService(keys.accountId)).createUserKey({
      name: 'Scoped',
      rules: [
        { contentTypeDefinitionName: 'author', canRead: true, canCreate: false, canUpdate: false, canDelete: false },
        { contentTypeDefinitionName: 'article', canRead: false, canCreate: true, canUpdate: false, canDelete: false },
      ],
    }));
  });
  afterAll(async () => t.close());

  describe('list', () => {
    it('lists every CTD by name for application keys, in the list envelope', async () => {
      const body = await list('');
      expect(body).toMatchObject({ total_count: 5, total_pages: 1, current_page: 1, count: 5 });
      expect(names(body)).toEqual(['_media', '_tag', 'article', 'author', 'category']);
      const article = body.data.find((ctd: { name: string }) => ctd.name === 'article');
      expect(article).toMatchObject({ label: 'Article', internal: false, deletedAt: null, schemaDefinition: { allOf: expect.any(Array) } });
      expect(article.id).toEqual(expect.any(String));
      expect(article).not.toHaveProperty('version');
    });

    it('shows a user-defined key only the types it holds a right on', async () => {
      const body = await list('', scoped);
      expect(body.total_count).toBe(2);
      expect(names(body)).toEqual(['article', 'author']);
      expect(names(await list('?name=a', scoped))).toEqual(['article', 'author']);
      expect(names(await list('?names[]=category&names[]=author', scoped))).toEqual(['author']);
    });

    it.each([
      ['internal=1', '?internal=1', ['_media', '_tag']],
      ['internal=0', '?internal=0', ['article', 'author', 'category']],
      ['name contains (case-insensitive)', '?name=AUT', ['author']],
      ['label contains', '?label=cat', ['category']],
      ['names[] repeated', '?names[]=author&names[]=Category', ['author', 'category']],
      ['names comma-separated', '?names=author,_tag', ['_tag', 'author']],
      ['names repeated', '?names=author&names=article', ['article', 'author']],
      ['names is exact, not contains', '?names=auth', []],
      ['order_by name desc', '?order_by=name&order_direction=desc&internal=0', ['category', 'author', 'article']],
      // gatsby-source-flotiq's first call (issue #12).
      ['order_by label', '?limit=10000&order_by=label', ['article', 'author', 'category', '_media', '_tag']],
      ['order_by label desc', '?order_by=label&order_direction=desc&internal=0', ['category', 'author', 'article']],
      ['page and limit', '?limit=2&page=2', ['article', 'author']],
    ])('filters: %s', async (_name, query, expected) => {
      expect(names(await list(query))).toEqual(expected);
    });

    it('orders by createdAt and updatedAt', async () => {
      for (const field of ['createdAt', 'updatedAt']) {
        const asc = (await list(`?order_by=${field}`)).data.map((ctd: Record<string, string>) => ctd[field]);
        expect(asc).toEqual([...asc].sort());
        const desc = (await list(`?order_by=${field}&order_direction=desc`)).data.map((ctd: Record<string, string>) => ctd[field]);
        expect(desc).toEqual([...desc].sort().reverse());
      }
    });

    it('reports paging over the filtered total and accepts a large limit', async () => {
      expect(await list('?limit=2&page=3')).toMatchObject({ total_count: 5, total_pages: 3, current_page: 3, count: 1 });
      expect((await list('?limit=10000')).count).toBe(5);
    });

    it('names every accepted sort key when refusing another', async () => {
      const response = await call(t.app, 'GET', `${BASE}?order_by=schemaDefinition`, { key: keys.ro });
      expect(response).toMatchObject({ status: 400, body: { order_by: ['Order by must be one of: name, label, id, createdAt, updatedAt'] } });
    });

    it.each([
      ['?order_by=title', 'order_by'],
      ['?order_direction=up', 'order_direction'],
      ['?internal=maybe', 'internal'],
      ['?limit=0', 'limit'],
      ['?name=a&name=b', 'name'],
      ['?name[$ne]=x', 'name'],
    ])('refuses %s with 400', async (query, field) => {
      const response = await call(t.app, 'GET', `${BASE}${query}`, { key: keys.ro });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body)).toEqual([field]);
    });
  });

  describe('get', () => {
    it('returns one CTD; unknown and unreachable names are 404', async () => {
      const { status, body } = await call(t.app, 'GET', `${BASE}/category`, { key: keys.ro });
      expect(status).toBe(200);
      expect(body).toMatchObject({ name: 'category', label: 'Category', metaDefinition: { order: ['name', 'secret', 'author'] } });
      expect(body.schemaDefinition.allOf[1].properties).toHaveProperty('secret');
      expect((await call(t.app, 'GET', `${BASE}/nosuch`, { key: keys.ro })).status).toBe(404);
      expect((await call(t.app, 'GET', `${BASE}/category`, { key: scoped })).status).toBe(404);
      expect((await call(t.app, 'GET', `${BASE}/article`, { key: scoped })).status).toBe(200);
    });

    it('resolveRef=true inlines id and internal into properties, with no allOf', async () => {
      const { body } = await call(t.app, 'GET', `${BASE}/category?resolveRef=true`, { key: keys.ro });
      expect(body.name).toBe('category');
      expect(body.schemaDefinition).not.toHaveProperty('allOf');
      expect(body.schemaDefinition).toMatchObject({ type: 'object', required: ['id', 'name'], additionalProperties: false });
      expect(Object.keys(body.schemaDefinition.properties)).toEqual(['id', 'internal', 'name', 'secret', 'author']);
      expect(body.schemaDefinition.properties.id).toMatchObject({ type: 'string' });
      expect(body.schemaDefinition.properties.internal).toMatchObject({
        type: 'object',
        required: ['createdAt', 'updatedAt', 'deletedAt', 'contentType'],
        properties: { latestVersion: { type: 'number' }, contentType: { type: 'string' } },
      });
      expect(body.schemaDefinition.properties.author.items).toMatchObject({ type: 'object', properties: { dataUrl: { type: 'string' } } });
      expect(JSON.stringify(body.schemaDefinition)).not.toContain('$ref');
    });

    it('strictSchema=true with resolveRef=true returns only the schema; alone it is ignored', async () => {
      const { body } = await call(t.app, 'GET', `${BASE}/author?resolveRef=true&strictSchema=true`, { key: keys.ro });
      expect(body).toEqual({
        schema: {
          type: 'object',
          properties: expect.objectContaining({ id: expect.any(Object), internal: expect.any(Object), name: { type: 'string', minLength: 1 } }),
          required: ['id', 'name'],
        },
      });
      const alone = await call(t.app, 'GET', `${BASE}/author?strictSchema=true`, { key: keys.ro });
      expect(alone.body).toMatchObject({ name: 'author', schemaDefinition: { allOf: expect.any(Array) } });
    });
  });

  describe('writes', () => {
    it('RW key: create (200), update (200), delete (200, empty body)', async () => {
      const created = await call(t.app, 'POST', BASE, { key: keys.rw, body: fixtureContentType('everything') });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ name: 'everything', id: expect.any(String), deletedAt: null });
      const changed = { ...fixtureContentType('everything'), label: 'Everything changed' };
      const updated = await call(t.app, 'PUT', `${BASE}/everything`, { key: keys.rw, body: changed });
      expect(updated).toMatchObject({ status: 200, body: { label: 'Everything changed' } });
      const deleted = await call(t.app, 'DELETE', `${BASE}/everything`, { key: keys.rw });
      expect(deleted.status).toBe(200);
      expect(deleted.text).toBe('');
      expect((await call(t.app, 'GET', `${BASE}/everything`, { key: keys.rw })).status).toBe(404);
    });

    it('answers validation errors and refusals in Flotiq shapes', async () => {
      const invalid = await call(t.app, 'POST', BASE, { key: keys.rw, body: { name: 'Bad Name', label: '' } });
      expect(invalid.status).toBe(400);
      expect(invalid.body).toHaveProperty('label');
      const taken = await call(t.app, 'POST', BASE, { key: keys.rw, body: LIBRARY_TYPES[0] });
      expect(taken).toMatchObject({ status: 400, body: { name: ['This value is already used'] } });
      await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'keep', name: 'Keep' } });
      const refused = await call(t.app, 'DELETE', `${BASE}/author`, { key: keys.rw });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual(expect.arrayContaining(["Content Type has objects, you can't remove it!"]));
    });

    it('purges objects (204), and the CTD too with deleteSchema', async () => {
      const purgeable = { ...fixtureContentType('category'), name: 'purgeable', label: 'Purgeable' };
      expect((await call(t.app, 'POST', BASE, { key: keys.rw, body: purgeable })).status).toBe(200);
      await call(t.app, 'POST', '/api/v1/content/purgeable', { key: keys.rw, body: { id: 'p-1', name: 'P' } });
      const kept = await call(t.app, 'POST', `${BASE}/purgeable/purge`, { key: keys.rw, body: { deleteSchema: false } });
      expect(kept.status).toBe(204);
      expect(kept.text).toBe('');
      expect((await call(t.app, 'GET', '/api/v1/content/purgeable', { key: keys.rw })).body.total_count).toBe(0);
      await call(t.app, 'POST', '/api/v1/content/purgeable', { key: keys.rw, body: { id: 'p-2', name: 'P' } });
      const noBody = await t.app.inject({ method: 'POST', url: `${BASE}/purgeable/purge`, headers: { 'x-auth-token': keys.rw } });
      expect(noBody.statusCode).toBe(204);
      expect((await call(t.app, 'GET', '/api/v1/content/purgeable', { key: keys.rw })).body.total_count).toBe(0);
      const bad = await call(t.app, 'POST', `${BASE}/purgeable/purge`, { key: keys.rw, body: { deleteSchema: 'yes' } });
      expect(bad).toMatchObject({ status: 400, body: { deleteSchema: ['Must be a boolean'] } });
      const gone = await call(t.app, 'POST', `${BASE}/purgeable/purge`, { key: keys.rw, body: { deleteSchema: true } });
      expect(gone.status).toBe(204);
      expect((await call(t.app, 'GET', `${BASE}/purgeable`, { key: keys.rw })).status).toBe(404);
    });

    it('refuses every CTD write for the RO key and for user keys with 403, changing nothing', async () => {
      for (const key of [keys.ro, scoped]) {
        const attempts = [
          call(t.app, 'POST', BASE, { key, body: { ...fixtureContentType('category'), name: 'sneaky' } }),
          call(t.app, 'PUT', `${BASE}/author`, { key, body: { ...LIBRARY_TYPES[0], label: 'Changed' } }),
          call(t.app, 'PUT', `${BASE}/nosuch`, { key, body: {} }),
          call(t.app, 'DELETE', `${BASE}/author`, { key }),
          call(t.app, 'POST', `${BASE}/author/purge`, { key, body: { deleteSchema: true } }),
        ];
        for (const response of await Promise.all(attempts)) expect(response).toMatchObject({ status: 403, body: FORBIDDEN });
      }
      expect((await call(t.app, 'GET', `${BASE}/author`, { key: keys.ro })).body.label).toBe('Author');
      expect((await call(t.app, 'GET', `${BASE}/sneaky`, { key: keys.ro })).status).toBe(404);
      expect((await call(t.app, 'GET', '/api/v1/content/author/keep', { key: keys.ro })).status).toBe(200);
    });
  });
});
