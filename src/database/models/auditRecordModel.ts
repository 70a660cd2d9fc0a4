import { Schema, type Connection, type Model } from 'mongoose';

/** One change to an account's keys: what, which key, when, by whom. Never a secret. */
export interface AuditRecord {
  _id: string;
  accountId: string;
  at: string;
  action: string;
  keyId: string | null;
  keyName: string | null;
  actor: string;
}

const auditRecordSchema = new Schema<AuditRecord>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    at: { type: String, required: true },
    action: { type: String, required: true },
    keyId: { type: String, default: null },
    keyName: { type: String, default: null },
    actor: { type: String, required: true },
  },
  { collection: 'audit_records', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);
auditRecordSchema.index({ accountId: 1, at: -1 }, { name: 'account_at' });

/** Registers the audit-record model on a connection. */
export function auditRecordModel(connection: Connection): Model<AuditRecord> {
  return connection.models.AuditRecord ?? connection.model<AuditRecord>('AuditRecord', auditRecordSchema);
}
