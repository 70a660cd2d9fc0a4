import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A change mark: "topic X changed at time T". Instances poll these to invalidate their caches, so a
 * change made on one instance reaches every other instance on the same database within a bound.
 */
export interface ChangeMarkRecord {
  _id: string;
  at: number;
  /** Incremented on every change of the topic. */
  seq: number;
}

const changeMarkSchema = new Schema<ChangeMarkRecord>(
  { _id: { type: String, required: true }, at: { type: Number, required: true }, seq: { type: Number, required: true } },
  { collection: 'change_marks', versionKey: false, strict: 'throw', strictQuery: 'throw', autoIndex: false },
);
changeMarkSchema.index({ at: 1 }, { name: 'at' });

/** Registers the change-mark model on a connection. */
export function changeMarkModel(connection: Connection): Model<ChangeMarkRecord> {
  return connection.models.ChangeMark ?? connection.model<ChangeMarkRecord>('ChangeMark', changeMarkSchema);
}
