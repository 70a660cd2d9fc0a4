import type { Database } from './database';
import type { ApiKeyRecord } from './models/apiKeyModel';
import type { AuditRecord } from './models/auditRecordModel';
import type { ContentObjectRecord } from './models/contentObjectModel';
import type { ContentTypeRecord } from './models/contentTypeModel';
import type { UniqueClaimRecord } from './models/uniqueClaimModel';
import { ScopedCollection } from './scopedCollection';

/**
 * Everything one account may touch in the database. Services receive an `AccountScope`, never the
 * models, so no code path can read or write another account's data.
 */
export class AccountScope {
  readonly contentTypes: ScopedCollection<ContentTypeRecord>;
  readonly contentObjects: ScopedCollection<ContentObjectRecord>;
  readonly uniqueClaims: ScopedCollection<UniqueClaimRecord>;
  readonly apiKeys: ScopedCollection<ApiKeyRecord>;
  readonly auditRecords: ScopedCollection<AuditRecord>;

  constructor(
    database: Database,
    readonly accountId: string,
  ) {
    if (!accountId) throw new Error('An account scope needs an account id');
    this.contentTypes = new ScopedCollection(database.models.contentTypes, accountId);
    this.contentObjects = new ScopedCollection(database.models.contentObjects, accountId);
    this.uniqueClaims = new ScopedCollection(database.models.uniqueClaims, accountId);
    this.apiKeys = new ScopedCollection(database.models.apiKeys, accountId);
    this.auditRecords = new ScopedCollection(database.models.auditRecords, accountId);
  }
}
