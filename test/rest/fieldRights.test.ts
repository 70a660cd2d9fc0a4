import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from './restKit';

const FORBIDDEN = { code: 403, message: 'Access denied or quota limit exceeded' };

describe('REST with a user-defined key: type and field rights', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let reader: string;
  let editor: string;
  const filters = (value: unknown) => encodeURIComponent(JSON.stringify(value));

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('category', { id: 'c-1', name: 'News', secret: 'alpha' });
    await content.objects.create('category', { id: 'c-2', name: 'Sport', secret: 'beta' });
    await content.objects.create('author', { id: 'a-1', name: 'Ann' });
    const keyService = await t.gateway.keyService(keys.accountId);
    ({ secret: reader } = await keyService.createUserKey({
      name: 'Category reader',
      rules: [{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false, fields: { secret: { read: false } } }],
    }));
    ({ secret: editor } = await keyService.createUserKey({
      name: 'Category editor',
      rules: [
        { contentTypeDefinitionName: 'category', canRead: true, canCreate: true, canUpdate: true, canDelete: false, fields: { secret: { create: false, update: false } } },
      ],
    }));
  });
  afterAll(async () => t.close());

  it('shows a key the definition without the fields it can do nothing with', async () => {
    const hidden = await call(t.app, 'GET', '/api/v1/internal/contenttype/category', { key: reader });
    expect(hidden.status).toBe(200);
    expect(Object.keys(hidden.body.schemaDefinition.allOf[1].properties)).toEqual(['name', 'author']);
    expect(hidden.body.metaDefinition.order).not.toContain('secret');
    expect(hidden.text).not.toContain('secret');
    const listed = await call(t.app, 'GET', '/api/v1/internal/contenttype?names[]=category', { key: reader });
    expect(listed.text).not.toContain('secret');
    // The editor may read `secret` (only its writes are narrowed), so it sees it.
    const shown = await call(t.app, 'GET', '/api/v1/internal/contenttype/category', { key: editor });
    expect(Object.keys(shown.body.schemaDefinition.allOf[1].properties)).toEqual(expect.arrayContaining(['name', 'secret']));
  });

  it('omits unreadable fields from GET and list', async () => {
    const one = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: reader });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: 'c-1', name: 'News', internal: { contentType: 'category' } });
    expect(one.body).not.toHaveProperty('secret');
    const list = await call(t.app, 'GET', '/api/v1/content/category?order_by=name', { key: reader });
    expect(list.body.data.map((c: Record<string, unknown>) => Object.keys(c).sort())).toEqual([
      ['id', 'internal', 'name'],
      ['id', 'internal', 'name'],
    ]);
    expect(list.text).not.toMatch(/alpha|beta/);
    const rw = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.rw });
    expect(rw.body.secret).toBe('alpha');
  });

  it('refuses filtering or ordering on an unreadable field with 403 (no oracle)', async () => {
    for (const query of [
      `?filters=${filters({ secret: { type: 'equals', filter: 'alpha' } })}`,
      `?filters=${filters({ secret: { type: 'startsWith', filter: 'a' } })}`,
      '?order_by=secret',
    ]) {
      const response = await call(t.app, 'GET', `/api/v1/content/category${query}`, { key: reader });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe(403);
    }
    const allowed = await call(t.app, 'GET', `/api/v1/content/category?filters=${filters({ name: { type: 'equals', filter: 'News' } })}`, { key: reader });
    expect(allowed.body.data.map((c: { id: string }) => c.id)).toEqual(['c-1']);
  });

  it('refuses writes the key has no right for with 403, and types outside its rules with 404', async () => {
    const writes = [
      call(t.app, 'POST', '/api/v1/content/category', { key: reader, body: { name: 'x' } }),
      call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: reader, body: { name: 'x' } }),
      call(t.app, 'DELETE', '/api/v1/content/category/c-1', { key: reader }),
    ];
    for (const response of await Promise.all(writes)) expect(response).toMatchObject({ status: 403, body: FORBIDDEN });
    for (const [method, url] of [
      ['GET', '/api/v1/content/author'],
      ['GET', '/api/v1/content/author/a-1'],
      ['DELETE', '/api/v1/content/author/a-1'],
      ['GET', '/api/v1/content/nosuch'],
    ]) {
      expect(await call(t.app, method, url, { key: reader })).toMatchObject({ status: 404, body: { code: 404, message: 'Not found' } });
    }
  });

  it('refuses writes of fields the key may not write, whole, and keeps them on PUT', async () => {
    const create = await call(t.app, 'POST', '/api/v1/content/category', { key: editor, body: { id: 'c-3', name: 'Arts', secret: 'gamma' } });
    expect(create).toMatchObject({ status: 403, body: { code: 403, message: 'Not allowed to create field(s): secret' } });
    expect((await call(t.app, 'GET', '/api/v1/content/category/c-3', { key: keys.rw })).status).toBe(404);

    const patch = await call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: editor, body: { secret: 'changed' } });
    expect(patch).toMatchObject({ status: 403, body: { message: 'Not allowed to update field(s): secret' } });

    const put = await call(t.app, 'PUT', '/api/v1/content/category/c-1', { key: editor, body: { id: 'c-1', name: 'News!' } });
    expect(put.status).toBe(200);
    const stored = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.rw });
    expect(stored.body).toMatchObject({ name: 'News!', secret: 'alpha' });
  });

  it('reports field refusals per item in a batch', async () => {
    const response = await call(t.app, 'POST', '/api/v1/content/category/batch', {
      key: editor,
      body: [{ id: 'c-4', name: 'Ok' }, { id: 'c-5', name: 'Not ok', secret: 'x' }],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      batch_success_count: 1,
      errors: [{ data: { id: 'c-5' }, errors: { object: ['Not allowed to create field(s): secret'] } }],
    });
  });
});
