import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A claim on one value of a `unique` field. The `_id` is derived from account, type, field and
 * value, so the database's always-present unique `_id` index enforces uniqueness without partial
 * indexes (which FerretDB lacks) and without transactions.
 */
export interface UniqueClaimRecord {
  _id: string;
  accountId: string;
  contentType: string;
  field: string;
  ownerIdKey: string;
  /** When the claim was made (ms); a claim of an owner that does not hold the value is taken over only once old. */
  at?: number;
}

const uniqueClaimSchema = new Schema<UniqueClaimRecord>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    contentType: { type: String, required: true },
    field: { type: String, required: true },
    ownerIdKey: { type: String, required: true },
    at: { type: Number },
  },
  { collection: 'unique_claims', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);
uniqueClaimSchema.index({ accountId: 1, contentType: 1, ownerIdKey: 1 }, { name: 'account_type_owner' });

/** Registers the unique-claim model on a connection. */
export function uniqueClaimModel(connection: Connection): Model<UniqueClaimRecord> {
  return connection.models.UniqueClaim ?? connection.model<UniqueClaimRecord>('UniqueClaim', uniqueClaimSchema);
}
