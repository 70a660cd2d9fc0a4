import type { Connection } from 'mongoose';

/**
 * Where content objects live. FerretDB 1.x (SQLite backend) pushes to SQL only a filter that is
 * exactly `{_id}`; any other query reads and decodes every document of its collection. So there each
 * account's type gets its own collection, and a list never reads another type's or account's
 * documents. MongoDB serves compound indexes instead, and thousands of accounts × types must not
 * become as many collections there: one shared collection.
 */
export type ObjectLayout = 'collectionPerType' | 'sharedCollection';

/** The shared collection's name (and the pre-layout collection every migration starts from). */
export const SHARED_OBJECTS_COLLECTION = 'content_objects';

/** Decides the layout: `CONTENT_LAYOUT` when set, else per type on FerretDB and shared on MongoDB. */
export async function detectObjectLayout(connection: Connection, configured?: string): Promise<ObjectLayout> {
  if (configured === 'collectionPerType' || configured === 'sharedCollection') return configured;
  const info = (await connection.db!.admin().command({ buildInfo: 1 })) as Record<string, unknown>;
  return 'ferretdb' in info || 'ferretdbVersion' in info ? 'collectionPerType' : 'sharedCollection';
}

/** The collection holding one account's objects of one type under a layout. */
export function objectCollectionName(layout: ObjectLayout, accountId: string, type: string): string {
  return layout === 'collectionPerType' ? `objects.${accountId}.${type}` : SHARED_OBJECTS_COLLECTION;
}

/** The `_id` of an object: account, type and lower-cased id, so every lookup by id is an `_id` read. */
export function objectDocumentId(accountId: string, type: string, idKey: string): string {
  return `${accountId}/${type}/${idKey}`;
}
