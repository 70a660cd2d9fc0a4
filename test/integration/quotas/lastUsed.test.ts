import { LastUsedWriter, KEY_LAST_USED_COLLECTION } from '../../../src/quotas/lastUsedWriter';
import { startTestGateway, type TestGateway } from '../../support/testGateway';

/**
 * "Last used" never touches a key's document: on FerretDB an update rewrites the whole document, so
 * a last-used write racing a regeneration could put the old secret's hash back.
 */
describe('last used', () => {
  let t: TestGateway;
  afterAll(async () => t.close());

  it('is written to its own collection, and a regeneration racing it keeps the new secret', async () => {
    t = await startTestGateway();
    const account = await t.createAccount('Last used');
    const keys = await t.gateway.keyService(account.accountId);
    const { key, secret } = await keys.createUserKey({ name: 'used', rules: [] });
    const before = await t.database.models.apiKeys.collection.findOne({ _id: key.id as never });
    const writer = new LastUsedWriter(t.database);
    let renewed = '';
    for (let round = 0; round < 10; round++) {
      writer.touch(key.id, Date.now() + round * 4_000_000); // due again each round
      const [, regenerated] = await Promise.all([writer.flush(), keys.regenerate(key.id)]);
      renewed = regenerated.secret;
    }
    const after = await t.database.models.apiKeys.collection.findOne({ _id: key.id as never });
    expect(after?.lastUsedAt).toBeUndefined();
    expect(after?.hash).not.toBe(before?.hash);
    expect(await t.gateway.keys.resolve(secret)).toBeUndefined();
    expect((await t.gateway.keys.resolve(renewed))?.keyId).toBe(key.id);
    const stored = await t.database.connection.db!.collection<{ _id: string; at: number }>(KEY_LAST_USED_COLLECTION).findOne({ _id: key.id });
    expect(stored?.at).toBeGreaterThan(0);
  });
});
