import type { ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { convertForNewDefinition } from '../content-types/convertForNewDefinition';
import type { AccountScope } from '../database/accountScope';
import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import type { ObjectCollection } from '../database/objectCollection';
import { conversionOwner } from '../database/versionClaims';
import type { FieldErrors } from '../errors/appError';
import { isAppError } from '../errors/appError';
import { errors } from '../errors/errorFactory';
import { findDuplicateUniqueValues, isLive, prepareWrite, storedFields, type PreparedWrite } from './preparedWrite';
import { propertiesOfObject, toContentObject } from './storedObjects';
import { claimUniqueValues, releaseClaims, uniqueValuesOf } from './uniqueValues';
import { mergeFieldErrors } from './validation/flotiqMessages';
import { pause } from './writeChecks';

/** The refusal of a CTD change whose existing objects cannot conform. */
export const NOT_CONFORMING_REASON = 'Existing objects do not conform to the new schema, change the schema or the objects first';
/** The refusal of a CTD change when an object stayed held by another writer too long. */
export const CONVERSION_BLOCKED_REASON = 'Objects changed while the content type was converted; retry.';

/** How long a conversion waits for another writer's claim on one object (older claims are taken over after 15 s). */
const RESERVE_WAIT_MS = 20_000;
/** Rounds of converting objects created while the conversion ran. */
const STRAGGLER_ROUNDS = 5;

interface Planned {
  record: ContentObjectRecord;
  prepared: PreparedWrite;
  claimed: string[];
  skip?: boolean;
}

/**
 * Converts every live object of a type to a new definition (spec §1.6), idempotently, so that a
 * conversion stopped by a crash is finished by running it again with the same definitions (its work
 * record names them; see `contentTypeService.ts`). Runs while the type's work record blocks other
 * writes of the type.
 *
 * 1. Reserve and check: every object not yet converted has its next version claimed (with the
 *    conversion's owner tag, so a later run of the same conversion holds the same claims), is
 *    converted in memory and validated, and has the unique values of its new data claimed. If any
 *    object cannot conform, everything is given back and the change is refused (400): nothing was
 *    written. A writer that claimed an object first is waited for.
 * 2. Write: each reserved object is written as that next version (`typeVersion` = the new
 *    version), then its old unique claims no longer held are released.
 * 3. Stragglers: objects created while the conversion ran (their creators check the type after
 *    writing) are converted the same way; one that cannot conform is left to its creator, which
 *    undoes it.
 *
 * Only step 1 refuses (400): nothing is written before it ends. A run after a crash in step 2
 * (some objects already at the new version) never refuses: an object that cannot conform any
 * more, or stays held by another writer, is left as it is (logged).
 */
export class TypeConversion {
  constructor(
    private readonly scope: AccountScope,
    private readonly validate: (ctd: ContentTypeDefinition, data: Record<string, unknown>) => FieldErrors,
    private readonly log: (line: string) => void = (line) => console.warn(`[contentgate] ${line}`),
  ) {}

  async run(previous: ContentTypeDefinition, next: ContentTypeDefinition): Promise<void> {
    const owner = conversionOwner(this.scope.accountId, next.name, next.version);
    const objects = this.scope.objects(previous.name);
    const records = await objects.find({ 'internal.deletedAt': '' });
    const resumed = records.some((record) => record.typeVersion === next.version);
    const reserved: Planned[] = [];
    try {
      let problems: FieldErrors = {};
      for (const record of records) {
        if (record.typeVersion === next.version) continue;
        const current = resumed ? await this.reserveOrSkip(objects, record, owner, next.version) : await this.reserve(objects, record, owner, next.version);
        if (!current) continue;
        const converted = this.convert(previous, next, current);
        if ('problems' in converted) {
          problems = mergeFieldErrors(problems, converted.problems);
          await objects.releaseNext(current);
          if (resumed) this.log(`conversion of ${this.scope.accountId}/${next.name} to version ${next.version}: object ${current.id} cannot conform, left as it is`);
          continue;
        }
        reserved.push({ record: current, prepared: converted.prepared, claimed: [] });
      }
      problems = mergeFieldErrors(problems, findDuplicateUniqueValues(this.scope.accountId, next, reserved.map((p) => p.prepared)));
      if (Object.keys(problems).length && !resumed) throw errors.validation({ ...problems, ctd: [NOT_CONFORMING_REASON] });
      for (const planned of reserved) {
        const values = uniqueValuesOf(this.scope.accountId, next, planned.prepared.data);
        const { claimed, conflicts } = await claimUniqueValues(this.scope, next.name, planned.record.idKey, values);
        if (Object.keys(conflicts).length) {
          if (!resumed) throw errors.validation({ ...conflicts, ctd: [NOT_CONFORMING_REASON] });
          planned.skip = true;
          continue;
        }
        planned.claimed = claimed;
      }
    } catch (error) {
      for (const planned of reserved) {
        await objects.releaseNext(planned.record);
        await releaseClaims(this.scope, planned.record.idKey, planned.claimed);
      }
      throw error;
    }
    for (const planned of reserved) {
      if (planned.skip) await objects.releaseNext(planned.record);
      else await this.write(objects, previous, next, planned);
    }
    await this.convertStragglers(objects, previous, next, owner);
  }

  /** Converts objects created while the conversion ran (those that conform). */
  private async convertStragglers(objects: ObjectCollection, previous: ContentTypeDefinition, next: ContentTypeDefinition, owner: string): Promise<void> {
    for (let round = 0; round < STRAGGLER_ROUNDS; round++) {
      const stragglers = await objects.find({ 'internal.deletedAt': '', typeVersion: { $ne: next.version } });
      let converted = 0;
      for (const record of stragglers) {
        const current = await this.reserveOrSkip(objects, record, owner, next.version);
        if (!current) continue;
        const result = this.convert(previous, next, current);
        if ('problems' in result) {
          await objects.releaseNext(current); // its creator sees the conversion and undoes it
          continue;
        }
        const values = uniqueValuesOf(this.scope.accountId, next, result.prepared.data);
        const { claimed, conflicts } = await claimUniqueValues(this.scope, next.name, current.idKey, values);
        if (Object.keys(conflicts).length) {
          await objects.releaseNext(current);
          continue;
        }
        await this.write(objects, previous, next, { record: current, prepared: result.prepared, claimed });
        converted++;
      }
      if (converted === 0) return;
    }
  }

  /**
   * Claims the next version of an object for the conversion; waits while another writer holds it
   * (it writes or gives it back; a claim of a writer that died is taken over after 15 s). Null when
   * the object is gone or already converted (by another run).
   */
  private async reserve(objects: ObjectCollection, record: ContentObjectRecord, owner: string, toVersion: number): Promise<ContentObjectRecord | null> {
    let current = record;
    const deadline = Date.now() + RESERVE_WAIT_MS;
    for (let attempt = 0; ; attempt++) {
      if (await objects.claimNext(current, owner)) return current;
      // The first refusal may only mean the read is too old to claim from: read again at once.
      if (attempt > 0) await pause(20);
      const now = await objects.findById(current.idKey);
      if (!now || !isLive(now) || now.typeVersion === toVersion) return null;
      if (Date.now() > deadline) throw errors.refused([CONVERSION_BLOCKED_REASON]);
      current = now;
    }
  }

  /** `reserve`, but an object held too long by another writer is left as it is (once objects were written, a conversion only goes forward). */
  private async reserveOrSkip(objects: ObjectCollection, record: ContentObjectRecord, owner: string, toVersion: number): Promise<ContentObjectRecord | null> {
    try {
      return await this.reserve(objects, record, owner, toVersion);
    } catch (error) {
      if (!isAppError(error)) throw error;
      this.log(`conversion to version ${toVersion} in ${this.scope.accountId}: object ${record.id} stayed held by another writer, left as it is`);
      return null;
    }
  }

  private convert(
    previous: ContentTypeDefinition,
    next: ContentTypeDefinition,
    record: ContentObjectRecord,
  ): { prepared: PreparedWrite } | { problems: FieldErrors } {
    const converted = convertForNewDefinition(previous, next, propertiesOfObject(toContentObject(record)));
    const problems = this.validate(next, converted);
    if (Object.keys(problems).length) return { problems };
    return { prepared: prepareWrite(next, record.id, converted) };
  }

  /** Writes one reserved object as its converted next version, then releases the unique claims it no longer needs. */
  private async write(objects: ObjectCollection, previous: ContentTypeDefinition, next: ContentTypeDefinition, planned: Planned): Promise<void> {
    const { record, prepared } = planned;
    if (!(await objects.writeReserved(record, { ...storedFields(prepared), typeVersion: next.version }))) return; // another run wrote it
    const kept = new Set(uniqueValuesOf(this.scope.accountId, next, prepared.data).map((value) => value.claimId));
    const old = uniqueValuesOf(this.scope.accountId, previous, propertiesOfObject(toContentObject(record)));
    await releaseClaims(this.scope, record.idKey, old.map((value) => value.claimId).filter((claimId) => !kept.has(claimId)));
  }
}
