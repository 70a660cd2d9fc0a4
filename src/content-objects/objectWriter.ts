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
import { pause, StaleDefinition, type WriteChecks } from './writeChecks';

/** The refusal of a write that lost a race with another write of the same object. */
export const CHANGED_REASON = 'The object was changed by another request; retry.';

/**
 * Stores checked writes of one account's objects: unique-value claims first, then the object as a
 * new document or as its next version (compare-and-set through version claims), then this
 * instance's reads see the write and every instance is told. Nothing here validates: callers pass
 * a `PreparedWrite` that has been checked completely.
 *
 * Around the write, the checks that make it safe against concurrent changes of its type and of the
 * objects it references (see `writeChecks.ts`): an update claims its version, then checks that its
 * definition is still the type's current one and nothing is under way on the type, then writes; a
 * create writes, then checks the same (it has no version to claim before). A write that added
 * references checks after writing that every new target is still live; when a check fails the
 * write is undone before the refusal. A `StaleDefinition` thrown from here means: nothing is
 * stored, redo the write against the type's current definition.
 */
export class ObjectWriter {
  constructor(
    private readonly scope: AccountScope,
    private readonly reads: ObjectReads,
    private readonly announce: (type: string) => Promise<void>,
    private readonly checks: WriteChecks,
  ) {}

