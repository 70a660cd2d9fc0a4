import type { FastifyInstance } from 'fastify';
import { fixtureContentType } from '../support/fixtures';
import { internalGraphql, startInternal } from '../support/internalClient';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';

const CREATE_KEY = `mutation($a: ID!, $n: String!, $r: [KeyRuleInput!]!) { keys { create(accountId: $a, name: $n, rules: $r) { secret key { id name kind maskedKey rules { contentTypeDefinitionName canRead fields { field read create update } } } } } }`;
const readCategory = { contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false };

describe('internal key management API', () => {
  let t: TestGateway;
  let internal: FastifyInstance;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    internal = await startInternal(t.gateway);
    const created = await internalGraphql(internal, 'mutation { accounts { create(name: "Internal test", plan: "free") { account { id plan } readWriteKey readOnlyKey } } }');
    accountId = created.body.data.accounts.create.account.id;
    expect(created.body.data.accounts.create.readWriteKey).toMatch(/^cg_rw_/);
    await t.gateway.content(accountId).contentTypes.create(fixtureContentType('category'));
    await t.gateway.content(accountId).objects.create('category', { id: 'c-1', name: 'One' });
  });
  afterAll(async () => {
    await internal.close();
    await t.close();
  });

  describe('never public', () => {
    it.each(['/internal/graphql', '/admin', '/internal', '/internal/graphql?query={accounts{id}}'])('the public port answers 404 for %s', async (url) => {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: method === 'POST' ? '{}' : undefined });
        expect(response.statusCode).toBe(404);
      }
    });

    it('no public schema holds key-management types or fields (introspection and SDL)', async () => {
      const keys = await t.createAccount('Public check');
      const { body } = await graphql(t.app, keys.rw, '{ __schema { types { name fields { name } } mutationType { fields { name } } } }');
      const names = JSON.stringify(body.data);
      for (const forbidden of ['ApiKey', 'KeyMutations', 'AccountMutations', 'KeyWithSecret', 'AuditRecord', '"keys"', 'regenerate', 'reveal']) {
        expect(names).not.toContain(forbidden);
      }
      const sdl = (await t.app.inject({ method: 'GET', url: '/api/graphql/schema', headers: { 'x-auth-token': keys.rw } })).body;
      expect(sdl).not.toMatch(/ApiKey|KeyMutations|regenerate|reveal|AuditRecord/);
    });

    it.each([
      ['no token', null],
      ['a wrong token', 'cgadm_wrong-token-0123456789abcdefghij'],
      ['an API key instead', 'cg_rw_AAAAAAAAAAAAAAAAAAAAAAAA000000'],
    ])('the internal port refuses %s with the same 401', async (_name, token) => {
      const { status, body } = await internalGraphql(internal, '{ accounts { id } }', undefined, token);
      expect(status).toBe(401);
      expect(body).toEqual({ code: 401, message: 'Unauthorized' });
    });
  });

  it('creates a user key with rules and field rights; it works on the public API at once', async () => {
    const { body } = await internalGraphql(internal, CREATE_KEY, {
      a: accountId,
      n: 'Reader',
      r: [{ ...readCategory, fields: [{ field: 'name', read: true }] }],
    });
    const made = body.data.keys.create;
    expect(made.key).toMatchObject({
      name: 'Reader',
      kind: 'user',
      maskedKey: `cg_usr_…${made.secret.slice(-4)}`,
      rules: [{ contentTypeDefinitionName: 'category', canRead: true, fields: [{ field: 'name', read: true, create: null, update: null }] }],
    });
    expect((await graphql(t.app, made.secret, '{ categoryList { id name } }')).body.data).toEqual({ categoryList: [{ id: 'c-1', name: 'One' }] });
  });

  it('edits rules (add, remove, change rights, field rights), regenerates and removes — each applies at once', async () => {
    const made = (await internalGraphql(internal, CREATE_KEY, { a: accountId, n: 'Editable', r: [readCategory] })).body.data.keys.create;
    const update = `mutation($a: ID!, $id: ID!, $r: [KeyRuleInput!]) { keys { update(accountId: $a, id: $id, rules: $r) { rules { contentTypeDefinitionName canRead canCreate fields { field read } } } } }`;
    const narrowed = await internalGraphql(internal, update, { a: accountId, id: made.key.id, r: [{ ...readCategory, fields: [{ field: 'name', read: false }] }] });
    expect(narrowed.body.data.keys.update.rules).toEqual([{ contentTypeDefinitionName: 'category', canRead: true, canCreate: false, fields: [{ field: 'name', read: false }] }]);
    expect((await graphql(t.app, made.secret, '{ categoryList { name } }')).body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "name" on type "category".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const twoRules = await internalGraphql(internal, update, {
      a: accountId,
      id: made.key.id,
      r: [{ ...readCategory, canCreate: true }, { ...readCategory, contentTypeDefinitionName: '_tag' }],
    });
    expect(twoRules.body.data.keys.update.rules.map((r: { contentTypeDefinitionName: string }) => r.contentTypeDefinitionName)).toEqual(['category', '_tag']);
    expect((await graphql(t.app, made.secret, '{ categoryList { name } _tagCount }')).body.errors).toBeUndefined();
    const cleared = await internalGraphql(internal, update, { a: accountId, id: made.key.id, r: [] });
    expect(cleared.body.data.keys.update.rules).toEqual([]);
    expect((await graphql(t.app, made.secret, '{ categoryCount }')).body.errors?.[0]).toMatchObject({ message: 'Cannot query field "categoryCount" on type "Query".' });

    const renewed = await internalGraphql(internal, 'mutation($a: ID!, $id: ID!) { keys { regenerate(accountId: $a, id: $id) { secret } } }', { a: accountId, id: made.key.id });
    expect(renewed.body.data.keys.regenerate.secret).not.toBe(made.secret);
    expect((await graphql(t.app, made.secret, '{ categoryCount }')).status).toBe(401);
    const revealed = await internalGraphql(internal, 'mutation($a: ID!, $id: ID!) { keys { reveal(accountId: $a, id: $id) { secret } } }', { a: accountId, id: made.key.id });
    expect(revealed.body.data.keys.reveal.secret).toBe(renewed.body.data.keys.regenerate.secret);
    const removed = await internalGraphql(internal, 'mutation($a: ID!, $id: ID!) { keys { remove(accountId: $a, id: $id) } }', { a: accountId, id: made.key.id });
    expect(removed.body.data.keys.remove).toBe(true);
    expect((await graphql(t.app, renewed.body.data.keys.regenerate.secret, '{ categoryCount }')).status).toBe(401);

    const audit = await internalGraphql(internal, 'query($a: ID!) { account(id: $a) { audit(limit: 10) { action keyName actor } } }', { a: accountId });
    const actions = audit.body.data.account.audit.filter((r: { keyName: string }) => r.keyName === 'Editable').map((r: { action: string }) => r.action);
    expect(actions).toEqual(['key.removed', 'key.revealed', 'key.regenerated', 'key.rules.updated', 'key.rules.updated', 'key.rules.updated', 'key.created']);
    expect(JSON.stringify(audit.body)).not.toContain('cg_usr_');
  });

  it('application keys can be regenerated, not removed', async () => {
    const keys = (await internalGraphql(internal, 'query($a: ID!) { account(id: $a) { keys { id kind } } }', { a: accountId })).body.data.account.keys;
    const rw = keys.find((k: { kind: string }) => k.kind === 'rw');
    const removal = await internalGraphql(internal, 'mutation($a: ID!, $id: ID!) { keys { remove(accountId: $a, id: $id) } }', { a: accountId, id: rw.id });
    expect(removal.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reasons: ['Application keys cannot be removed, only regenerated.'] } });
    const renewed = await internalGraphql(internal, 'mutation($a: ID!, $id: ID!) { keys { regenerate(accountId: $a, id: $id) { secret key { kind } } } }', { a: accountId, id: rw.id });
    expect(renewed.body.data.keys.regenerate.key.kind).toBe('rw');
  });

  it.each([
    ['an unknown account', { a: 'nope', n: 'x', r: [readCategory] }, 'NOT_FOUND', undefined],
    ['an unknown content type', { n: 'x', r: [{ ...readCategory, contentTypeDefinitionName: 'nope' }] }, 'BAD_USER_INPUT', 'rules[0].contentTypeDefinitionName'],
    ['a rule naming a field that does not exist', { n: 'x', r: [{ ...readCategory, fields: [{ field: 'nope', read: false }] }] }, 'BAD_USER_INPUT', 'rules[0].fields.nope'],
    ['duplicate rules for one type', { n: 'x', r: [readCategory, readCategory] }, 'BAD_USER_INPUT', 'rules[1].contentTypeDefinitionName'],
    ['an empty name', { n: ' ', r: [] }, 'BAD_USER_INPUT', 'name'],
  ])('refuses %s clearly and changes nothing', async (_name, variables, code, field) => {
    const before = (await internalGraphql(internal, 'query($a: ID!) { account(id: $a) { keys { id } } }', { a: accountId })).body.data.account.keys.length;
    const { body } = await internalGraphql(internal, CREATE_KEY, { a: accountId, ...variables });
    expect(body.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(Object.keys(body.errors?.[0].extensions?.fields)).toEqual([field]);
    const after = (await internalGraphql(internal, 'query($a: ID!) { account(id: $a) { keys { id } } }', { a: accountId })).body.data.account.keys.length;
    expect(after).toBe(before);
  });

  it('caps user keys by plan, and a plan change lifts the cap', async () => {
    const count = async () =>
      (await internalGraphql(internal, 'query($a: ID!) { account(id: $a) { keys { kind } } }', { a: accountId })).body.data.account.keys.filter((k: { kind: string }) => k.kind === 'user').length;
    while ((await count()) < 5) await internalGraphql(internal, CREATE_KEY, { a: accountId, n: 'filler', r: [] });
    const refused = await internalGraphql(internal, CREATE_KEY, { a: accountId, n: 'sixth', r: [] });
    expect(refused.body.errors?.[0].extensions?.reasons).toEqual(['The plan allows 5 user-defined API keys; remove one first.']);
    expect(await count()).toBe(5);
    await internalGraphql(internal, 'mutation($a: ID!) { accounts { setPlan(id: $a, plan: "basic") { plan } } }', { a: accountId });
    expect((await internalGraphql(internal, CREATE_KEY, { a: accountId, n: 'sixth', r: [] })).body.data.keys.create.key.name).toBe('sixth');
  });

  it('manages content types through the CTD service', async () => {
    const definition = { ...fixtureContentType('category'), name: 'tagline', label: 'Tagline' };
    const created = await internalGraphql(internal, 'mutation($a: ID!, $d: JSON!) { contentTypes { create(accountId: $a, definition: $d) { name fields } } }', { a: accountId, d: definition });
    expect(created.body.data.contentTypes.create).toEqual({ name: 'tagline', fields: ['name'] });
    const invalid = await internalGraphql(internal, 'mutation($a: ID!, $d: JSON!) { contentTypes { create(accountId: $a, definition: $d) { name } } }', { a: accountId, d: { ...definition, name: 'Bad Name' } });
    expect(invalid.body.errors?.[0].extensions?.fields).toEqual({ name: ['This value is not valid.'] });
    const deleted = await internalGraphql(internal, 'mutation($a: ID!) { contentTypes { delete(accountId: $a, name: "tagline") } }', { a: accountId });
    expect(deleted.body.data.contentTypes.delete).toBe(true);
  });

  it('renders a key as an SVG QR code', async () => {
    const keys = (await internalGraphql(internal, 'query($a: ID!) { account(id: $a) { keys { id kind } } }', { a: accountId })).body.data.account.keys;
    const { body } = await internalGraphql(internal, 'query($a: ID!, $id: ID!) { keyQrCode(accountId: $a, id: $id) }', { a: accountId, id: keys[0].id });
    expect(body.data.keyQrCode).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });
});
