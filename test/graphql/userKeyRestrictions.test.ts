import { fixtureContentType } from '../support/fixtures';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';

describe('user-defined keys through GraphQL', () => {
  let t: TestGateway;
  let scoped: string;

  beforeAll(async () => {
    t = await startTestGateway();
    const account = await t.createAccount('Scoped', 'pro');
    const content = t.gateway.content(account.accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.contentTypes.create(fixtureContentType('article'));
    await content.objects.create('category', { id: 'cat-1', name: 'Hidden category' });
    await content.objects.create('article', {
      id: 'a-1',
      title: 'Visible',
      body: 'Secret body',
      rating: 5,
      category: [{ dataUrl: '/api/v1/content/category/cat-1', type: 'internal' }],
    });
    const keys = await t.gateway.keyService(account.accountId);
    scoped = (
      await keys.createUserKey({
        name: 'articles without body',
        rules: [{ contentTypeDefinitionName: 'article', canRead: true, canCreate: true, canUpdate: true, canDelete: false, fields: { body: { read: false, create: false } } }],
      })
    ).secret;
  });
  afterAll(async () => t.close());

  it('reads the fields it may read', async () => {
    expect((await graphql(t.app, scoped, '{ article(id: "a-1") { id title rating } }')).body).toEqual({
      data: { article: { id: 'a-1', title: 'Visible', rating: 5 } },
    });
  });

  it.each([
    ['a direct selection', '{ article(id: "a-1") { id body } }'],
    ['an alias', '{ article(id: "a-1") { id x: body } }'],
    ['a fragment', '{ article(id: "a-1") { ...F } } fragment F on article { body }'],
    ['an inline fragment', '{ articleList { ... on article { body } } }'],
    ['a relation into an unreadable type', '{ article(id: "a-1") { category { id } } }'],
    ['a type it has no rule for', '{ categoryList { id } }'],
  ])('refuses the whole operation for %s with one FORBIDDEN error', async (_name, query) => {
    const { status, body } = await graphql(t.app, scoped, `${query.startsWith('{') ? '' : ''}${query}`);
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses filtering and ordering on a field it cannot read', async () => {
    const filtered = await graphql(t.app, scoped, '{ articleList(where: {body: {type: contains, filter: "Secret"}}) { id } }');
    expect(filtered.body.errors?.[0]).toMatchObject({ message: 'Not allowed to filter on field(s): body', extensions: { code: 'FORBIDDEN' } });
    const ordered = await graphql(t.app, scoped, '{ articleList(order_by: "body") { id } }');
    expect(ordered.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses input with a field it may not write, whole, naming the field; nothing is written', async () => {
    const { body } = await graphql(t.app, scoped, 'mutation { createArticle(data: {id: "a-2", title: "New", body: "x"}) { id } }');
    expect(body.errors?.[0]).toMatchObject({ message: 'Not allowed to create field(s): body', extensions: { code: 'FORBIDDEN' } });
    expect((await graphql(t.app, scoped, '{ articleCount(ids: ["a-2"]) }')).body.data).toEqual({ articleCount: 0 });
    const allowed = await graphql(t.app, scoped, 'mutation { createArticle(data: {id: "a-2", title: "New"}) { id title } }');
    expect(allowed.body.data).toEqual({ createArticle: { id: 'a-2', title: 'New' } });
  });

  it('may not introspect, and its SDL shows only what it may read', async () => {
    const introspection = await graphql(t.app, scoped, '{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const sdl = (await t.app.inject({ method: 'GET', url: '/api/graphql/schema', headers: { 'x-auth-token': scoped } })).body;
    expect(sdl).toContain('type article {');
    expect(sdl).toContain('createArticle(');
    const block = (name: string) => new RegExp(`(type|input) ${name} \\{[^}]*\\}`).exec(sdl)?.[0] ?? '';
    expect(block('article')).not.toContain('body'); // may not read it
    expect(block('ArticleInput')).not.toContain('body'); // may not create it
    expect(block('ArticleFilter')).not.toContain('body'); // may not filter on it
    expect(block('ArticlePatchInput')).toContain('body: String'); // may update it, so it can name it
    expect(block('ArticleInput')).toContain('title: String');
    expect(sdl).not.toContain('type category');
    expect(sdl).not.toContain('deleteArticle');
    expect(sdl).not.toContain('_media');
  });
});
