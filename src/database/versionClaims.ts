import type { Collection, Db } from 'mongodb';

/** The collection of version claims. */
export const VERSION_CLAIMS_COLLECTION = 'object_versions';

/** A claim older than this belongs to a writer that died between claiming and writing: it is taken over. */
export const STALE_CLAIM_MS = 15_000;

interface VersionClaim {
  _id: string;
  at: number;
}

/**
 * Compare-and-set for object writes without transactions. FerretDB 1.x applies a conditional
 * update (`{_id, latestVersion: v}`) without atomicity: concurrent writers of one object can all
 * match and all write (measured: up to 8 of 10). An insert of a unique `_id` is atomic everywhere,
 * so a writer that read version `v` of an object first inserts the claim `<object>#<v+1>`; only one
 * writer of that version can, and only it writes the object. The claim of the version before is
 * then deleted, so one claim per object remains. A claim whose writer died (older than
 * `STALE_CLAIM_MS`) is taken over.
 */
export class VersionClaims {
  private readonly collection: Collection<VersionClaim>;

  constructor(db: Db) {
    this.collection = db.collection<VersionClaim>(VERSION_CLAIMS_COLLECTION);
  }

  /** Claims version `version` of the object incarnation `object`; false when another writer holds it. */
  async claim(object: string, version: number): Promise<boolean> {
    const id = claimId(object, version);
    try {
      await this.collection.insertOne({ _id: id, at: Date.now() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const held = await this.collection.findOne({ _id: id });
    if (held && Date.now() - held.at < STALE_CLAIM_MS) return false;
    if (held) await this.collection.deleteOne({ _id: id, at: held.at });
    try {
      await this.collection.insertOne({ _id: id, at: Date.now() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  /** Removes the claim of a version (superseded, or a write that did not happen). */
  async release(object: string, version: number): Promise<void> {
    await this.collection.deleteOne({ _id: claimId(object, version) });
  }
}

function claimId(object: string, version: number): string {
  return `${object}#${version}`;
}
