import type { TestGateway } from '../support/testGateway';
import { matrixKeys, rulesOf, SEED, type MatrixKey } from './matrixCases';
import type { MatrixTransport } from './matrixDriver';
import { matrixContentTypes } from './matrixTypes';

/** A seeded matrix account: its read-write key and one secret per matrix key. */
export interface MatrixAccount {
  accountId: string;
  rw: string;
  /** Secret by key label. */
  secrets: Map<string, string>;
  /** The matrix key a secret belongs to (for transports that check for leaks). */
  keyOf(secret: string): MatrixKey | undefined;
}

/**
 * Creates an account with the matrix types (`category`, `article`), their seed objects and one key
 * per matrix key. `seedWith` builds the transport that seeds the data with the account's read-write key.
 */
export async function matrixAccount(t: TestGateway, name: string, seedWith: (rw: string) => MatrixTransport): Promise<MatrixAccount> {
  const account = await t.createAccount(name, 'enterprise');
  const content = t.gateway.content(account.accountId);
  for (const ctd of matrixContentTypes()) await content.contentTypes.create(ctd);
  const seeder = seedWith(account.rw);
  await seeder.seed('category', { ...SEED.category });
  await seeder.seed('article', JSON.parse(JSON.stringify(SEED.article)));
  const keys = await t.gateway.keyService(account.accountId);
  const secrets = new Map<string, string>();
  const bySecret = new Map<string, MatrixKey>();
  for (const key of matrixKeys()) {
    let secret: string;
    if (key.kind === 'rw') secret = account.rw;
    else if (key.kind === 'ro') secret = account.ro;
    else secret = (await keys.createUserKey({ name: key.label, rules: rulesOf(key) })).secret;
    secrets.set(key.label, secret);
    bySecret.set(secret, key);
  }
  return { accountId: account.accountId, rw: account.rw, secrets, keyOf: (secret) => bySecret.get(secret) };
}
