import { keyRule } from '../support/keyRules';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, ref, relation, text } from './restKit';

/**
 * A slug filled from a field by a slug rule reveals that field: a key that may read the slug but
 * not its source sees, finds, filters and orders by neither, on every transport.
 */
describe('a slug follows the read right of the field it is filled from', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  /** Reads, creates and updates posts without `title`; reads pages (which link posts). */
  let untitled: string;
  const SLUG = 'hidden-headline';
  const TITLE = 'Hidden Headline';
  const filters = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const leaks = (textOf: string) => textOf.includes(SLUG) || textOf.includes(TITLE) || /\bfresh-secret\b|Fresh Secret/.test(textOf);

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount('Derived slugs');
    const content = t.gateway.content(keys.accountId);
    const post = { ...contentType('post', 'Post', { title: text('Title'), slug: text('Slug'), body: text('Body') }), slugs: [{ source: 'title', target: 'slug', active: true }] };
    await content.contentTypes.create(post);
    await content.contentTypes.create(contentType('page', 'Page', { name: text('Name'), posts: relation('Posts', 'post') }));
    await content.objects.create('post', { id: 'p-1', title: TITLE, body: 'Open body' });
    await content.objects.create('page', { id: 'g-1', name: 'Home', posts: [ref('post', 'p-1')] });
    ({ secret: untitled } = await (await t.gateway.keyService(keys.accountId)).createUserKey({
      name: 'Untitled',
      rules: [
        keyRule('post', { canRead: true, canCreate: true, canUpdate: true, fields: { title: { read: false } } }),
        keyRule('page', { canRead: true }),
      ],
    }));
  });
  afterAll(async () => t.close());

  it('the slug is filled from the title, and the read-write key sees it', async () => {
    const rw = await call(t.app, 'GET', '/api/v1/content/post/p-1', { key: keys.rw });
    expect(rw.body).toMatchObject({ title: TITLE, slug: SLUG, body: 'Open body' });
  });

  it('REST get, list and hydration leave the slug out', async () => {
    for (const url of ['/api/v1/content/post/p-1', '/api/v1/content/post', '/api/v1/content/page/g-1?hydrate=1', '/api/v1/content/page?hydrate=1']) {
      const response = await call(t.app, 'GET', url, { key: untitled });
      expect(response.status).toBe(200);
      expect(response.text).toContain('Open body');
      expect(leaks(response.text)).toBe(false);
    }
  });

  it('write answers leave the slug out', async () => {
    const created = await call(t.app, 'POST', '/api/v1/content/post', { key: untitled, body: { id: 'p-2', title: 'Fresh Secret', body: 'b' } });
    const patched = await call(t.app, 'PATCH', '/api/v1/content/post/p-2', { key: untitled, body: { body: 'c' } });
    const replaced = await call(t.app, 'PUT', '/api/v1/content/post/p-2', { key: untitled, body: { id: 'p-2', body: 'd' } });
    for (const response of [created, patched, replaced]) {
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['body', 'id', 'internal']);
      expect(leaks(response.text)).toBe(false);
    }
    // The replace kept the title and the slug the key cannot see.
    expect((await call(t.app, 'GET', '/api/v1/content/post/p-2', { key: keys.rw })).body).toMatchObject({ title: 'Fresh Secret', slug: 'fresh-secret', body: 'd' });
  });

  it('REST filters and ordering on the slug are refused, naming only the slug', async () => {
    for (const query of [`?filters=${filters({ slug: { type: 'startsWith', filter: 'hidden' } })}`, '?order_by=slug']) {
      const response = await call(t.app, 'GET', `/api/v1/content/post${query}`, { key: untitled });
      expect(response.status).toBe(403);
      expect(response.text).toContain('slug');
      expect(response.text).not.toMatch(/\btitle\b/);
      expect((await call(t.app, 'GET', `/api/v1/content/post${query}`, { key: keys.ro })).status).toBe(200);
    }
  });

  it('search does not find an object by its slug', async () => {
    const ids = async (key: string) =>
      (await call(t.app, 'GET', '/api/v1/search?q=hidden-head', { key })).body.data.map((hit: { item: { id: string } }) => hit.item.id);
    expect(await ids(keys.rw)).toEqual(['p-1']);
    expect(await ids(untitled)).toEqual([]);
    const all = await call(t.app, 'GET', '/api/v1/search?q=*&content_type[]=post', { key: untitled });
    expect(all.body.data.map((hit: { item: { id: string } }) => hit.item.id).sort()).toEqual(['p-1', 'p-2']);
    expect(leaks(all.text)).toBe(false);
  });

  it('the OpenAPI document of the key does not list the slug as readable', async () => {
    const doc = (await call(t.app, 'GET', '/api/v1/open-api-schema.json', { key: untitled })).body;
    expect(Object.keys(doc.components.schemas.post.allOf[1].properties)).toEqual(['body']);
  });

  it('GraphQL carries the requirement in the SDL and refuses the slug in selections, filters, order and relations', async () => {
    const sdl = (await t.app.inject({ method: 'GET', url: '/api/graphql/schema', headers: { 'x-auth-token': keys.rw } })).body;
    expect(sdl).toContain('slug: String @requiresScopes(scopes: [["post.slug:read", "post.title:read"]])');
    expect(sdl).toContain('slug: StringCondition @requiresScopes(scopes: [["post:read", "post.slug:read", "post.title:read"]])');
    expect(sdl).toContain('body: String @requiresScopes(scopes: [["post.body:read"]])');

    for (const query of [
      '{ post(id: "p-1") { id slug } }',
      '{ postList { id } postCount(where: {slug: {type: equals, filter: "hidden-headline"}}) }',
      '{ postList(where: {slug: {type: startsWith, filter: "hidden"}}) { id } }',
      '{ postList(filter: "{\\"slug\\":{\\"type\\":\\"startsWith\\",\\"filter\\":\\"hidden\\"}}") { id } }',
      '{ postList(order_by: "slug") { id } }',
      '{ pageList { posts { id slug } } }',
    ]) {
      const response = await graphql(t.app, untitled, query);
      expect(response.body.errors?.length).toBeGreaterThan(0);
      expect(response.body.data?.postList ?? response.body.data?.post ?? response.body.data?.pageList ?? null).toBeNull();
      expect(JSON.stringify(response.body)).not.toMatch(/\btitle\b|hidden-headline/i);
    }
    const allowed = await graphql(t.app, untitled, '{ post(id: "p-1") { id body } pageList { posts { id body } } }');
    expect(allowed.body).toEqual({ data: { post: { id: 'p-1', body: 'Open body' }, pageList: [{ posts: [{ id: 'p-1', body: 'Open body' }] }] } });
    const rw = await graphql(t.app, keys.rw, '{ postList(where: {slug: {type: equals, filter: "hidden-headline"}}, order_by: "slug") { slug } }');
    expect(rw.body).toEqual({ data: { postList: [{ slug: SLUG }] } });
  });
});
