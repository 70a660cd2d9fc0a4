import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES, ref } from './restKit';

const FORBIDDEN = { code: 403, message: 'Access denied or quota limit exceeded' };

describe('REST batch endpoints and /removed', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const userKey = async (name: string, rights: Partial<Record<'canRead' | 'canCreate' | 'canUpdate' | 'canDelete', boolean>>) =>
    (
      await (await t.gateway.keyService(keys.accountId)).createUserKey({
        name,
        rules: [{ contentTypeDefinitionName: 'author', canRead: false, canCreate: false, canUpdate: false, canDelete: false, ...rights }],
      })
    ).secret;
  const getAuthor = (id: string) => call(t.app, 'GET', `/api/v1/content/author/${id}`, { key: keys.rw });

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount('Batch', 'pro');
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
  });
  afterAll(async () => t.close());

  describe('POST …/batch', () => {
    it('creates every item: 200 with the success report', async () => {
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch', {
        key: keys.rw,
        body: [{ id: 'b-1', name: 'One' }, { id: 'b-2', name: 'Two' }],
      });
      expect(response).toMatchObject({ status: 200, body: { batch_total_count: 2, batch_success_count: 2, batch_error_count: 0, errors: [] } });
      expect((await getAuthor('b-2')).body.name).toBe('Two');
    });

    it('writes the valid items and reports the others: 400 with Flotiq error items', async () => {
      const invalid = { id: 'b-4', name: '' };
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch', {
        key: keys.rw,
        body: [{ id: 'b-3', name: 'Three' }, invalid, { id: 'b-1', name: 'Taken' }],
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        batch_total_count: 3,
        batch_success_count: 1,
        batch_error_count: 2,
        errors: [
          { data: invalid, errors: { name: expect.any(Array) } },
          { data: { id: 'b-1', name: 'Taken' }, errors: { id: ['This value is already used'] } },
        ],
      });
      expect((await getAuthor('b-3')).status).toBe(200);
      expect((await getAuthor('b-4')).status).toBe(404);
      expect((await getAuthor('b-1')).body.name).toBe('One');
    });

    it('refuses a repeated id within one batch (ids are case-insensitive); the first occurrence is written', async () => {
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch', {
        key: keys.rw,
        body: [{ id: 'dup', name: 'First' }, { id: 'DUP', name: 'Second' }],
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        batch_success_count: 1,
        batch_error_count: 1,
        errors: [{ data: { id: 'DUP', name: 'Second' }, errors: { id: ['There are duplications in object data, key: id'] } }],
      });
      expect((await getAuthor('dup')).body.name).toBe('First');
    });

    it('refuses more than 100 items whole, writing nothing', async () => {
      const items = Array.from({ length: 101 }, (_, i) => ({ id: `many-${i}`, name: `Many ${i}` }));
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.rw, body: items });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ batch_limit: ['A batch may hold at most 100 items'], data: ['101 items were sent'] });
      expect((await getAuthor('many-0')).status).toBe(404);
      const hundred = await call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.rw, body: items.slice(0, 100) });
      expect(hundred.body).toMatchObject({ batch_success_count: 100 });
    });

    it('refuses a body that is not an array', async () => {
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.rw, body: { id: 'x', name: 'x' } });
      expect(response).toMatchObject({ status: 400, body: { body: ['The request body must be a JSON array'] } });
    });

    it('without updateExisting an existing id is an item error; with it, the object is replaced or created', async () => {
      const plain = await call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.rw, body: [{ id: 'b-2', name: 'Again' }] });
      expect(plain.body.errors[0].errors).toEqual({ id: ['This value is already used'] });
      const upsert = await call(t.app, 'POST', '/api/v1/content/author/batch?updateExisting=true', {
        key: keys.rw,
        body: [{ id: 'b-2', name: 'Replaced' }, { id: 'up-new', name: 'New' }, { name: 'No id' }],
      });
      expect(upsert).toMatchObject({ status: 200, body: { batch_success_count: 3, batch_error_count: 0 } });
      expect((await getAuthor('b-2')).body).toMatchObject({ name: 'Replaced', internal: { latestVersion: 2 } });
      expect((await getAuthor('up-new')).body.name).toBe('New');
    });

    it('upsert needs create and update rights; create alone is enough without it', async () => {
      const createOnly = await userKey('Create only', { canCreate: true });
      const refused = await call(t.app, 'POST', '/api/v1/content/author/batch?updateExisting=true', { key: createOnly, body: [{ name: 'x' }] });
      expect(refused).toMatchObject({ status: 403, body: FORBIDDEN });
      const plain = await call(t.app, 'POST', '/api/v1/content/author/batch', { key: createOnly, body: [{ id: 'by-create-key', name: 'x' }] });
      expect(plain.status).toBe(200);
      const both = await userKey('Create and update', { canCreate: true, canUpdate: true });
      const upsert = await call(t.app, 'POST', '/api/v1/content/author/batch?updateExisting=1', { key: both, body: [{ id: 'by-create-key', name: 'y' }] });
      expect(upsert.status).toBe(200);
      expect((await getAuthor('by-create-key')).body.name).toBe('y');
    });

    it('answers 404 for an unknown type or a type the key has no right on', async () => {
      expect((await call(t.app, 'POST', '/api/v1/content/nosuch/batch', { key: keys.rw, body: [] })).status).toBe(404);
      const createOnly = await userKey('Author creator', { canCreate: true });
      expect((await call(t.app, 'POST', '/api/v1/content/category/batch', { key: createOnly, body: [] })).status).toBe(404);
    });
  });

  describe('PATCH …/batch', () => {
    it('patches existing objects and reports items without id or without object', async () => {
      const response = await call(t.app, 'PATCH', '/api/v1/content/author/batch', {
        key: keys.rw,
        body: [{ id: 'b-3', name: 'Three patched' }, { name: 'No id' }, { id: 'ghost', name: 'Ghost' }, { id: 'b-3', name: 'Again' }, 'text'],
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        batch_total_count: 5,
        batch_success_count: 1,
        batch_error_count: 4,
        errors: [
          { data: { name: 'No id' }, errors: { id: ['The property id is required'] } },
          { data: { id: 'ghost', name: 'Ghost' }, errors: { id: ['Content object: "ghost" doesn\'t exist'] } },
          { data: { id: 'b-3', name: 'Again' }, errors: { id: ['There are duplications in object data, key: id'] } },
          { data: 'text', errors: { body: ['Each item must be a JSON object'] } },
        ],
      });
      expect((await getAuthor('b-3')).body.name).toBe('Three patched');
      expect((await getAuthor('ghost')).status).toBe(404);
    });

    it('answers 200 when every item was patched', async () => {
      const response = await call(t.app, 'PATCH', '/api/v1/content/author/batch', { key: keys.rw, body: [{ id: 'b-3', name: 'Three' }] });
      expect(response).toMatchObject({ status: 200, body: { batch_total_count: 1, batch_success_count: 1, batch_error_count: 0, errors: [] } });
    });
  });

  describe('POST …/batch-delete', () => {
    it('deletes every id: 200 {"deletedCount"}', async () => {
      await call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.rw, body: [{ id: 'del-1', name: 'D1' }, { id: 'del-2', name: 'D2' }] });
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch-delete', { key: keys.rw, body: ['del-1', 'DEL-2', 'del-1'] });
      expect(response).toMatchObject({ status: 200, body: { deletedCount: 2 } });
    });

    it('deletes what it can and names the refused ids (missing, referenced) with 400', async () => {
      await call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.rw, body: [{ id: 'del-3', name: 'D3' }, { id: 'used', name: 'Used' }] });
      await call(t.app, 'POST', '/api/v1/content/category', { key: keys.rw, body: { id: 'cat-used', name: 'C', author: [ref('author', 'used')] } });
      const response = await call(t.app, 'POST', '/api/v1/content/author/batch-delete', { key: keys.rw, body: ['x-1', 'del-3', 'used'] });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errors: ['Content object: "x-1" doesn\'t exist', 'Content object: "used" is used in another content object.'],
      });
      expect((await getAuthor('del-3')).status).toBe(404);
      expect((await getAuthor('used')).status).toBe(200);
    });

    it('refuses more than 100 ids and non-string ids', async () => {
      const many = Array.from({ length: 101 }, (_, i) => `id-${i}`);
      expect((await call(t.app, 'POST', '/api/v1/content/author/batch-delete', { key: keys.rw, body: many })).body).toHaveProperty('batch_limit');
      const objects = await call(t.app, 'POST', '/api/v1/content/author/batch-delete', { key: keys.rw, body: [{ $ne: null }] });
      expect(objects).toMatchObject({ status: 400, body: { body: ['The request body must be a JSON array of ids'] } });
    });
  });

  describe('GET …/removed', () => {
    it('lists ids deleted after a date given in any common shape', async () => {
      await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'gone', name: 'Gone' } });
      await call(t.app, 'DELETE', '/api/v1/content/author/gone', { key: keys.rw });
      for (const date of ['2020-06-17 09:00:00', '2020-06-17', '2020-06-17T09:00:00Z', '2020-06-17T09:00:00+02:00', '2020-06-17T09:00:00.000Z']) {
        const response = await call(t.app, 'GET', `/api/v1/content/author/removed?deletedAfter=${encodeURIComponent(date)}`, { key: keys.rw });
        expect(response.status).toBe(200);
        expect(response.body).toEqual(expect.arrayContaining(['gone', 'del-1', 'del-2', 'del-3']));
        expect(response.body).not.toContain('b-1');
      }
      const future = await call(t.app, 'GET', '/api/v1/content/author/removed?deletedAfter=2999-01-01', { key: keys.rw });
      expect(future).toMatchObject({ status: 200, body: [] });
    });

    it.each(['', '?deletedAfter=', '?deletedAfter=yesterday-ish', '?deletedAfter=2020-13-01', '?deletedAfter=2020-02-30'])(
      'refuses %s with Flotiq wrong-date body',
      async (query) => {
        const response = await call(t.app, 'GET', `/api/v1/content/author/removed${query}`, { key: keys.rw });
        expect(response).toMatchObject({ status: 400, body: { deletedAfter: ['Wrong date format'] } });
      },
    );

    it('needs read and delete', async () => {
      const readOnly = await userKey('Reader', { canRead: true });
      const deleteOnly = await userKey('Deleter', { canDelete: true });
      const both = await userKey('Reader and deleter', { canRead: true, canDelete: true });
      const url = '/api/v1/content/author/removed?deletedAfter=2020-01-01';
      expect(await call(t.app, 'GET', url, { key: readOnly })).toMatchObject({ status: 403, body: FORBIDDEN });
      expect(await call(t.app, 'GET', url, { key: deleteOnly })).toMatchObject({ status: 403, body: FORBIDDEN });
      expect((await call(t.app, 'GET', url, { key: both })).status).toBe(200);
      expect((await call(t.app, 'GET', '/api/v1/content/category/removed?deletedAfter=2020-01-01', { key: both })).status).toBe(404);
    });
  });
});
