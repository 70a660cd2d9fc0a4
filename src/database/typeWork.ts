import type { Collection, Db } from 'mongodb';
import { VersionClaims } from './versionClaims';

/** The collection of work under way on content types (small: one document per type being changed). */
export const TYPE_WORK_COLLECTION = 'content_type_work';

/** A conversion under way refreshes its record this often. */
export const WORK_HEARTBEAT_MS = 2_000;
/**
 * A record not refreshed for this long belongs to a process that died: a conversion is resumed by
 * whoever notices, a delete or purge record is ignored and may be taken over.
 */
export const WORK_STALE_MS = 30_000;
/** A delete or purge that took longer than this since its record was written gives up instead of acting. */
export const WORK_DEADLINE_MS = 15_000;

/** What is being done to a type: its objects converted for a new definition, the type deleted, its objects purged. */
export type WorkKind = 'convert' | 'delete' | 'purge';

/**
 * One piece of work on one account's type, `_id` `<account>/<type>`: written before the work
 * starts, removed when it is done. Object writes of the type read it (one `_id` read) and wait
 * while a conversion or a delete is under way; reference checks read it for purges. A conversion
 * record names everything needed to resume it: the definitions before and after.
 */
export interface TypeWorkRecord {
  _id: string;
  accountId: string;
  type: string;
  kind: WorkKind;
  /** When the work started, or (conversions) last said it is alive (ms). */
  at: number;
  startedAt: number;
  /** Conversions: the CTD version converted from and to, and both definitions as JSON. */
  fromVersion?: number;
  toVersion?: number;
  previous?: string;
  next?: string;
}

/** The fields a caller gives when starting work. */
export type NewTypeWork = Pick<TypeWorkRecord, 'kind' | 'fromVersion' | 'toVersion' | 'previous' | 'next'>;

/** Whether a work record is still alive (refreshed within `WORK_STALE_MS`). */
export function isFresh(work: TypeWorkRecord, now = Date.now()): boolean {
  return now - work.at < WORK_STALE_MS;
}

/**
 * The work records of one account. Starting work is an insert of the type's `_id` (atomic on
 * FerretDB, unlike conditional updates), so at most one piece of work runs on a type; a stale
 * delete or purge record is taken over through a token claimed for that very record.
 */
export class TypeWork {
  private readonly collection: Collection<TypeWorkRecord>;

  constructor(
    private readonly db: Db,
    readonly accountId: string,
  ) {
    this.collection = db.collection<TypeWorkRecord>(TYPE_WORK_COLLECTION);
  }

  /** The `_id` of a type's work record. */
  id(type: string): string {
    return `${this.accountId}/${type}`;
  }

  /** The work under way on a type, or null. */
  async get(type: string): Promise<TypeWorkRecord | null> {
    const found = await this.collection.findOne({ _id: this.id(type) });
    return found && found.accountId === this.accountId ? found : null;
  }

  /** Every piece of work under way in this account. */
  async all(): Promise<TypeWorkRecord[]> {
    return this.collection.find({ accountId: this.accountId }).toArray();
  }

  /**
   * Starts work on a type: the record written, or the record of the work already under way (a
   * stale delete or purge is taken over by one of those who try).
   */
  async begin(type: string, work: NewTypeWork): Promise<{ started: TypeWorkRecord } | { held: TypeWorkRecord }> {
    for (let attempt = 0; ; attempt++) {
      const now = Date.now();
      const record: TypeWorkRecord = { ...work, _id: this.id(type), accountId: this.accountId, type, at: now, startedAt: now };
      try {
        await this.collection.insertOne(record);
        return { started: record };
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      const held = await this.get(type);
      if (!held) {
        if (attempt < 3) continue; // removed meanwhile
        throw new Error(`work on ${record._id} could not be started`);
      }
      if (held.kind === 'convert' || isFresh(held) || attempt >= 3) return { held };
      const token = `work/${held._id}/${held.at}`;
      if (!(await new VersionClaims(this.db).claim(token, 1, undefined, async () => false))) return { held };
      await this.collection.deleteOne({ _id: held._id, at: held.at });
    }
  }

  /** Says a conversion is alive. */
  async heartbeat(type: string, toVersion: number): Promise<void> {
    await this.collection.updateOne({ _id: this.id(type), kind: 'convert', toVersion }, { $set: { at: Date.now() } });
  }

  /** Removes a finished piece of work (only the one described: a later one keeps its record). */
  async end(type: string, work: Pick<TypeWorkRecord, 'kind'> & Partial<Pick<TypeWorkRecord, 'startedAt' | 'toVersion'>>): Promise<void> {
    const filter: Record<string, unknown> = { _id: this.id(type), kind: work.kind };
    if (work.startedAt !== undefined) filter.startedAt = work.startedAt;
    if (work.toVersion !== undefined) filter.toVersion = work.toVersion;
    await this.collection.deleteOne(filter as never);
  }

  /** Every piece of work under way in the database (resumed at start). */
  static async everything(db: Db): Promise<TypeWorkRecord[]> {
    return db.collection<TypeWorkRecord>(TYPE_WORK_COLLECTION).find({}).toArray();
  }

  /** Removes a stale delete or purge record (at start; such records are ignored anyway). */
  static async removeStale(db: Db, work: TypeWorkRecord): Promise<void> {
    await db.collection<TypeWorkRecord>(TYPE_WORK_COLLECTION).deleteOne({ _id: work._id, at: work.at });
  }
}
