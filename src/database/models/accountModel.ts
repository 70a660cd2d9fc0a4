import { Schema, type Connection, type Model } from 'mongoose';

/** An account (tenant): owns content types, objects and keys. */
export interface AccountRecord {
  _id: string;
  name: string;
  plan: string;
  createdAt: Date;
}

const accountSchema = new Schema<AccountRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    plan: { type: String, required: true, default: 'free' },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'accounts', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);

/** Registers the account model on a connection. */
export function accountModel(connection: Connection): Model<AccountRecord> {
  return connection.models.Account ?? connection.model<AccountRecord>('Account', accountSchema);
}
