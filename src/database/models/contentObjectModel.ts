import { Schema, type Connection, type Model } from 'mongoose';

/** The `internal` block of a content object as stored (Flotiq date strings, `deletedAt` "" when live). */
export interface StoredInternal {
  contentType: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string;
  objectTitle: string;
  latestVersion: number;
  status: string;
  workflowState: string;
}

/**
 * A stored content object. `_id` is `account/type/idKey` (see `objectLayout.ts`), `data` holds the
 * client's properties (through the storage codec), `idKey` the lower-cased id (ids are
 * case-insensitive in URLs), `refs` every relation target as `type/idKey` so that "is this object
 * referenced?" is one indexed query, `createdSeq` an ObjectId string in creation order (the stable
 * tie-breaker of every ordering), `typeVersion` the CTD version the data has the shape of.
 */
export interface ContentObjectRecord {
  _id: string;
  createdSeq: string;
  accountId: string;
  contentType: string;
  id: string;
  idKey: string;
  data: Record<string, unknown>;
  internal: StoredInternal;
  refs: string[];
  sizeBytes: number;
  /**
   * The version of the content type definition the data was written for (absent on objects written
   * before versions were recorded). A conversion rewrites every object to the new version.
   */
  typeVersion?: number;
}

const internalSchema = new Schema<StoredInternal>(
  {
    contentType: { type: String, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    deletedAt: { type: String, default: '' },
    objectTitle: { type: String, default: '' },
    latestVersion: { type: Number, required: true },
    status: { type: String, default: 'public' },
    workflowState: { type: String, default: 'saved' },
  },
  { _id: false, strict: 'throw' },
);

const contentObjectSchema = new Schema<ContentObjectRecord>(
  {
    _id: { type: String, required: true },
    createdSeq: { type: String, required: true },
    accountId: { type: String, required: true },
    contentType: { type: String, required: true },
    id: { type: String, required: true },
    idKey: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    internal: { type: internalSchema, required: true },
    refs: { type: [String], default: [] },
    sizeBytes: { type: Number, required: true },
    typeVersion: { type: Number },
  },
  {
    collection: 'content_objects',
    versionKey: false,
    strict: 'throw',
    strictQuery: 'throw',
    autoIndex: false,
    minimize: false,
  },
);
// The shared layout's indexes (MongoDB); lookups by id use `_id`. Lists filter on the account,
// the type and `internal.deletedAt` and order by `internal.createdAt` by default.
contentObjectSchema.index({ accountId: 1, refs: 1 }, { name: 'account_refs' });
contentObjectSchema.index(
  { accountId: 1, contentType: 1, 'internal.deletedAt': 1, 'internal.createdAt': 1, createdSeq: 1 },
  { name: 'account_type_live_created' },
);

/** Indexes of earlier versions that the current layout replaces (dropped at start). */
export const RETIRED_OBJECT_INDEXES = ['account_type_id_unique', 'account_type_created'];

/** Registers the content-object model on a connection. */
export function contentObjectModel(connection: Connection): Model<ContentObjectRecord> {
  return connection.models.ContentObject ?? connection.model<ContentObjectRecord>('ContentObject', contentObjectSchema);
}
