import { keyRule } from '../support/keyRules';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES, ref } from './restKit';

/**
 * A value derived from a field (`internal.objectTitle`) follows that field's read right on every
 * transport, and refusals tell a key nothing about objects it cannot read.
 */
describe('derived values and refusals follow the read rights', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  /** Reads categories without `name` (their title part) and articles whole. */
  let nameless: string;
  /** Updates categories without reading them. */
  let blindEditor: string;
  /** Creates articles, cannot read categories. */
  let articleWriter: string;
  const filters = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const rule = keyRule;

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount();
    const content = t.gateway.content(keys.accountId);
    for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    await content.objects.create('category', { id: 'c-1', name: 'Hidden Title', secret: 'visible' });
    await content.objects.create('article', { id: 'a-1', title: 'Article', categories: [ref('category', 'c-1')] });
    const keyService = await t.gateway.keyService(keys.accountId);
    ({ secret: nameless } = await keyService.createUserKey({
      name: 'Nameless',
      rules: [rule('category', { canRead: true, fields: { name: { read: false } } }), rule('article', { canRead: true })],
    }));
    ({ secret: blindEditor } = await keyService.createUserKey({ name: 'Blind editor', rules: [rule('category', { canUpdate: true })] }));
    ({ secret: articleWriter } = await keyService.createUserKey({ name: 'Article writer', rules: [rule('article', { canCreate: true })] }));
  });
  afterAll(async () => t.close());

  it('REST get, list and hydration leave out the title of a hidden title field', async () => {
    for (const url of ['/api/v1/content/category/c-1', '/api/v1/content/category', '/api/v1/content/article/a-1?hydrate=1']) {
      const response = await call(t.app, 'GET', url, { key: nameless });
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('Hidden Title');
      expect(response.text).toContain('visible');
    }
    const own = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: nameless });
    expect(own.body.internal).toMatchObject({ contentType: 'category' });
    expect(own.body.internal).not.toHaveProperty('objectTitle');
    const rw = await call(t.app, 'GET', '/api/v1/content/category/c-1', { key: keys.rw });
    expect(rw.body.internal.objectTitle).toBe('Hidden Title');
  });

  it('REST filters and ordering on the title are refused naming only the path the client used', async () => {
    for (const query of [
      `?filters=${filters({ 'internal.objectTitle': { type: 'startsWith', filter: 'H' } })}`,
      '?order_by=internal.objectTitle',
    ]) {
      const response = await call(t.app, 'GET', `/api/v1/content/category${query}`, { key: nameless });
      expect(response.status).toBe(403);
      expect(response.text).toContain('internal.objectTitle');
      expect(response.text).not.toMatch(/\bname\b/);
    }
    const allowed = await call(t.app, 'GET', '/api/v1/content/category?order_by=internal.objectTitle', { key: keys.ro });
    expect(allowed.status).toBe(200);
  });

  it('search results leave out the title', async () => {
    const found = await call(t.app, 'GET', '/api/v1/search?q=visible', { key: nameless });
    expect(found.status).toBe(200);
    expect(found.body.data.map((hit: { item: { id: string } }) => hit.item.id)).toEqual(['c-1']);
    expect(found.text).not.toContain('Hidden Title');
  });

  it('GraphQL answers null for the title, on the object and through a relation', async () => {
    const response = await graphql(
      t.app,
      nameless,
      '{ categoryList { id secret internal { objectTitle contentType } } articleList { categories { internal { objectTitle } } } }',
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.categoryList).toEqual([{ id: 'c-1', secret: 'visible', internal: { objectTitle: null, contentType: 'category' } }]);
    expect(response.body.data?.articleList).toEqual([{ categories: [{ internal: { objectTitle: null } }] }]);
  });

  it('a write answered to a key without read carries no title', async () => {
    const patched = await call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: blindEditor, body: {} });
    expect(patched.status).toBe(200);
    expect(Object.keys(patched.body).sort()).toEqual(['id', 'internal']);
    expect(patched.text).not.toContain('Hidden Title');
  });

  it('a key that cannot read a relation target learns nothing about which of its objects exist', async () => {
    const attempt = (id: string) =>
      call(t.app, 'POST', '/api/v1/content/article', { key: articleWriter, body: { title: 'Probe', categories: [ref('category', id)] } });
    const existing = await attempt('c-1');
    const missing = await attempt('c-404');
    expect(existing.status).toBe(400);
    expect(existing.body).toEqual(missing.body);
    expect(existing.body).toEqual({ categories: ['This value does not exist in database'] });
    // The read-write key may reference the object.
    const rw = await call(t.app, 'POST', '/api/v1/content/article', { key: keys.rw, body: { title: 'Ok', categories: [ref('category', 'c-1')] } });
    expect(rw.status).toBe(200);
  });
});
