import type { Database } from '../database/database';

/** "Last used" is written at most this often per key and instance. */
export const LAST_USED_EVERY_MS = 3_600_000;

/** Where "last used" times live (`_id` = key id, `at` = epoch ms). */
export const KEY_LAST_USED_COLLECTION = 'key_last_used';

/**
 * Writes a key's "last used" time in the background, at most once per `LAST_USED_EVERY_MS` per
 * key on this instance. The request path only notes the key.
 *
 * Not on the key's own document: FerretDB 1.x applies an update by writing the whole document
 * back, so a "last used" update racing a regeneration could restore the old secret's hash (the old
 * secret would work again and the new one not). A document of its own can only lose a time.
 */
export class LastUsedWriter {
  private readonly writtenAt = new Map<string, number>();
  private readonly pending = new Map<string, number>();

  constructor(private readonly database: Database) {}

  /** Notes a use of the key (no database access). */
  touch(keyId: string, nowMs: number): void {
    const last = this.writtenAt.get(keyId);
    if (last !== undefined && nowMs - last < LAST_USED_EVERY_MS) return;
    if (!this.pending.has(keyId)) this.pending.set(keyId, nowMs);
  }

  /** Writes the noted uses. */
  async flush(): Promise<void> {
    const due = [...this.pending];
    this.pending.clear();
    for (const [keyId, at] of due) {
      try {
        await this.database.connection
          .db!.collection<{ _id: string; at: number }>(KEY_LAST_USED_COLLECTION)
          .updateOne({ _id: keyId }, { $set: { at } }, { upsert: true })
          .catch((error: { code?: number }) => {
            if (error.code !== 11000) throw error; // another instance created it at the same moment
          });
        this.writtenAt.set(keyId, at);
      } catch (error) {
        if (!this.pending.has(keyId)) this.pending.set(keyId, at);
        throw error;
      }
    }
    if (this.writtenAt.size > 100_000) this.writtenAt.clear();
  }
}
