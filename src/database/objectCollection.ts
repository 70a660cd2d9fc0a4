import type { Collection, Db } from 'mongodb';
import type { Model } from 'mongoose';
import type { ContentObjectRecord } from './models/contentObjectModel';
import { objectCollectionName, objectDocumentId, type ObjectLayout } from './objectLayout';
import { QUERY_TIME_LIMIT_MS, type Filter, type FindOptions } from './scopedCollection';
import { VersionClaims } from './versionClaims';

/** When each record a write may be based on was read (a claim refuses reads that are too old). */
const readTimes = new WeakMap<ContentObjectRecord, number>();

/** How many point reads one `findByIds` runs at once on the collection-per-type layout. */
const POINT_READ_CONCURRENCY = 16;

/**
 * One account's objects of one content type: the only code that reads or writes content objects.
 * Every lookup by id is a read of the exact `_id` (which FerretDB answers from SQL without a scan);
 * the document found is checked to belong to this account and type before it is returned. Every
 * other query is ANDed with the account and the type, whatever the layout. Every write addresses
 * one exact `_id`; concurrent writers of one object are ordered by version claims.
 */
export class ObjectCollection {
  private readonly collection: Collection<ContentObjectRecord>;
  private readonly claims: VersionClaims;

  constructor(
    db: Db,
    readonly layout: ObjectLayout,
    readonly accountId: string,
    readonly type: string,
    /** The model whose schema every inserted or replacing document is validated against. */
    private readonly model?: Model<ContentObjectRecord>,
  ) {
    this.collection = db.collection<ContentObjectRecord>(objectCollectionName(layout, accountId, type));
    this.claims = new VersionClaims(db);
  }

  /** The `_id` of this type's object with the lower-cased id `idKey`. */
  documentId(idKey: string): string {
    return objectDocumentId(this.accountId, this.type, idKey);
  }

  /** The stored object with this id key (live or soft-deleted), or null. */
  async findById(idKey: string): Promise<ContentObjectRecord | null> {
    const found = await this.collection.findOne({ _id: this.documentId(idKey) }, { maxTimeMS: QUERY_TIME_LIMIT_MS });
    if (!found || !this.owns(found)) return null;
    readTimes.set(found, Date.now());
    return found;
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
    const found = (await cursor.toArray()) as ContentObjectRecord[];
    const now = Date.now();
    for (const record of found) readTimes.set(record, now);
    return found;
  }

  /** How many objects of this type match `filter`. */
  async count(filter: Filter): Promise<number> {
    return this.collection.countDocuments(this.scoped(filter), { maxTimeMS: QUERY_TIME_LIMIT_MS });
  }

  /** Inserts a new object document; a duplicate `_id` throws the driver's 11000. */
  async insert(record: Omit<ContentObjectRecord, '_id' | 'accountId' | 'contentType'>): Promise<void> {
    const document = { ...record, _id: this.documentId(record.idKey), accountId: this.accountId, contentType: this.type };
    await this.model?.validate(document);
    await this.collection.insertOne(document);
  }

  /**
   * Writes the next version of an object that was read as `current` (compare-and-set through a
   * version claim, see `versionClaims.ts`): `$set` the given fields and bump `latestVersion`. False,
   * and nothing written, when another writer got there first.
   */
  async updateVersion(current: ContentObjectRecord, set: Filter): Promise<boolean> {
    guardUpdate({ $set: set });
    if (!(await this.claimNext(current))) return false;
    await this.writeNext(current, set);
    return true;
  }

  /**
   * Claims the next version of the object read as `current` without writing it yet (a writer that
   * checks something between claiming and writing, a deleter that looks for references, a
   * conversion that reserves every object before converting any). False when another writer has it.
   */
  claimNext(current: ContentObjectRecord, owner?: string): Promise<boolean> {
    return this.claim(current, current.internal.latestVersion + 1, owner);
  }

