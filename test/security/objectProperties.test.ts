import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from '../rest/restKit';

const HIDDEN_NAMES = /"(_id|__v|accountId|account|_accountId|idKey|tenant)"\s*:/;

/**
 * THREATS C-14..C-16 over HTTP, for what test/rest/contentObjects.test.ts ("mass assignment") and
 * test/rest/fieldRights.test.ts do not cover: system fields in GraphQL inputs, moving an object
 * to another id or account, and what responses carry besides the content fields.
 */
describe('object properties (THREATS C)', () => {
  let t: TestGateway;
  let alice: { accountId: string; rw: string; ro: string };
  let bob: { accountId: string; rw: string; ro: string };
  const get = (key: string, id: string) => call(t.app, 'GET', `/api/v1/content/category/${id}`, { key });

  beforeAll(async () => {
    t = await startTestGateway();
    alice = await t.createAccount('Alice');
    bob = await t.createAccount('Bob');
    for (const account of [alice, bob]) for (const ctd of LIBRARY_TYPES) await t.gateway.content(account.accountId).contentTypes.create(ctd);
    await t.gateway.content(alice.accountId).objects.create('category', { id: 'c-1', name: 'One', secret: 's' });
    await t.gateway.content(alice.accountId).objects.create('article', { id: 'a-1', title: 'T', categories: [{ dataUrl: '/api/v1/content/category/c-1', type: 'internal' }] });
  }, 60_000);
  afterAll(async () => t.close());

  it.each(['_id: "x"', `accountId: "BOB"`, 'internal: {contentType: "article"}', '__v: 3', 'createdAt: "1999-01-01"'])(
    'C.14 a GraphQL create with %s is a validation error and stores nothing',
    async (extra) => {
      const { status, body } = await graphql(t.app, alice.rw, `mutation { createCategory(data: {id: "c-sneaky", name: "S", ${extra.replace('BOB', bob.accountId)}}) { id } }`);
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await get(alice.rw, 'c-sneaky')).status).toBe(404);
      expect((await get(bob.rw, 'c-sneaky')).status).toBe(404);
    },
  );

  it('C.15 an update cannot change the id: GraphQL data.id, REST PATCH and PUT bodies', async () => {
    const gql = await graphql(t.app, alice.rw, 'mutation { updateCategory(id: "c-1", data: {id: "c-moved", name: "Moved"}) { id name } }');
    expect(gql.body.data?.updateCategory ?? null).toBeNull();
    expect(gql.body.errors?.length).toBeGreaterThan(0);
    const patch = await call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: alice.rw, body: { id: 'c-moved', name: 'Moved' } });
    expect(patch.status).toBe(400);
    const put = await call(t.app, 'PUT', '/api/v1/content/category/c-1', { key: alice.rw, body: { id: 'c-moved', name: 'Moved' } });
    expect(put.status).toBe(400);
    expect((await get(alice.rw, 'c-moved')).status).toBe(404);
    expect((await get(alice.rw, 'c-1')).body).toMatchObject({ id: 'c-1', name: 'One', internal: { latestVersion: 1 } });
  });

  it('C.15 an update or upsert naming another account is refused and creates nothing there', async () => {
    const patch = await call(t.app, 'PATCH', '/api/v1/content/category/c-1', { key: alice.rw, body: { accountId: bob.accountId } });
    expect(patch.status).toBe(400);
    const upsert = await call(t.app, 'POST', '/api/v1/content/category/batch?updateExisting=true', {
      key: alice.rw,
      body: [{ id: 'c-up', name: 'Up', accountId: bob.accountId }],
    });
    expect(upsert.status).toBe(400);
    expect((await get(bob.rw, 'c-up')).status).toBe(404);
    expect((await get(alice.rw, 'c-up')).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/v1/content/category', { key: bob.ro })).body.total_count).toBe(0);
  });

  it.each([
    ['a get', '/api/v1/content/category/c-1'],
    ['a list', '/api/v1/content/category'],
    ['a hydrated list', '/api/v1/content/article?hydrate=2'],
    ['a search', '/api/v1/search?q=*'],
    ['a CTD', '/api/v1/internal/contenttype/category'],
    ['the CTD list', '/api/v1/internal/contenttype'],
    ['an unknown object', '/api/v1/content/category/nope'],
  ])('C.16 %s carries no storage names and no account id', async (_what, url) => {
    const response = await call(t.app, 'GET', url, { key: alice.rw });
    expect(response.text).not.toMatch(HIDDEN_NAMES);
    expect(response.text).not.toContain(alice.accountId);
    expect(response.text).not.toContain(bob.accountId);
  });

  it('C.16 GraphQL objects, relations and write answers carry no storage names and no account id', async () => {
    const read = await graphql(t.app, alice.rw, '{ articleList { id internal { contentType } categories { id name internal { createdAt } } } }');
    const write = await graphql(t.app, alice.rw, 'mutation { createCategory(data: {name: "New"}) { id name internal { contentType } } }');
    const refused = await graphql(t.app, alice.rw, 'mutation { createCategory(data: {id: "c-1", name: "Dup"}) { id } }');
    expect(refused.body.errors?.length).toBeGreaterThan(0);
    for (const answer of [read, write, refused]) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(HIDDEN_NAMES);
      expect(text).not.toContain(alice.accountId);
      expect(text).not.toMatch(/E11000|duplicate key|collection|Mongo|at .*\.ts:\d+/);
    }
  });
});
