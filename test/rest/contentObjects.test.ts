import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, LIBRARY_TYPES, ref, relation, text, type Field } from './restKit';

const FORBIDDEN = { code: 403, message: 'Access denied or quota limit exceeded' };
const NOT_FOUND = { code: 404, message: 'Not found' };

describe('REST content objects: single-object endpoints', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    const [schema, meta] = relation('Author', 'author');
    const unsaid: Field = [schema, { ...meta, validation: { relationContenttype: 'author' } }];
    await content.contentTypes.create(contentType('book', 'Book', { title: text('Title'), author: unsaid, editor: relation('Editor', 'author', false) }));
  }, 60_000);
  afterAll(async () => t.close());

  it('creates (200), reads, replaces, patches and deletes (204, empty) with the RW key', async () => {
    const created = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'author-1', name: 'Ann' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: 'author-1', name: 'Ann', internal: { contentType: 'author', deletedAt: '' } });
    expect(created.body.internal.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);

    const read = await call(t.app, 'GET', '/api/v1/content/author/AUTHOR-1', { key: keys.ro });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const replaced = await call(t.app, 'PUT', '/api/v1/content/author/author-1', { key: keys.rw, body: { id: 'author-1', name: 'Anne' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: 'author-1', name: 'Anne', internal: { latestVersion: 2 } });

    const patched = await call(t.app, 'PATCH', '/api/v1/content/author/author-1', { key: keys.rw, body: { name: 'Annie' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: 'author-1', name: 'Annie' });

    const deleted = await call(t.app, 'DELETE', '/api/v1/content/author/author-1', { key: keys.rw });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect(await call(t.app, 'GET', '/api/v1/content/author/author-1', { key: keys.rw })).toMatchObject({ status: 404, body: NOT_FOUND });
  });

  it('generates an id when the body has none', async () => {
    const created = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { name: 'Generated' } });
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^author-/);
  });

  it('refuses every write with the RO key (403, Flotiq body) and changes nothing', async () => {
    await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'kept', name: 'Kept' } });
    const attempts = [
      call(t.app, 'POST', '/api/v1/content/author', { key: keys.ro, body: { name: 'x' } }),
      call(t.app, 'PUT', '/api/v1/content/author/kept', { key: keys.ro, body: { name: 'x' } }),
      call(t.app, 'PATCH', '/api/v1/content/author/kept', { key: keys.ro, body: { name: 'x' } }),
      call(t.app, 'DELETE', '/api/v1/content/author/kept', { key: keys.ro }),
      call(t.app, 'POST', '/api/v1/content/author/batch', { key: keys.ro, body: [{ name: 'x' }] }),
      call(t.app, 'POST', '/api/v1/content/author/batch?updateExisting=true', { key: keys.ro, body: [{ name: 'x' }] }),
      call(t.app, 'PATCH', '/api/v1/content/author/batch', { key: keys.ro, body: [{ id: 'kept', name: 'x' }] }),
      call(t.app, 'POST', '/api/v1/content/author/batch-delete', { key: keys.ro, body: ['kept'] }),
      call(t.app, 'GET', '/api/v1/content/author/removed?deletedAfter=2020-01-01', { key: keys.ro }),
    ];
    for (const response of await Promise.all(attempts)) expect(response).toMatchObject({ status: 403, body: FORBIDDEN });
    expect((await call(t.app, 'GET', '/api/v1/content/author/kept', { key: keys.ro })).body.name).toBe('Kept');
  });

  it('answers 404 for an unknown type or object', async () => {
    expect(await call(t.app, 'GET', '/api/v1/content/nosuchtype', { key: keys.rw })).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await call(t.app, 'GET', '/api/v1/content/author/nope', { key: keys.rw })).toMatchObject({ status: 404, body: NOT_FOUND });
    expect(await call(t.app, 'POST', '/api/v1/content/nosuchtype', { key: keys.rw, body: { name: 'x' } })).toMatchObject({ status: 404 });
    expect(await call(t.app, 'PATCH', '/api/v1/content/author/nope', { key: keys.rw, body: { name: 'x' } })).toMatchObject({ status: 404 });
    expect(await call(t.app, 'DELETE', '/api/v1/content/author/nope', { key: keys.rw })).toMatchObject({ status: 404, body: NOT_FOUND });
  });

  it('refuses a PUT whose body id differs from the path', async () => {
    await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'put-1', name: 'P' } });
    const response = await call(t.app, 'PUT', '/api/v1/content/author/put-1', { key: keys.rw, body: { id: 'put-2', name: 'P' } });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body)).toEqual(['id']);
    expect((await call(t.app, 'GET', '/api/v1/content/author/put-2', { key: keys.rw })).status).toBe(404);
  });

  it('answers validation errors as Flotiq field maps', async () => {
    const response = await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { name: '' } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ name: expect.arrayContaining([expect.any(String)]) });
  });

  it('takes one reference, not two, in a relation without relationMultiple: true (absent or false), on every write', async () => {
    for (const id of ['a-1', 'a-2']) await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id, name: id } });
    const two = [ref('author', 'a-1'), ref('author', 'a-2')];
    const single = { status: 400, body: { author: ['There must be a maximum of 1 items in the array'] } };
    expect(await call(t.app, 'POST', '/api/v1/content/book', { key: keys.rw, body: { id: 'b-1', title: 'B', author: two } })).toMatchObject(single);
    expect(await call(t.app, 'POST', '/api/v1/content/book', { key: keys.rw, body: { id: 'b-1', title: 'B', editor: two } })).toMatchObject({
      status: 400,
      body: { editor: ['There must be a maximum of 1 items in the array'] },
    });
    const created = await call(t.app, 'POST', '/api/v1/content/book', { key: keys.rw, body: { id: 'b-1', title: 'B', author: [two[0]], editor: [two[1]] } });
    expect(created.status).toBe(200);
    expect(await call(t.app, 'PATCH', '/api/v1/content/book/b-1', { key: keys.rw, body: { author: two } })).toMatchObject(single);
    expect(await call(t.app, 'PUT', '/api/v1/content/book/b-1', { key: keys.rw, body: { title: 'B', author: two } })).toMatchObject(single);
    expect((await call(t.app, 'GET', '/api/v1/content/book/b-1', { key: keys.rw })).body.author).toEqual([two[0]]);
  });

  it('does not store system fields sent in the body (mass assignment)', async () => {
    const sneaky = await call(t.app, 'POST', '/api/v1/content/author', {
      key: keys.rw,
      body: { id: 'sneaky', name: 'S', accountId: 'another-account', _id: 'x', __v: 3 },
    });
    expect(sneaky.status).toBe(400);
    expect((await call(t.app, 'GET', '/api/v1/content/author/sneaky', { key: keys.rw })).status).toBe(404);
    const internal = await call(t.app, 'POST', '/api/v1/content/author', {
      key: keys.rw,
      body: { id: 'internal-1', name: 'I', internal: { contentType: 'article', createdAt: '1999-01-01T00:00:00+00:00' } },
    });
    expect(internal.status).toBe(200);
    expect(internal.body.internal.contentType).toBe('author');
    expect(internal.body.internal.createdAt).not.toBe('1999-01-01T00:00:00+00:00');
  });

  it('refuses deleting a referenced object with Flotiq reasons body', async () => {
    await call(t.app, 'POST', '/api/v1/content/author', { key: keys.rw, body: { id: 'ref-author', name: 'R' } });
    await call(t.app, 'POST', '/api/v1/content/category', { key: keys.rw, body: { id: 'ref-cat', name: 'C', author: [ref('author', 'ref-author')] } });
    const response = await call(t.app, 'DELETE', '/api/v1/content/author/ref-author', { key: keys.rw });
    expect(response).toMatchObject({ status: 400, body: { errors: ['This content object is used in another content object.'] } });
  });

  it('never reaches another account: its objects are 404 for reads and writes alike, and stay untouched', async () => {
    const other = await t.createAccount('Other account');
    const otherContent = t.gateway.content(other.accountId);
    await otherContent.contentTypes.create(LIBRARY_TYPES[0]);
    await otherContent.objects.create('author', { id: 'theirs', name: 'Theirs' });
    for (const [method, body] of [['GET'], ['PUT', { name: 'x' }], ['PATCH', { name: 'x' }], ['DELETE']] as const) {
      const response = await call(t.app, method, '/api/v1/content/author/theirs', { key: keys.rw, body });
      expect(response).toMatchObject({ status: 404, body: NOT_FOUND });
    }
    const batchDelete = await call(t.app, 'POST', '/api/v1/content/author/batch-delete', { key: keys.rw, body: ['theirs'] });
    expect(batchDelete).toMatchObject({ status: 400, body: { errors: ['Content object: "theirs" doesn\'t exist'] } });
    const listed = await call(t.app, 'GET', '/api/v1/content/author?ids[]=theirs', { key: keys.rw });
    expect(listed.body.total_count).toBe(0);
    expect((await call(t.app, 'GET', '/api/v1/content/author/theirs', { key: other.ro })).body.name).toBe('Theirs');
  });

  it('ignores X-HTTP-Method-Override', async () => {
    const response = await call(t.app, 'POST', '/api/v1/content/author', {
      key: keys.rw,
      body: { id: 'override', name: 'O' },
      headers: { 'x-http-method-override': 'DELETE' },
    });
    expect(response.status).toBe(200);
    const ro = await call(t.app, 'GET', '/api/v1/content/author/override', { key: keys.ro, headers: { 'x-http-method-override': 'DELETE' } });
    expect(ro.status).toBe(200);
    expect((await call(t.app, 'GET', '/api/v1/content/author/override', { key: keys.ro })).status).toBe(200);
  });
});