  /** Gives back a claimed next version that will not be written. */
  async releaseNext(current: ContentObjectRecord): Promise<void> {
    await this.claims.release(this.incarnation(current), current.internal.latestVersion + 1);
  }

  /** Writes the next version of `current`, claimed by the caller with `claimNext`. */
  async writeNext(current: ContentObjectRecord, set: Filter): Promise<void> {
    guardUpdate({ $set: set });
    const next = current.internal.latestVersion + 1;
    await this.collection.updateOne({ _id: current._id }, { $set: { ...set, 'internal.latestVersion': next } } as never);
  }

  /**
   * Writes the next version of `current` only if the stored object is still at `current`'s version
   * (a claim shared by the runs of one conversion: a run that comes late must not write over what
   * others wrote after the first run). Not atomic on FerretDB; the claim is what orders writers.
   */
  async writeReserved(current: ContentObjectRecord, set: Filter): Promise<boolean> {
    guardUpdate({ $set: set });
    const next = current.internal.latestVersion + 1;
    const result = await this.collection.updateOne(
      { _id: current._id, createdSeq: current.createdSeq, 'internal.latestVersion': current.internal.latestVersion },
      { $set: { ...set, 'internal.latestVersion': next } } as never,
    );
    return result.matchedCount > 0;
  }

  /**
   * Whether a writer (not a conversion) holds the next version of the object read as `current`
   * and may still write it: a deleter between its reference check and its write, or a PATCH.
   */
  pendingWrite(current: ContentObjectRecord): Promise<boolean> {
    return this.claims.pending(this.incarnation(current), current.internal.latestVersion + 1);
  }

  /**
   * Replaces a soft-deleted object read as `current` by a new one with the same id (compare-and-set
   * as `updateVersion`); false when another writer got there first.
   */
  async replaceDeleted(current: ContentObjectRecord, record: Omit<ContentObjectRecord, '_id' | 'accountId' | 'contentType'>): Promise<boolean> {
    const next = current.internal.latestVersion + 1;
    const document = { ...record, accountId: this.accountId, contentType: this.type };
    await this.model?.validate({ ...document, _id: current._id });
    if (!(await this.claim(current, next))) return false;
    await this.collection.replaceOne({ _id: current._id }, document);
    return true;
  }

  /** Claims version `next` of the object read as `current` (see `versionClaims.ts`). */
  private claim(current: ContentObjectRecord, next: number, owner?: string): Promise<boolean> {
    return this.claims.claim(
      this.incarnation(current),
      next,
      readTimes.get(current),
      async () => {
        const now = await this.findById(current.idKey);
        return now?.createdSeq === current.createdSeq && now.internal.latestVersion === current.internal.latestVersion;
      },
      owner,
    );
  }

  /** Applies `$set` to the document of `idKey` unconditionally (conversions, migrations, tests). */
  async updateById(idKey: string, set: Filter): Promise<void> {
    guardUpdate({ $set: set });
    await this.collection.updateOne({ _id: this.documentId(idKey) }, { $set: set } as never);
  }

  /** Replaces the document of `idKey` unconditionally (migrations). */
  async replaceById(idKey: string, record: Omit<ContentObjectRecord, '_id' | 'accountId' | 'contentType'>): Promise<void> {
    await this.collection.replaceOne({ _id: this.documentId(idKey) }, { ...record, accountId: this.accountId, contentType: this.type });
  }

  /** One life of an object: a soft-deleted id that is created again starts its versions anew. */
  private incarnation(record: ContentObjectRecord): string {
    return `${record._id}@${record.createdSeq}`;
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

/** Only `$set` of object fields; never the account, the type or the `_id`. */
function guardUpdate(update: Record<string, unknown>): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (operator !== '$set') throw new Error(`Update operator ${operator} is not allowed on objects`);
    for (const field of Object.keys(fields as object)) {
      const root = field.split('.')[0];
      if (root === 'accountId' || root === 'contentType' || root === '_id') throw new Error(`An update may not change ${root}`);
    }
  }
}
