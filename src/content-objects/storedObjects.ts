import type { ContentObjectRecord } from '../database/models/contentObjectModel';
import { decodeFromStorage } from '../database/storageCodec';
import type { ContentObject } from './contentObject';

/** The API shape of a stored object: `id`, `internal`, then its properties. */
export function toContentObject(record: ContentObjectRecord): ContentObject {
  const data = decodeFromStorage(record.data) as Record<string, unknown>;
  return { id: record.id, internal: { ...record.internal }, ...data };
}

/** A content object's client properties (everything but `id` and `internal`). */
export function propertiesOfObject(object: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, internal: _internal, ...data } = object;
  return data;
}
