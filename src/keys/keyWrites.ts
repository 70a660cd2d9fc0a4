import type { AccountScope } from '../database/accountScope';
import type { ApiKeyRecord } from '../database/models/apiKeyModel';
import { STALE_CLAIM_MS } from '../database/versionClaims';
import { errors } from '../errors/errorFactory';

/** How long a writer waits for the key's other writers before it answers 503. */
const GIVE_UP_MS = STALE_CLAIM_MS + 5_000;

/**
 * Changes one key with one writer at a time. FerretDB 1.x applies an update by writing the whole
 * document back, so two updates of one key that set different fields (a rename and a regeneration)
 * can undo each other — the old secret's hash put back, working again, while the new secret shown
 * to the caller does not. So every write of a key bumps its `version`, and a writer first claims
 * the next version (an `_id` insert, see `versionClaims.ts`); a writer that loses reads the key again
 * and waits its turn. `change` decides the fields from the record as read (it may throw: the claim
 * is then given back). Returns the record as read and what was set.
 */
export async function writeKey(
  scope: AccountScope,
  read: () => Promise<ApiKeyRecord>,
  change: (record: ApiKeyRecord) => Partial<ApiKeyRecord> | Promise<Partial<ApiKeyRecord>>,
): Promise<{ record: ApiKeyRecord; set: Partial<ApiKeyRecord> }> {
  const claims = scope.versionClaims();
  const started = Date.now();
  for (;;) {
    const readAt = Date.now();
    const record = await read();
    const version = record.version ?? 0;
    const object = `key:${record._id}`;
    if (await claims.claim(object, version + 1, readAt, async () => ((await read()).version ?? 0) === version)) {
      let set: Partial<ApiKeyRecord>;
      try {
        set = await change(record);
      } catch (error) {
        await claims.release(object, version + 1);
        throw error;
      }
      await scope.apiKeys.updateOne({ _id: record._id }, { $set: { ...set, version: version + 1 } });
      return { record, set };
    }
    if (Date.now() - started > GIVE_UP_MS) throw errors.unavailable();
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}
