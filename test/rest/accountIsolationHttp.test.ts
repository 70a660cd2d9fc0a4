import { keyRule } from '../support/keyRules';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, LIBRARY_TYPES, ref, text } from './restKit';

/**
 * Account isolation over HTTP: two accounts with the same type names and the same object ids (and
 * keys with the same rules, so their rights fingerprints are equal) — a key of Alice's account
 * never sees, changes or references Bob's data, through any REST or GraphQL path. Bob reads every
 * URL first, so his answers sit in the response cache under the same URLs and rights.
 */
describe('account isolation over HTTP', () => {
  let t: TestGateway;
  const alice: Record<string, string> = {};
  const bob: Record<string, string> = {};
  const KEY_LABELS = ['rw', 'user'] as const;
  const filters = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const categoryUrl = (id: string) => `/api/v1/content/category/${id}`;
  const noteUrl = (id: string) => `/api/v1/content/note/${id}`;
  const since = '/api/v1/content/category/removed?deletedAfter=2000-01-01';
  const READS = [
    '/api/v1/content/category',
    '/api/v1/content/article?hydrate=1',
    '/api/v1/content/article/a-1?hydrate=2',
    categoryUrl('c-1'),
    '/api/v1/search?q=*&limit=100&content_type=author,category,article',
    since,
    `/api/v1/content/article?filters=${filters({ 'categories[*].dataUrl': { type: 'equals', filter: '/api/v1/content/category/c-1' } })}`,
  ];
  const GRAPHQL_READ = `{
    articleList(ids: ["a-1", "a-bob"]) { id title categories { id name author { name } } sections { heading category { id name } } }
    articleCount categoryCount authorCount
    categoryList(ids: ["c-1", "c-bob"]) { id name }
  }`;

  /** Fills one account: the same ids in both, the owner's name in every value. */
  async function fill(owner: 'Alice' | 'Bob', keys: Record<string, string>): Promise<string> {
    const account = await t.createAccount(owner, 'pro');
    const content = t.gateway.content(account.accountId);
    for (const ctd of [...LIBRARY_TYPES, contentType('note', 'Note', { name: text('Name') })]) await content.contentTypes.create(ctd);
    const post = async (type: string, body: Record<string, unknown>) => {
      const response = await call(t.app, 'POST', `/api/v1/content/${type}`, { key: account.rw, body });
      if (response.status !== 200) throw new Error(`seed ${type}: ${response.status} ${response.text}`);
    };
    await post('author', { id: 'au-1', name: `${owner} author` });
    await post('category', { id: 'c-1', name: `${owner} category`, secret: `${owner} secret`, author: [ref('author', 'au-1')] });
    await post('article', {
      id: 'a-1',
      title: `${owner} article`,
      categories: [ref('category', 'c-1')],
      sections: [{ heading: `${owner} heading`, category: [ref('category', 'c-1')] }],
    });
    await post('category', { id: `c-${owner.toLowerCase()}-gone`, name: `${owner} gone` });
    expect((await call(t.app, 'DELETE', categoryUrl(`c-${owner.toLowerCase()}-gone`), { key: account.rw })).status).toBe(204);
    // Write targets (notes, which the read tests do not look at): the same ids in both accounts, and ids only one has.
    const own = owner.toLowerCase();
    for (const label of KEY_LABELS) {
      await post('note', { id: `${label}-both`, name: `${owner} both` });
      for (const n of [1, 2, 3]) await post('note', { id: `${label}-${own}-${n}`, name: `${owner} only ${n}` });
    }
    await post('category', { id: `c-${own}`, name: `${owner} only` });
    await post('article', { id: `a-${own}`, title: `${owner} only article`, categories: [ref('category', `c-${own}`)] });
    const { secret } = await (await t.gateway.keyService(account.accountId)).createUserKey({
      name: 'Same rules in both accounts',
      rules: [
        keyRule('author', { canRead: true }),
        keyRule('category', { canRead: true, canCreate: true, canUpdate: true, canDelete: true }),
        keyRule('article', { canRead: true, canCreate: true }),
        keyRule('note', { canRead: true, canCreate: true, canUpdate: true, canDelete: true }),
      ],
    });
    Object.assign(keys, { rw: account.rw, user: secret });
    return account.accountId;
  }

  beforeAll(async () => {
    t = await startTestGateway();
    const aliceId = await fill('Alice', alice);
    const bobId = await fill('Bob', bob);
    // Both accounts made the same writes, so their content versions are equal: only the account in
    // the cache keys keeps Bob's cached answers from Alice.
    expect(t.gateway.versions.of(aliceId)).toBe(t.gateway.versions.of(bobId));
    for (const label of KEY_LABELS) {
      for (const url of READS) {
        const response = await call(t.app, 'GET', url, { key: bob[label] });
        expect({ url, status: response.status }).toEqual({ url, status: 200 });
      }
      expect((await graphql(t.app, bob[label], GRAPHQL_READ)).body.errors).toBeUndefined();
    }
  });
  afterAll(async () => t.close());

  const ids = (objects: { id: string }[]) => objects.map((object) => object.id).sort();

  describe.each(KEY_LABELS)("Alice's %s key", (label) => {
    const get = (url: string) => call(t.app, 'GET', url, { key: alice[label] });

    it('lists and gets only her objects; an id only Bob has does not exist', async () => {
      const list = await get('/api/v1/content/category');
      expect(list.status).toBe(200);
      expect(ids(list.body.data)).toEqual(['c-1', 'c-alice']);
      expect(list.text).not.toContain('Bob');
      expect((await get(categoryUrl('c-1'))).body).toMatchObject({ id: 'c-1', name: 'Alice category', secret: 'Alice secret' });
      expect((await get(categoryUrl('c-bob'))).status).toBe(404);
      expect((await get(`/api/v1/content/category?${new URLSearchParams({ 'ids[]': 'c-bob' })}`)).body).toMatchObject({ total_count: 0, data: [] });
    });

    it('hydrates relations into her objects only, at every depth and in object lists', async () => {
      const one = await get('/api/v1/content/article/a-1?hydrate=2');
      expect(one.status).toBe(200);
      expect(one.body.categories).toEqual([expect.objectContaining({ id: 'c-1', name: 'Alice category', author: [expect.objectContaining({ name: 'Alice author' })] })]);
      expect(one.text).not.toContain('Bob');
      const list = await get('/api/v1/content/article?hydrate=1');
      expect(ids(list.body.data)).toEqual(['a-1', 'a-alice']);
      expect(list.body.data.find((article: { id: string }) => article.id === 'a-1').categories).toEqual([expect.objectContaining({ name: 'Alice category' })]);
      expect(list.text).not.toContain('Bob');
    });

    it('searches only her objects', async () => {
      const all = await get('/api/v1/search?q=*&limit=100&content_type=author,category,article');
      expect(all.status).toBe(200);
      expect(all.text).not.toContain('Bob');
      expect(all.body.data.map((hit: { item: { id: string } }) => hit.item.id).sort()).toEqual(['a-1', 'a-alice', 'au-1', 'c-1', 'c-alice']);
      expect((await get('/api/v1/search?q=Bob')).body).toMatchObject({ total_count: 0, data: [] });
      const only = await get('/api/v1/search?q=only&content_type=category,note&limit=100');
      expect(only.body.total_count).toBeGreaterThan(0);
      expect(only.text).not.toContain('Bob');
    });

    it('/removed names only her deleted ids', async () => {
      expect(await get(since)).toMatchObject({ status: 200, body: ['c-alice-gone'] });
    });

    it('filters on relation ids match only her objects', async () => {
      const byRelation = (id: string, path = 'categories[*].dataUrl') =>
        get(`/api/v1/content/article?filters=${filters({ [path]: { type: 'equals', filter: `/api/v1/content/category/${id}` } })}`);
      const own = await byRelation('c-1');
      expect(ids(own.body.data)).toEqual(['a-1']);
      expect(own.text).not.toContain('Bob');
      expect((await byRelation('c-bob')).body).toMatchObject({ total_count: 0, data: [] });
      expect((await byRelation('c-bob', 'sections[*].category[*].dataUrl')).body).toMatchObject({ total_count: 0 });
    });

    it('GraphQL lists, relations, object lists and counts hold only her data', async () => {
      const { body } = await graphql(t.app, alice[label], GRAPHQL_READ);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        articleList: [
          {
            id: 'a-1',
            title: 'Alice article',
            categories: [{ id: 'c-1', name: 'Alice category', author: [{ name: 'Alice author' }] }],
            sections: [{ heading: 'Alice heading', category: [{ id: 'c-1', name: 'Alice category' }] }],
          },
        ],
        articleCount: 2,
        categoryCount: 2,
        authorCount: 1,
        categoryList: [{ id: 'c-1', name: 'Alice category' }],
      });
    });

    it('GraphQL gets, filters on relation ids and ids of Bob find nothing', async () => {
      const single = await graphql(t.app, alice[label], '{ category(id: "c-bob") { id name } }');
      expect(single.body.data?.category ?? null).toBeNull();
      expect(JSON.stringify(single.body)).not.toContain('Bob');
      const filtered = await graphql(
        t.app,
        alice[label],
        `{ bob: articleList(where: {categories__dataUrl: {type: equals, filter: "/api/v1/content/category/c-bob"}}) { id }
           own: articleList(where: {categories__dataUrl: {type: equals, filter: "/api/v1/content/category/c-1"}}) { id title }
           bobCount: articleCount(ids: ["a-bob"]) }`,
      );
      expect(filtered.body).toEqual({ data: { bob: [], own: [{ id: 'a-1', title: 'Alice article' }], bobCount: 0 } });
    });

    it("batch writes reach her objects only: an upsert of a shared id changes hers, Bob's ids do not exist", async () => {
      const bobsNote = async (id: string) => (await call(t.app, 'GET', noteUrl(id), { key: bob.rw })).body;
      const upsert = await call(t.app, 'POST', '/api/v1/content/note/batch?updateExisting=true', {
        key: alice[label],
        body: [{ id: `${label}-both`, name: 'Alice upserted' }, { id: `${label}-bob-1`, name: 'Alice created' }],
      });
      expect(upsert).toMatchObject({ status: 200, body: { batch_success_count: 2, batch_error_count: 0 } });
      expect((await get(noteUrl(`${label}-both`))).body.name).toBe('Alice upserted');
      expect((await get(noteUrl(`${label}-bob-1`))).body.name).toBe('Alice created');
      expect(await bobsNote(`${label}-both`)).toMatchObject({ name: 'Bob both' });
      expect(await bobsNote(`${label}-bob-1`)).toMatchObject({ name: 'Bob only 1' });

      const patch = await call(t.app, 'PATCH', '/api/v1/content/note/batch', { key: alice[label], body: [{ id: `${label}-bob-2`, name: 'Alice patched' }] });
      expect(patch).toMatchObject({ status: 400, body: { batch_success_count: 0, errors: [{ errors: { id: [`Content object: "${label}-bob-2" doesn't exist`] } }] } });
      const remove = await call(t.app, 'POST', '/api/v1/content/note/batch-delete', { key: alice[label], body: [`${label}-bob-3`] });
      expect(remove).toMatchObject({ status: 400, body: { errors: [`Content object: "${label}-bob-3" doesn't exist`] } });
      expect(await bobsNote(`${label}-bob-2`)).toMatchObject({ name: 'Bob only 2' });
      expect(await bobsNote(`${label}-bob-3`)).toMatchObject({ name: 'Bob only 3' });
      expect((await call(t.app, 'GET', '/api/v1/content/note/removed?deletedAfter=2000-01-01', { key: bob.rw })).body).toEqual([]);
    });

    it('a relation to an object only Bob has does not exist (REST and GraphQL)', async () => {
      const rest = await call(t.app, 'POST', '/api/v1/content/article', { key: alice[label], body: { title: 'Probe', categories: [ref('category', 'c-bob')] } });
      expect(rest).toMatchObject({ status: 400, body: { categories: ['This value does not exist in database'] } });
      const mutation = await graphql(
        t.app,
        alice[label],
        'mutation($d: ArticleInput!) { createArticle(data: $d) { id } }',
        { d: { title: 'Probe', categories: [ref('category', 'c-bob')] } },
      );
      expect(mutation.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { categories: ['This value does not exist in database'] } });
    });
  });
});
