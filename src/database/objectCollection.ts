import type { Collection, Db } from 'mongodb';
import type { ContentObjectRecord } from './models/contentObjectModel';
import { objectCollectionName, objectDocumentId, type ObjectLayout } from './objectLayout';
import { QUERY_TIME_LIMIT_MS, type Filter, type FindOptions } from './scopedCollection';

/** How many point reads one `findByIds` runs at once on the collection-per-type layout. */
const POINT_READ_CONCURRENCY = 16;

/**
 * One account's objects of one content type: the only code that reads or writes content objects.
 * Every lookup by id is a read of the exact `_id` (which FerretDB answers from SQL without a scan);
 * the document found is checked to belong to this account and type before it is returned. Every
 * other query is ANDed with the account and the type, whatever the layout.
 */
export class ObjectCollection {
  private readonly collection: Collection<ContentObjectRecord>;

  constructor(
    db: Db,
    readonly layout: ObjectLayout,
    readonly accountId: string,
    readonly type: string,
  ) {
    this.collection = db.collection<ContentObjectRecord>(objectCollectionName(layout, accountId, type));
  }

  /** The `_id` of this type's object with the lower-cased id `idKey`. */
  documentId(idKey: string): string {
    return objectDocumentId(this.accountId, this.type, idKey);
  }

  /** The stored object with this id key (live or soft-deleted), or null. */
  async findById(idKey: string): Promise<ContentObjectRecord | null> {
    const found = await this.collection.findOne({ _id: this.documentId(idKey) }, { maxTimeMS: QUERY_TIME_LIMIT_MS });
    return found && this.owns(found) ? found : null;
  }

  /**
   * The stored objects with these id keys: point reads of their `_id`s (a bounded set at a time) on
   * the per-type layout, one `$in` on the indexed `_id` of the shared collection.
   */
  async findByIds(idKeys: readonly string[]): Promise<ContentObjectRecord[]> {
    const unique = [...new Set(idKeys)];
    if (unique.length === 0) return [];
    if (this.layout === 'sharedCollection') {
      const found = await this.collection
        .find({ _id: { $in: unique.map((idKey) => this.documentId(idKey)) } }, { maxTimeMS: QUERY_TIME_LIMIT_MS })
        .toArray();
      return found.filter((record) => this.owns(record));
    }
    const found: ContentObjectRecord[] = [];
    for (let start = 0; start < unique.length; start += POINT_READ_CONCURRENCY) {
      const slice = unique.slice(start, start + POINT_READ_CONCURRENCY);
      for (const record of await Promise.all(slice.map((idKey) => this.findById(idKey)))) if (record) found.push(record);
    }
    return found;
  }

  /** Objects of this type matching `filter`. */
  async find(filter: Filter, options: FindOptions = {}): Promise<ContentObjectRecord[]> {
    let cursor = this.collection.find(this.scoped(filter), { maxTimeMS: QUERY_TIME_LIMIT_MS, projection: options.projection });
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor.toArray() as Promise<ContentObjectRecord[]>;
  }

  /** How many objects of this type match `filter`. */
  async count(filter: Filter): Promise<number> {
    return this.collection.countDocuments(this.scoped(filter), { maxTimeMS: QUERY_TIME_LIMIT_MS });
  }

  /** Inserts a new object document; a duplicate `_id` throws the driver's 11000. */
  async insert(record: Omit<ContentObjectRecord, '_id' | 'accountId' | 'contentType'>): Promise<void> {
    await this.collection.insertOne({ ...record, _id: this.documentId(record.idKey), accountId: this.accountId, contentType: this.type });
  }

  /**
   * Replaces the document of `idKey` only if it still matches `expected` (compare-and-set);
   * returns whether it did.
   */
  async replaceIf(idKey: string, expected: Filter, record: Omit<ContentObjectRecord, '_id' | 'accountId' | 'contentType'>): Promise<boolean> {
    const result = await this.collection.replaceOne(
      { ...expected, _id: this.documentId(idKey), accountId: this.accountId },
      { ...record, accountId: this.accountId, contentType: this.type },
    );
    return result.matchedCount === 1;
  }

  /** Applies `$set`/`$inc` to the document of `idKey` only if it still matches `expected`; returns whether it did. */
  async updateIf(idKey: string, expected: Filter, update: { $set?: Filter; $inc?: Filter }): Promise<boolean> {
    guardUpdate(update);
    const result = await this.collection.updateOne({ ...expected, _id: this.documentId(idKey), accountId: this.accountId }, update as never);
    return result.matchedCount === 1;
  }

  /** Deletes every object of this type for good (purge): the whole collection on the per-type layout. */
  async deleteAll(): Promise<void> {
    if (this.layout === 'collectionPerType') {
      await this.collection.drop().catch((error: { codeName?: string }) => {
        if (error.codeName !== 'NamespaceNotFound') throw error;
      });
      return;
    }
    await this.collection.deleteMany(this.scoped({}));
  }

  private scoped(filter: Filter): Filter {
    return { ...filter, accountId: this.accountId, contentType: this.type };
  }

  private owns(record: ContentObjectRecord): boolean {
    return record.accountId === this.accountId && record.contentType === this.type;
  }
}

/** Only `$set` and `$inc` of object fields; never the account, the type or the `_id`. */
function guardUpdate(update: Record<string, unknown>): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (operator !== '$set' && operator !== '$inc') throw new Error(`Update operator ${operator} is not allowed on objects`);
    for (const field of Object.keys(fields as object)) {
      const root = field.split('.')[0];
      if (root === 'accountId' || root === 'contentType' || root === '_id') throw new Error(`An update may not change ${root}`);
    }
  }
}
