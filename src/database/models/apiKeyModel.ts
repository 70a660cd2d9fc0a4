import { Schema, type Connection, type Model } from 'mongoose';
import type { KeyKind, KeyRule } from '../../access/permissions';

/**
 * A stored API key. The secret itself is never stored: `hash` is its HMAC (the lookup key) and
 * `encrypted` an AES-GCM copy that only the internal admin side can open to show the key again.
 */
export interface ApiKeyRecord {
  _id: string;
  accountId: string;
  kind: KeyKind;
  name: string;
  hash: string;
  encrypted: string;
  rules: KeyRule[];
  createdAt: string;
  updatedAt: string;
  /** When the key was last used (epoch ms), written at most once per hour per instance. */
  lastUsedAt?: number;
  /** Bumped by every change: writers of one key claim the next version (see `keys/keyWrites.ts`). */
  version?: number;
}

const apiKeySchema = new Schema<ApiKeyRecord>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['rw', 'ro', 'user'] },
    name: { type: String, required: true },
    hash: { type: String, required: true },
    encrypted: { type: String, required: true },
    rules: { type: Schema.Types.Mixed, required: true, default: [] },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    lastUsedAt: { type: Number },
    version: { type: Number },
  },
  { collection: 'api_keys', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false, minimize: false },
);
apiKeySchema.index({ hash: 1 }, { unique: true, name: 'hash_unique' });
apiKeySchema.index({ accountId: 1, kind: 1 }, { name: 'account_kind' });

/** Registers the API-key model on a connection. */
export function apiKeyModel(connection: Connection): Model<ApiKeyRecord> {
  return connection.models.ApiKey ?? connection.model<ApiKeyRecord>('ApiKey', apiKeySchema);
}
