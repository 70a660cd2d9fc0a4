import type { Collection, Db } from 'mongodb';

/** The collection of version claims. */
export const VERSION_CLAIMS_COLLECTION = 'object_versions';

/** A claim older than this belongs to a writer that died between claiming and writing: it may be taken over. */
export const STALE_CLAIM_MS = 15_000;
/** A writer whose read is older than this may not claim (it could race a claim already swept). */
export const MAX_READ_AGE_MS = 30_000;
/** Claims are kept this long after they are made, then swept. */
export const CLAIM_RETENTION_MS = 60_000;

interface VersionClaim {
  _id: string;
  at: number;
  /** Who claimed, when the claimer may come back for it (a content type conversion, resumed after a crash). */
  owner?: string;
}

/** Owners of the claims a content type conversion makes start with this (they never delete). */
export const CONVERSION_OWNER_PREFIX = 'conversion:';

/** The claim owner of the conversion of one account's type to one version (the same for every run of it). */
export function conversionOwner(accountId: string, type: string, toVersion: number): string {
  return `${CONVERSION_OWNER_PREFIX}${accountId}/${type}#${toVersion}`;
}

/** When each process last swept old claims. */
let lastSweepAt = 0;

/**
 * Compare-and-set for object writes without transactions. FerretDB 1.x applies a conditional
 * update (`{_id, latestVersion: v}`) without atomicity: concurrent writers of one object can all
 * match and all write (measured: up to 8 of 10). An insert of a unique `_id` is atomic everywhere,
 * so a writer that read version `v` of an object first inserts the claim `<object>#<v+1>`; only one
 * writer of that version can, and only it writes the object.
 *
 * A claim must outlive every writer that could still try it: claims are kept `CLAIM_RETENTION_MS`
 * and swept after, and a writer whose read is older than `MAX_READ_AGE_MS` may not claim. A claim
 * older than `STALE_CLAIM_MS` whose version never got written (the object is still at the version
 * before) belonged to a writer that died in between, and is taken over.
 */
export class VersionClaims {
  private readonly collection: Collection<VersionClaim>;

  constructor(db: Db) {
    this.collection = db.collection<VersionClaim>(VERSION_CLAIMS_COLLECTION);
  }

  /**
   * Claims version `version` of the object incarnation `object`, read at `readAt`; false when
   * another writer holds it or the read is too old. `unwritten` says whether the object is still
   * at the version before (asked only before taking over an old claim). A claim made with an
   * `owner` is held by every claimer naming the same owner (the runs of one conversion, which write
   * the same thing).
   */
  async claim(
    object: string,
    version: number,
    readAt: number | undefined,
    unwritten: () => Promise<boolean>,
    owner?: string,
  ): Promise<boolean> {
    if (readAt !== undefined && Date.now() - readAt > MAX_READ_AGE_MS) return false;
    void this.sweep();
    const id = claimId(object, version);
    if (await this.insert(id, owner)) return true;
    const held = await this.collection.findOne({ _id: id });
    if (held && owner !== undefined && held.owner === owner) return true;
    if (held && Date.now() - held.at < STALE_CLAIM_MS) return false;
    if (held && !(await unwritten())) return false;
    if (held) await this.collection.deleteOne({ _id: id, at: held.at });
    return this.insert(id, owner);
  }

  /**
   * Whether a writer other than a conversion holds version `version` of `object` and may still
   * write it: a claim younger than `STALE_CLAIM_MS` (callers know the version is not written yet).
   */
  async pending(object: string, version: number): Promise<boolean> {
    const held = await this.collection.findOne({ _id: claimId(object, version) });
    return !!held && Date.now() - held.at < STALE_CLAIM_MS && !held.owner?.startsWith(CONVERSION_OWNER_PREFIX);
  }

  /** Gives a claim back when its write did not happen (nothing else may reuse a version). */
  async release(object: string, version: number): Promise<void> {
    await this.collection.deleteOne({ _id: claimId(object, version) });
  }

  private async insert(id: string, owner?: string): Promise<boolean> {
    try {
      await this.collection.insertOne(owner === undefined ? { _id: id, at: Date.now() } : { _id: id, at: Date.now(), owner });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /** Deletes claims past their retention, at most once a retention period per process. */
  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - lastSweepAt < CLAIM_RETENTION_MS) return;
    lastSweepAt = now;
    await this.collection.deleteMany({ at: { $lt: now - CLAIM_RETENTION_MS } }).catch(() => undefined);
  }
}

function claimId(object: string, version: number): string {
  return `${object}#${version}`;
}
