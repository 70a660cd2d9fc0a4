import type { Database } from '../database/database';

/** "Last used" is written at most this often per key and instance. */
export const LAST_USED_EVERY_MS = 3_600_000;

/**
 * Writes a key's "last used" time in the background, at most once per `LAST_USED_EVERY_MS` per
 * key on this instance; the write is conditional on the stored time being older, so other
 * instances rarely repeat it. The request path only notes the key.
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
        await this.database.models.apiKeys.collection.updateOne(
          { _id: keyId, $or: [{ lastUsedAt: { $exists: false } }, { lastUsedAt: { $lt: at - LAST_USED_EVERY_MS } }] } as never,
          { $set: { lastUsedAt: at } },
        );
        this.writtenAt.set(keyId, at);
      } catch (error) {
        if (!this.pending.has(keyId)) this.pending.set(keyId, at);
        throw error;
      }
    }
    if (this.writtenAt.size > 100_000) this.writtenAt.clear();
  }
}
