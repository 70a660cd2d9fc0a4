import { getIntrospectionQuery } from 'graphql';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { fixtureContentType } from '../support/fixtures';

describe('GraphQL document limits', () => {
  let t: TestGateway;
  let key: string;

  beforeAll(async () => {
    t = await startTestGateway();
    const account = await t.createAccount();
    key = account.ro;
    const content = t.gateway.content(account.accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.contentTypes.create(fixtureContentType('everything'));
  });
  afterAll(async () => t.close());

  it('allows ordinary nesting', async () => {
    const { body } = await graphql(t.app, key, '{ everythingList { id cover { id tags { name } } sections { image { id } } } }');
    expect(body.errors).toBeUndefined();
  });

  it('refuses a query deeper than 10 levels, also through fragments', async () => {
    let query = 'name';
    for (let i = 0; i < 11; i++) query = `tags { ${query} }`;
    const tooDeep = await graphql(t.app, key, `{ _mediaList { ${query} } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors?.[0].message).toBe('Query is too deep (at most 10 levels)');
    const viaFragment = await graphql(t.app, key, `{ _mediaList { ...Deep } } fragment Deep on _media { ${query} }`);
    expect(viaFragment.body.errors?.[0].message).toBe('Query is too deep (at most 10 levels)');
  });

  it('lets the standard introspection query through (its own, larger bound) and refuses deeper introspection', async () => {
    expect((await graphql(t.app, key, getIntrospectionQuery())).body.errors).toBeUndefined();
    let typeRef = 'name';
    for (let i = 0; i < 16; i++) typeRef = `ofType { ${typeRef} }`;
    const deep = await graphql(t.app, key, `{ __schema { queryType { fields { type { ${typeRef} } } } } }`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0].message).toBe('Query is too deep (at most 10 levels)');
    // A field next to introspection still counts from the root.
    let tags = 'name';
    for (let i = 0; i < 11; i++) tags = `tags { ${tags} }`;
    expect((await graphql(t.app, key, `{ __schema { queryType { name } } _mediaList { ${tags} } }`)).status).toBe(400);
  });

  it('refuses alias overloading and directive overloading', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: categoryCount`).join(' ');
    expect((await graphql(t.app, key, `{ ${aliases} }`)).body.errors?.[0].message).toBe('Too many aliases (at most 30)');
    const directives = Array.from({ length: 51 }, () => 'categoryCount @include(if: true)').join(' ');
    expect((await graphql(t.app, key, `{ ${directives} }`)).body.errors?.map((e) => e.message)).toEqual(['Too many directives (at most 50)']);
    const fine = Array.from({ length: 50 }, () => 'categoryCount @include(if: true)').join(' ');
    expect((await graphql(t.app, key, `{ ${fine} }`)).body.data).toEqual({ categoryCount: 0 });
  });

  it('refuses documents with too many tokens', async () => {
    const huge = `{ categoryList { ${'id '.repeat(10_001)} } }`;
    const { status, body } = await graphql(t.app, key, huge);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  describe('document size (issue #12: comments are no tokens)', () => {
    const padded = (lines: number) => `${'# a comment line that the token limit does not count\n'.repeat(lines)}{ categoryCount }`;
    const refused = { errors: [{ message: 'The GraphQL document is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] };

    it('refuses a document padded with 5,000 comment lines, over POST and GET, before parsing and without naming the limit', async () => {
      const post = await graphql(t.app, key, padded(5_000));
      expect(post).toEqual({ status: 413, body: refused });
      const get = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(padded(5_000))}`, headers: { 'x-auth-token': key } });
      expect(get.statusCode).toBe(413);
      expect(get.json()).toEqual(refused);
      expect(get.headers['content-type']).toMatch(/^application\/json/);
    });

    it('runs a commented document under the limit, and does not count variables', async () => {
      expect((await graphql(t.app, key, padded(400))).body).toEqual({ data: { categoryCount: 0 } });
      const filter = JSON.stringify({ name: { type: 'contains', filter: 'x'.repeat(100_000) } });
      const { status, body } = await graphql(t.app, key, 'query($f: String) { categoryCount(filter: $f) }', { f: filter });
      // The 100 kB variable reached the resolver, which has its own bound on filter values.
      expect(status).toBe(200);
      expect(body.errors?.[0].extensions?.fields).toEqual({ filters: ['Filter value for name is too long (max 256 characters)'] });
    });
  });
});
