import { startTestGateway, type TestGateway } from '../../support/testGateway';

/**
 * Writes of one key that race: on FerretDB 1.x an update rewrites the whole document, so a rename
 * or a change of rules racing a regeneration could put the old secret's hash back (the old secret
 * working again, the new one shown to the caller not), or a regeneration could undo a rename.
 */
describe('racing writes of one key', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(async () => t?.close());

  it('a regeneration racing renames keeps its new secret, and every write that answered stays', async () => {
    const account = await t.createAccount('Key races');
    const keys = await t.gateway.keyService(account.accountId);
    const { key, secret: first } = await keys.createUserKey({ name: 'raced', rules: [] });
    const secrets = [first];
    for (let round = 0; round < 8; round++) {
      const [regenerated] = await Promise.all([keys.regenerate(key.id), keys.update(key.id, { name: `name ${round}` }), keys.update(key.id, { name: `other ${round}` })]);
      secrets.push(regenerated.secret);
      const stored = await t.database.models.apiKeys.collection.findOne({ _id: key.id as never });
      expect({ round, name: [`name ${round}`, `other ${round}`].includes(String(stored?.name)) }).toEqual({ round, name: true });
      const resolver = t.gateway.keys;
      const answers = await Promise.all(secrets.map(async (secret) => (await resolver.resolve(secret))?.keyId));
      expect({ round, answers }).toEqual({ round, answers: [...secrets.slice(0, -1).map(() => undefined), key.id] });
    }
  });
});