  /** Claims unique values, then writes and checks; releases what it claimed if the write fails. Returns the stored object. */
  async store(
    ctd: ContentTypeDefinition,
    prepared: PreparedWrite,
    existing: ContentObjectRecord | undefined,
  ): Promise<ContentObject> {
    // An object already written for a newer definition than this write was checked against.
    if (existing?.typeVersion !== undefined && existing.typeVersion > ctd.version) throw new StaleDefinition('moved');
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
    try {
      if (!existing) stored = await this.checkCreatedType(ctd, stored);
      await this.checkNewReferences(ctd, prepared, existing, stored);
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

  /**
   * Writes a changed object if it is still the version that was read: claims the next version,
   * checks that the definition is still current and no conversion or delete of the type is under
   * way (a conversion claims every object's next version after writing its record, so one of the
   * two sees the other), then writes. Returns what is now stored.
   */
  private async update(ctd: ContentTypeDefinition, prepared: PreparedWrite, existing: ContentObjectRecord, now: string): Promise<ContentObjectRecord> {
    const objects = this.scope.objects(ctd.name);
    if (!(await objects.claimNext(existing))) {
      // Another writer has this version: maybe a conversion, which holds every object it converts.
      const { standing } = await this.checks.standing(ctd);
      if (standing === 'gone') throw errors.notFound();
      if (standing !== 'ok') throw new StaleDefinition(standing);
      throw errors.refused([CHANGED_REASON]);
    }
    const { standing } = await this.checks.standing(ctd);
    if (standing !== 'ok') {
      await objects.releaseNext(existing);
      if (standing === 'gone') throw errors.notFound();
      throw new StaleDefinition(standing);
    }
    const fields = { ...storedFields(prepared), typeVersion: ctd.version };
    await objects.writeNext(existing, { ...fields, 'internal.updatedAt': now });
    return {
      ...existing,
      data: fields.data,
      refs: fields.refs,
      sizeBytes: fields.sizeBytes,
      typeVersion: ctd.version,
      internal: { ...existing.internal, objectTitle: prepared.title, updatedAt: now, latestVersion: existing.internal.latestVersion + 1 },
    };
  }

  /**
   * Inserts a new object without reading first: the unique `_id` decides. Only when the id is
   * taken is the holder read: a live object refuses the id, a soft-deleted one gives way. The
   * type is checked first (no point writing during a conversion) and again after (`checkCreatedType`).
   */
  private async insert(ctd: ContentTypeDefinition, prepared: PreparedWrite, now: string): Promise<ContentObjectRecord> {
    const { standing } = await this.checks.standing(ctd);
    if (standing === 'gone') throw errors.notFound();
    if (standing !== 'ok') throw new StaleDefinition(standing);
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
      typeVersion: ctd.version,
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
   * After a create: the type must still be at the definition the object was written for. A
   * conversion or delete that started meanwhile is waited for; then an object the conversion
   * converted stands, and one it missed (or a type that moved on, or is gone) is undone and the
   * create redone against the current definition (or refused with 404).
   */
  private async checkCreatedType(ctd: ContentTypeDefinition, stored: ContentObjectRecord): Promise<ContentObjectRecord> {
    let { standing, record } = await this.checks.standing(ctd);
    if (standing === 'ok') return stored;
    if (standing === 'busy') {
      await this.checks.settle(ctd);
      ({ standing, record } = await this.checks.standing(ctd));
      if (standing === 'ok') return stored;
    }
    const current = await this.scope.objects(ctd.name).findById(stored.idKey);
    const ours = current !== null && current.createdSeq === stored.createdSeq && isLive(current);
    if (!ours) {
      // Deleted by someone else meanwhile: nothing left to undo.
      if (standing === 'gone') throw errors.notFound();
      return stored;
    }
    if (standing === 'moved' && current.typeVersion === record?.version) return current; // converted with the others
    // Not undone: another writer holds the object (while still converting: the conversion, which
    // converts it); it stands as it is.
    if (!(await this.undoCreate(ctd, stored))) return current;
    if (standing === 'gone') throw errors.notFound();
    throw new StaleDefinition(standing === 'busy' ? 'busy' : 'moved');
  }

  /**
   * After a write that added references: every new target must still be live. A deleter claims
   * the target's next version before it looks for references and a purge writes its work record
   * first, so either it sees this write or this check sees it. On failure the write is undone.
   */
  private async checkNewReferences(
    ctd: ContentTypeDefinition,
    prepared: PreparedWrite,
    existing: ContentObjectRecord | undefined,
    stored: ContentObjectRecord,
  ): Promise<void> {
    const before = new Set(existing?.refs ?? []);
    const added = prepared.refs.filter((ref) => !before.has(ref));
    if (added.length === 0) return;
    try {
      await this.checks.requireLiveTargets(ctd, prepared.data, added);
    } catch (error) {
      if (existing) await this.undoUpdate(ctd, existing, stored, added);
      else await this.undoCreate(ctd, stored);
      throw error;
    }
  }

  /** Soft-deletes an object this request created and will not confirm; false when it could not (another writer holds it). */
  private async undoCreate(ctd: ContentTypeDefinition, stored: ContentObjectRecord): Promise<boolean> {
    const objects = this.scope.objects(ctd.name);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await objects.findById(stored.idKey);
      if (!current || current.createdSeq !== stored.createdSeq || !isLive(current)) return true;
      const now = flotiqDate();
      if (await objects.updateVersion(current, { 'internal.deletedAt': now, 'internal.updatedAt': now })) {
        await this.changed(ctd.name);
        const values = uniqueValuesOf(this.scope.accountId, ctd, propertiesOfObject(toContentObject(current)));
        await releaseClaims(this.scope, current.idKey, values.map((v) => v.claimId));
        return true;
      }
      await pause(20);
    }
    return false;
  }

  /**
   * Writes back what an object held before this request's update (as its next version). When
   * another write landed on top of this one and still holds one of the refused references, that
   * one is undone too: it was built on data that was never confirmed.
   */
  private async undoUpdate(ctd: ContentTypeDefinition, existing: ContentObjectRecord, stored: ContentObjectRecord, added: string[]): Promise<void> {
    const objects = this.scope.objects(ctd.name);
    const restore = {
      data: existing.data,
      refs: existing.refs,
      sizeBytes: existing.sizeBytes,
      'internal.objectTitle': existing.internal.objectTitle,
      ...(existing.typeVersion !== undefined ? { typeVersion: existing.typeVersion } : {}),
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await objects.findById(stored.idKey);
      if (!current || current.createdSeq !== stored.createdSeq || !isLive(current)) return;
      const ours = current.internal.latestVersion === stored.internal.latestVersion;
      if (!ours && !current.refs.some((ref) => added.includes(ref))) return;
      if (await objects.updateVersion(current, { ...restore, 'internal.updatedAt': flotiqDate() })) {
        await this.changed(ctd.name);
        return;
      }
      await pause(20);
    }
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
