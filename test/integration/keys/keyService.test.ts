import { fixtureContentType } from '../../support/fixtures';
import { failure } from '../../support/accounts';
import { graphql, startTestGateway, type TestGateway } from '../../support/testGateway';
import type { KeyService } from '../../../src/keys/keyService';
import { KEY_SECRET_PATTERN } from '../../../src/keys/secrets/keyFormat';

describe('API keys on the real database', () => {
  let t: TestGateway;
  let keys: KeyService;
  let account: { accountId: string; rw: string; ro: string };
  const rule = { contentTypeDefinitionName: 'category', canRead: true, canCreate: false, canUpdate: false, canDelete: false };

  beforeAll(async () => {
    t = await startTestGateway();
    account = await t.createAccount('Keys', 'free');
    await t.gateway.content(account.accountId).contentTypes.create(fixtureContentType('category'));
    keys = await t.gateway.keyService(account.accountId);
  });
  afterAll(async () => t.close());

  it('gives every account a read-write and a read-only key in the recognisable format', async () => {
    expect(account.rw).toMatch(/^cg_rw_/);
    expect(account.ro).toMatch(/^cg_ro_/);
    expect(KEY_SECRET_PATTERN.test(account.rw)).toBe(true);
    const listed = await keys.list();
    expect(listed.map((key) => key.kind)).toEqual(['rw', 'ro']);
    expect(listed[0].maskedKey).toBe(`cg_rw_…${account.rw.slice(-4)}`);
  });

  it('stores no plaintext secret: only a keyed hash and an encrypted copy', async () => {
    const { secret } = await keys.createUserKey({ name: 'stored', rules: [rule] });
    const raw = await t.database.connection.collection('api_keys').find({ accountId: account.accountId }).toArray();
    const dump = JSON.stringify(raw);
    for (const plaintext of [account.rw, account.ro, secret]) {
      expect(dump).not.toContain(plaintext);
      expect(dump).not.toContain(plaintext.slice(6)); // not even the body without its prefix
    }
    for (const record of raw) {
      expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(record.encrypted).toMatch(/^v1\./);
    }
    expect(await keys.reveal(String(raw.find((r) => r.name === 'stored')?._id))).toBe(secret);
  });

  it('refuses the same way whatever is wrong with a key (401, identical body)', async () => {
    const { key, secret } = await keys.createUserKey({ name: 'to revoke', rules: [rule] });
    await keys.remove(key.id);
    const flipped = account.ro.slice(0, -1) + (account.ro.endsWith('A') ? 'B' : 'A');
    const bodies = await Promise.all(
      [undefined, '', 'garbage', flipped, secret, 'cg_rw_AAAAAAAAAAAAAAAAAAAAAAAA000000'].map((k) => graphql(t.app, k, '{ categoryCount }')),
    );
    for (const response of bodies) {
      expect(response).toEqual({ status: 401, body: { errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] } });
    }
  });

  it('regenerating makes a new secret and kills the old one at once', async () => {
    const ro = await keys.applicationKey('ro');
    const renewed = await keys.regenerate(ro.key.id);
    expect(renewed.secret).not.toBe(ro.secret);
    expect((await graphql(t.app, ro.secret, '{ categoryCount }')).status).toBe(401);
    expect((await graphql(t.app, renewed.secret, '{ categoryCount }')).status).toBe(200);
  });

  it.each([
    ['an unknown content type', [{ ...rule, contentTypeDefinitionName: 'nope' }], 'rules[0].contentTypeDefinitionName'],
    ['an unknown field', [{ ...rule, fields: { nope: { read: false } } }], 'rules[0].fields.nope'],
    ['two rules for one type', [rule, rule], 'rules[1].contentTypeDefinitionName'],
    ['a right that is not a boolean', [{ ...rule, canRead: 'yes' }], 'rules[0].canRead'],
    ['rules that are not a list', { category: true }, 'rules'],
  ])('refuses %s and stores nothing', async (_name, rules, field) => {
    const before = (await keys.list()).length;
    const result = await failure(keys.createUserKey({ name: 'bad', rules }));
    expect(result.status).toBe(400);
    expect(Object.keys(result.body as object)).toEqual([field]);
    expect((await keys.list()).length).toBe(before);
  });

  it('application keys cannot be removed and have no rules', async () => {
    const rw = await keys.applicationKey('rw');
    expect((await failure(keys.remove(rw.key.id))).body).toEqual({ errors: ['Application keys cannot be removed, only regenerated.'] });
    expect((await failure(keys.update(rw.key.id, { rules: [rule] }))).status).toBe(400);
  });

  it("the plan caps the number of user-defined keys (free: 5)", async () => {
    while ((await keys.list()).filter((key) => key.kind === 'user').length < 5) {
      await keys.createUserKey({ name: 'filler', rules: [] });
    }
    const result = await failure(keys.createUserKey({ name: 'one too many', rules: [] }));
    expect(result.body).toEqual({ errors: ['The plan allows 5 user-defined API keys; remove one first.'] });
  });

  it('creates racing for the last places never pass the plan cap', async () => {
    const other = await t.createAccount('Racing keys');
    const racing = await t.gateway.keyService(other.accountId);
    for (let i = 0; i < 3; i++) await racing.createUserKey({ name: `existing ${i}`, rules: [] });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => racing.createUserKey({ name: `racer ${i}`, rules: [] })));
    const users = (await racing.list()).filter((key) => key.kind === 'user');
    expect(users.length).toBeLessThanOrEqual(5);
    expect(users.length).toBe(3 + results.filter((r) => r.status === 'fulfilled').length);
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as { reasons?: string[] }).reasons).toEqual(['The plan allows 5 user-defined API keys; remove one first.']);
    }
  });

  it('a content type used by a key cannot be deleted', async () => {
    const result = await failure(t.gateway.content(account.accountId).contentTypes.delete('category'));
    expect((result.body as { errors: string[] }).errors).toContain('This content type definition is used by Api Key: stored');
  });
});
