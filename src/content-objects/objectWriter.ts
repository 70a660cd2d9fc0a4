import { Types } from 'mongoose';
import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { AccountScope } from '../database/accountScope';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import { errors } from '../errors/errorFactory';
import { flotiqDate } from '../utils/flotiqDate';
import type { ContentObject } from './contentObject';
import type { ObjectReads } from './objectReads';
import { isLive, storedFields, type PreparedWrite } from './preparedWrite';
import { propertiesOfObject, toContentObject } from './storedObjects';
import { claimUniqueValues, releaseClaims, uniqueValuesOf } from './uniqueValues';

/** The refusal of a write that lost a race with another write of the same object. */
export const CHANGED_REASON = 'The object was changed by another request; retry.';

/**
 * Stores checked writes of one account's objects: unique-value claims first, then the object as a
 * new document or as its next version (compare-and-set through version claims), then this
 * instance's reads see the write and every instance is told. Nothing here validates: callers pass
 * a `PreparedWrite` that has been checked completely.
 */
export class ObjectWriter {
  constructor(
    private readonly scope: AccountScope,
    private readonly reads: ObjectReads,
    private readonly announce: (type: string) => Promise<void>,
  ) {}

  /** Claims unique values, then writes; releases what it claimed if the write fails. Returns the stored object. */
  async store(
    ctd: ContentTypeDefinition,
    prepared: PreparedWrite,
    existing: ContentObjectRecord | undefined,
  ): Promise<ContentObject> {
    const values = uniqueValuesOf(this.scope.accountId, ctd, prepared.data);
    const { claimed, conflicts } = await claimUniqueValues(this.scope, ctd.name, prepared.idKey, values);
    if (Object.keys(conflicts).length) throw errors.validation(conflicts);
    const now = flotiqDate();
    let stored: ContentObjectRecord;
    try {
      stored = existing ? await this.update(ctd, prepared, existing, now) : await this.insert(ctd, prepared, now);
    } catch (error) {
      await releaseClaims(this.scope, prepared.idKey, claimed);
      throw error;
    }
    await this.changed(ctd.name, stored);
    if (existing) {
      const keep = new Set(values.map((v) => v.claimId));
      const previous = uniqueValuesOf(this.scope.accountId, ctd, propertiesOfObject(toContentObject(existing)));
      await releaseClaims(this.scope, existing.idKey, previous.map((v) => v.claimId).filter((claimId) => !keep.has(claimId)));
    }
    return toContentObject(stored);
  }

  /** Writes a changed object if it is still the version that was read; returns what is now stored. */
  private async update(ctd: ContentTypeDefinition, prepared: PreparedWrite, existing: ContentObjectRecord, now: string): Promise<ContentObjectRecord> {
    const fields = storedFields(prepared);
    const matched = await this.scope.objects(ctd.name).updateVersion(existing, { ...fields, 'internal.updatedAt': now });
    if (!matched) throw errors.refused([CHANGED_REASON]);
    return {
      ...existing,
      data: fields.data,
      refs: fields.refs,
      sizeBytes: fields.sizeBytes,
      internal: { ...existing.internal, objectTitle: prepared.title, updatedAt: now, latestVersion: existing.internal.latestVersion + 1 },
    };
  }

  /**
   * Inserts a new object without reading first: the unique `_id` decides. Only when the id is
   * taken is the holder read: a live object refuses the id, a soft-deleted one gives way.
   */
  private async insert(ctd: ContentTypeDefinition, prepared: PreparedWrite, now: string): Promise<ContentObjectRecord> {
    const objects = this.scope.objects(ctd.name);
    const fields = storedFields(prepared);
    const record = {
      // ObjectId order = creation order: a stable tie-breaker for equal Flotiq dates.
      createdSeq: new Types.ObjectId().toHexString(),
      id: prepared.id,
      idKey: prepared.idKey,
      data: fields.data,
      refs: fields.refs,
      sizeBytes: fields.sizeBytes,
      internal: {
        contentType: ctd.name,
        createdAt: now,
        updatedAt: now,
        deletedAt: '',
        objectTitle: prepared.title,
        latestVersion: 1,
        status: 'public',
        workflowState: 'saved',
      },
    };
    try {
      await objects.insert(record);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const holder = await objects.findById(prepared.idKey);
      const replaced = holder !== null && !isLive(holder) && (await objects.replaceDeleted(holder, record));
      if (!replaced) throw errors.invalidField('id', 'This value is already used');
    }
    return { ...record, _id: objects.documentId(prepared.idKey), accountId: this.scope.accountId, contentType: ctd.name };
  }

  /**
   * Writes one converted object as its next version; when a concurrent write got there first, the
   * object is read and converted again with `reconvert` (a few times). Its unique values are claimed before the
   * write and its old claims released after, so uniqueness holds at every step.
   */
  async convertOne(
    previous: ContentTypeDefinition,
    next: ContentTypeDefinition,
    record: ContentObjectRecord,
    prepared: PreparedWrite,
    reconvert: (current: ContentObjectRecord) => PreparedWrite,
  ): Promise<void> {
    const objects = this.scope.objects(previous.name);
    let current: ContentObjectRecord | null = record;
    let planned = prepared;
    for (let attempt = 0; attempt < 5 && current && isLive(current); attempt++) {
      const values = uniqueValuesOf(this.scope.accountId, next, planned.data);
      const { conflicts } = await claimUniqueValues(this.scope, next.name, current.idKey, values);
      if (Object.keys(conflicts).length) throw errors.validation(conflicts);
      if (await objects.updateVersion(current, storedFields(planned))) {
        const kept = new Set(values.map((value) => value.claimId));
        const old = uniqueValuesOf(this.scope.accountId, previous, propertiesOfObject(toContentObject(current)));
        await releaseClaims(this.scope, current.idKey, old.map((value) => value.claimId).filter((claimId) => !kept.has(claimId)));
        return;
      }
      current = await objects.findById(current.idKey);
      if (!current || !isLive(current)) return;
      planned = reconvert(current);
    }
    if (current && isLive(current)) throw errors.refused(['Objects changed while the content type was converted; retry.']);
  }


  /**
   * After a write: this instance's reads see it at once (`stored`, or the whole type read again
   * after a bulk change), then every instance is told.
   */
  async changed(type: string, stored?: ContentObjectRecord): Promise<void> {
    if (stored) this.reads.written(type, stored);
    else this.reads.invalidate(type);
    await this.announce(type);
  }
}
