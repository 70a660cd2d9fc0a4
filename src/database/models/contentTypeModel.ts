import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A stored CTD. The definition is kept as JSON text: JSON Schema carries `$ref` keys, which
 * MongoDB-wire servers refuse as field names, and nothing ever queries inside a definition.
 */
export interface ContentTypeRecord {
  _id: string;
  accountId: string;
  name: string;
  label: string;
  internal: boolean;
  definition: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const contentTypeSchema = new Schema<ContentTypeRecord>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    name: { type: String, required: true },
    label: { type: String, required: true },
    internal: { type: Boolean, required: true },
    definition: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { collection: 'content_types', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);
contentTypeSchema.index({ accountId: 1, name: 1 }, { unique: true, name: 'account_name_unique' });

/** Registers the content-type model on a connection. */
export function contentTypeModel(connection: Connection): Model<ContentTypeRecord> {
  return connection.models.ContentType ?? connection.model<ContentTypeRecord>('ContentType', contentTypeSchema);
}
