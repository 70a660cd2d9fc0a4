import type { Database } from './database';
import type { ApiKeyRecord } from './models/apiKeyModel';
import type { AuditRecord } from './models/auditRecordModel';
import type { ContentTypeRecord } from './models/contentTypeModel';
import type { UniqueClaimRecord } from './models/uniqueClaimModel';
import { ObjectCollection } from './objectCollection';
import { ScopedCollection } from './scopedCollection';
import { TypeWork } from './typeWork';
import { VersionClaims } from './versionClaims';

/**
 * Everything one account may touch in the database. Services receive an `AccountScope`, never the
 * models, so no code path can read or write another account's data.
 */
export class AccountScope {
  readonly contentTypes: ScopedCollection<ContentTypeRecord>;
  readonly uniqueClaims: ScopedCollection<UniqueClaimRecord>;
  readonly apiKeys: ScopedCollection<ApiKeyRecord>;
  readonly auditRecords: ScopedCollection<AuditRecord>;

  constructor(
    private readonly database: Database,
    readonly accountId: string,
  ) {
    if (!accountId) throw new Error('An account scope needs an account id');
    this.contentTypes = new ScopedCollection(database.models.contentTypes, accountId);
    this.uniqueClaims = new ScopedCollection(database.models.uniqueClaims, accountId);
    this.apiKeys = new ScopedCollection(database.models.apiKeys, accountId);
    this.auditRecords = new ScopedCollection(database.models.auditRecords, accountId);
  }

  /** Compare-and-set claims for this account's versioned records (content type definitions). */
  versionClaims(): VersionClaims {
    return new VersionClaims(this.database.connection.db!);
  }

  /** Work under way on this account's content types (conversions, deletes, purges). */
  typeWork(): TypeWork {
    return new TypeWork(this.database.connection.db!, this.accountId);
  }

  /** This account's objects of one content type. */
  objects(type: string): ObjectCollection {
    return this.database.objects(this.accountId, type);
  }
}
