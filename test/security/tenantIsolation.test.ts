import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { call, contentType, LIBRARY_TYPES, text } from '../rest/restKit';

/**
 * THREATS A.1, A.2, A.4, A.6 over HTTP: Alice's key against Bob's ids, a tenant field supplied in
 * filters, aliases mixing her ids and his, and his type names in her schema. Each answer must equal
 * the answer for something that does not exist, and Bob's data must stay as it was.
 */
describe('tenant isolation (THREATS A)', () => {
  let t: TestGateway;
  let alice: { accountId: string; rw: string; ro: string };
  let bob: { accountId: string; rw: string; ro: string };
  const filters = (value: unknown) => `/api/v1/content/category?filters=${encodeURIComponent(JSON.stringify(value))}`;

  beforeAll(async () => {
    t = await startTestGateway();
    alice = await t.createAccount('Alice');
    bob = await t.createAccount('Bob');
    for (const account of [alice, bob]) {
      const content = t.gateway.content(account.accountId);
      for (const ctd of LIBRARY_TYPES) await content.contentTypes.create(ctd);
    }
    await t.gateway.content(bob.accountId).contentTypes.create(contentType('bobsecretplan', 'Bob secret plan', { codename: text('Codename') }));
    await t.gateway.content(alice.accountId).objects.create('category', { id: 'c-alice', name: 'Alice category' });
    await t.gateway.content(bob.accountId).objects.create('category', { id: 'c-bob', name: 'Bob category' });
  }, 60_000);
  afterAll(async () => t.close());

  const bobsCategory = async () => (await call(t.app, 'GET', '/api/v1/content/category/c-bob', { key: bob.rw })).body;

  it('A.1 GraphQL update and delete of an id only Bob has answer exactly as a missing id, and change nothing', async () => {
    for (const mutation of [
      (id: string) => `mutation { updateCategory(id: "${id}", data: {name: "Alice was here"}) { id name } }`,
      (id: string) => `mutation { deleteCategory(id: "${id}") { __typename } }`,
    ]) {
      const his = await graphql(t.app, alice.rw, mutation('c-bob'));
      const missing = await graphql(t.app, alice.rw, mutation('c-nob'));
      expect(his.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(his).split('c-bob').join('c-nob'))).toEqual(missing);
    }
    expect(await bobsCategory()).toMatchObject({ id: 'c-bob', name: 'Bob category', internal: { deletedAt: '' } });
  });

  it.each([
    ['a tenant field', { accountId: { type: 'equals', filter: 'BOB' } }],
    ['the storage tenant path', { 'internal.accountId': { type: 'equals', filter: 'BOB' } }],
    ['the stored id path', { _id: { type: 'contains', filter: 'c-' } }],
    ['an $or around the tenant', { $or: [{ accountId: 'BOB' }, { name: { type: 'contains', filter: 'a' } }] }],
  ])('A.2 a list filtered on %s is refused and never shows Bob data', async (_what, filter) => {
    const json = JSON.parse(JSON.stringify(filter).split('BOB').join(bob.accountId));
    const rest = await call(t.app, 'GET', filters(json), { key: alice.rw });
    expect(rest.status).toBe(400);
    expect(rest.text).not.toContain('Bob');
    const gql = await graphql(t.app, alice.rw, `query($f: String) { categoryList(filter: $f) { id name } }`, { f: JSON.stringify(json) });
    expect(gql.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(gql.body)).not.toContain('Bob');
  });

  it('A.2 an unfiltered list holds only her objects', async () => {
    const rest = await call(t.app, 'GET', '/api/v1/content/category?limit=1000', { key: alice.ro });
    expect(rest.body.data.map((o: { id: string }) => o.id)).toEqual(['c-alice']);
  });

  it('A.4 every alias is checked on its own: her id is found, his is null, as a missing one', async () => {
    const aliases = '{ mine: category(id: "c-alice") { id name } his: category(id: "c-bob") { id name } none: category(id: "c-nob") { id name } }';
    const { status, body } = await graphql(t.app, alice.ro, aliases);
    expect(status).toBe(200);
    expect(body.data).toEqual({ mine: { id: 'c-alice', name: 'Alice category' }, his: null, none: null });
    const [his, none] = ['his', 'none'].map((alias) => body.errors?.find((e: any) => e.path?.[0] === alias) as any);
    expect({ ...his, locations: undefined, path: undefined }).toEqual({ ...none, locations: undefined, path: undefined });
    expect(his.extensions.code).toBe('NOT_FOUND');
  });

  it('A.4 generated ids are not guessable from one another', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(t.app, 'POST', '/api/v1/content/author', { key: alice.rw, body: { name: `A${i}` } })).body.id);
    const bodies = ids.map((id) => id.replace(/^author-/, ''));
    expect(new Set(bodies).size).toBe(5);
    // No shared prefix beyond a few characters: no counter, no timestamp-first layout like an ObjectId.
    const common = (a: string, b: string) => { let n = 0; while (n < a.length && a[n] === b[n]) n++; return n; };
    for (let i = 1; i < bodies.length; i++) expect(common(bodies[0], bodies[i])).toBeLessThan(4);
  });

  it.each([
    ['a query field', '{ bobsecretplanList { id } }', 'bobsecretplanList', 'zzzList'],
    ['a type in a variable', 'query($w: BobsecretplanFilter) { categoryCount }', 'BobsecretplanFilter', 'ZzzFilter'],
  ])("A.6 Bob's type names through %s answer exactly as names that exist nowhere", async (_what, query, name, missing) => {
    const his = await graphql(t.app, alice.rw, query);
    const none = await graphql(t.app, alice.rw, query.split(name).join(missing));
    expect(his.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(his).split(name).join(missing))).toEqual(none);
    expect(JSON.stringify(his.body)).not.toMatch(/did you mean/i);
  });

  it("A.6 Alice's introspection and SDL name none of Bob's types", async () => {
    const { body } = await graphql(t.app, alice.rw, '{ __schema { types { name } } }');
    expect(JSON.stringify(body.data)).not.toMatch(/bobsecret/i);
    const sdl = await call(t.app, 'GET', '/api/graphql/schema', { key: alice.rw });
    expect(sdl.status).toBe(200);
    expect(sdl.text).not.toMatch(/bobsecret/i);
  });
});
