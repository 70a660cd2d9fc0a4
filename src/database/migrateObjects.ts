import type { Database } from './database';
import type { ContentObjectRecord } from './models/contentObjectModel';

/** Legacy documents moved per round. */
const BATCH = 500;

/**
 * Moves content objects stored by earlier versions (one shared collection, ObjectId `_id`s, no
 * `createdSeq`) to the current layout: each goes to its account's and type's collection under its
 * `account/type/idKey` `_id`, keeping its old `_id` as `createdSeq` (so creation order holds), and
 * only then is the old document deleted. Every step is idempotent, so a crash at any point leaves
 * at worst a document that exists twice, which the next start finishes moving. When an id exists
 * both live and soft-deleted, the live object wins. Returns how many documents were moved.
 */
export async function migrateLegacyObjects(database: Database): Promise<number> {
  const legacy = database.models.contentObjects.collection;
  let moved = 0;
  for (;;) {
    const batch = (await legacy.find({ createdSeq: { $exists: false } }).limit(BATCH).toArray()) as unknown as ContentObjectRecord[];
    if (batch.length === 0) return moved;
    for (const document of batch) {
      const { _id: oldId, accountId, contentType, ...rest } = document;
      const objects = database.objects(accountId, contentType);
      const record = { ...rest, createdSeq: String(oldId) };
      try {
        await objects.insert(record);
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        const current = await objects.findById(record.idKey);
        if (current && current.internal.deletedAt !== '' && record.internal.deletedAt === '') await objects.replaceById(record.idKey, record);
      }
      await legacy.deleteOne({ _id: oldId as never });
      moved++;
    }
  }
}
