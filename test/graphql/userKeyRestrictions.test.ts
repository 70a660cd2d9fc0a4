import { execFileSync } from 'node:child_process';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { fixtureContentType } from '../support/fixtures';
import { keyRule } from '../support/keyRules';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';

/**
 * A user-defined key executes against its own view of the account schema: whatever it may not use
 * answers exactly as a name that does not exist, and it may introspect (and generate code from)
 * its view.
 */
describe('user-defined keys through GraphQL', () => {
  let t: TestGateway;
  let scoped: string;

  beforeAll(async () => {
    t = await startTestGateway();
    const account = await t.createAccount('Scoped', 'pro');
    const content = t.gateway.content(account.accountId);
    await content.contentTypes.create(fixtureContentType('category'));
    await content.contentTypes.create(fixtureContentType('article'));
    await content.contentTypes.create(fixtureContentType('everything'));
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
        rules: [
          keyRule('article', { canRead: true, canCreate: true, canUpdate: true, fields: { body: { read: false, create: false } } }),
          keyRule('everything', { canCreate: true, fields: { sections: { create: false } } }),
        ],
      })
    ).secret;
  });
  afterAll(async () => t.close());

  it('reads the fields it may read', async () => {
    expect((await graphql(t.app, scoped, '{ article(id: "a-1") { id title rating } }')).body).toEqual({
      data: { article: { id: 'a-1', title: 'Visible', rating: 5 } },
    });
  });

  // [what, an operation naming something the key may not use, that name, a name that does not exist]
  it.each([
    ['a field', '{ article(id: "a-1") { id body } }', 'body', 'zzbody'],
    ['a field under an alias', '{ article(id: "a-1") { id x: body } }', 'body', 'zzbody'],
    ['a field in a fragment', '{ article(id: "a-1") { ...F } } fragment F on article { body }', 'body', 'zzbody'],
    ['a field in an inline fragment', '{ articleList { ... on article { body } } }', 'body', 'zzbody'],
    ['a relation into an unreadable type', '{ article(id: "a-1") { category { id } } }', 'category', 'zzcategory'],
    ['a type it has no rule for (list)', '{ categoryList { id } }', 'categoryList', 'zzcategoryList'],
    ['a type it has no rule for (one)', '{ category(id: "cat-1") { id } }', 'category', 'zzcategory'],
    ['a count of such a type', '{ categoryCount }', 'categoryCount', 'zzcategoryCount'],
    ['a type it may only create (list)', '{ everythingList { id } }', 'everythingList', 'zzeverythingList'],
    ['a mutation it may not run', 'mutation { deleteArticle(id: "a-1") { id } }', 'deleteArticle', 'deleteZzarticle'],
    ['a mutation of an unreachable type', 'mutation { createCategory(data: {name: "x"}) { id } }', 'createCategory', 'createZzcategory'],
    ['a typed filter on an unreadable field', '{ articleList(where: {body: {type: contains, filter: "x"}}) { id } }', 'body', 'zzbody'],
    ['a filter string on an unreadable field', '{ articleList(filter: "{\\"body\\":{\\"type\\":\\"contains\\",\\"filter\\":\\"x\\"}}") { id } }', 'body', 'zzbody'],
    ['ordering by an unreadable field', '{ articleList(order_by: "body") { id } }', 'body', 'zzbody'],
    ['input it may not write', 'mutation { createArticle(data: {title: "New", body: "x"}) { id } }', 'body', 'zzbody'],
    ['a nested object list it may not write', 'mutation { createEverything(data: {title: "E", sections: [{heading: "h"}]}) { id } }', 'sections', 'zzsections'],
    ['the input type of such a list', 'query($s: Everything_sectionsInput) { articleCount }', 'Everything_sectionsInput', 'Everything_zzsectionsInput'],
    ['the filter type of an unreachable type', 'query($w: CategoryFilter) { articleCount }', 'CategoryFilter', 'ZzcategoryFilter'],
  ])('%s answers exactly as a name that does not exist', async (_what, query, name, missing) => {
    const used = await graphql(t.app, scoped, query);
    const absent = await graphql(t.app, scoped, query.split(name).join(missing));
    expect(used.body.errors?.length).toBeGreaterThan(0);
    expect({ status: used.status, body: JSON.parse(JSON.stringify(used.body).split(name).join(missing)) }).toEqual({ status: absent.status, body: absent.body });
    expect(JSON.stringify(used.body)).not.toMatch(/did you mean/i);
  });

  it('never suggests a name (a suggestion would reveal what exists)', async () => {
    const { body } = await graphql(t.app, scoped, '{ article(id: "a-1") { titl } categoryLis { id } }');
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/did you mean|"title"|categoryList/i);
  });

  it('writes nothing when its input is refused, and writes what it may', async () => {
    await graphql(t.app, scoped, 'mutation { createArticle(data: {id: "a-2", title: "New", body: "x"}) { id } }');
    expect((await graphql(t.app, scoped, '{ articleCount(ids: ["a-2"]) }')).body.data).toEqual({ articleCount: 0 });
    const allowed = await graphql(t.app, scoped, 'mutation { createArticle(data: {id: "a-2", title: "New"}) { id title } }');
    expect(allowed.body.data).toEqual({ createArticle: { id: 'a-2', title: 'New' } });
  });

  it('introspects its own view, and codegen against it gets only its types and fields', async () => {
    const { body } = await graphql(t.app, scoped, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    const sdl = printSchema(buildClientSchema(body.data as unknown as IntrospectionQuery));
    const block = (name: string) => new RegExp(`(type|input) ${name} \\{[^}]*\\}`).exec(sdl)?.[0] ?? '';
    expect(block('article')).toContain('title: String');
    expect(block('article')).not.toContain('body');
    expect(block('ArticleInput')).not.toContain('body');
    expect(block('ArticlePatchInput')).toContain('body: String'); // may update it, so it can name it
    expect(block('ArticleFilter')).not.toContain('body');
    expect(block('EverythingInput')).not.toContain('sections');
    expect(sdl).not.toMatch(/type category |CategoryFilter|deleteArticle|everythingList|_media|Everything_sections/);

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-codegen-'));
    try {
      const schemaFile = path.join(folder, 'introspection.json');
      fs.writeFileSync(schemaFile, JSON.stringify(body));
      // The real graphql-codegen CLI (its own process: it loads as an ES module), on the introspection result.
      fs.writeFileSync(
        path.join(folder, 'codegen.json'),
        JSON.stringify({ schema: schemaFile, generates: { [path.join(folder, 'types.ts')]: { plugins: ['typescript'] } } }),
      );
      execFileSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', path.join(folder, 'codegen.json')], {
        cwd: PROJECT_ROOT,
        stdio: 'pipe',
      });
      const output = { content: fs.readFileSync(path.join(folder, 'types.ts'), 'utf8') };
      expect(output.content).toContain('export type Article = {');
      expect(output.content).toContain('title?: Maybe<Scalars[\'String\'][\'output\']>');
      expect(output.content).not.toMatch(/\bbody\b[^I]*Scalars\['String'\]\['output'\]/);
      expect(output.content).not.toMatch(/export type Category\b|deleteArticle/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('downloads the same view as plain text, with the scopes it holds on each field', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/graphql/schema', headers: { 'x-auth-token': scoped } });
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const sdl = response.body;
    expect(sdl).toContain('title: String @requiresScopes(scopes: [["article.title:read"]])');
    expect(sdl).toContain('createArticle(data: ArticleInput!): article! @requiresScopes(scopes: [["article:create"]])');
    expect(sdl).not.toMatch(/type category |body: String @requiresScopes\(scopes: \[\["article.body:read|deleteArticle|_media/);
  });
});
