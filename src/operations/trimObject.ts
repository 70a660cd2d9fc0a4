import { canPerform, narrowedFields } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import type { ContentObject } from '../content-objects/contentObject';

/**
 * The object without the properties the key may not read: `id` and `internal` stay; a key without
 * read on the type (e.g. create-only, answered after a write) gets only those. Runs for every
 * object of every list, so the type's narrowed fields are looked up once per object.
 */
export function trimObject(permissions: Permissions, type: string, object: ContentObject): ContentObject {
  if (!canPerform(permissions, 'read', type)) return { id: object.id, internal: object.internal };
  const hidden = narrowedFields(permissions, 'read', type);
  if (hidden.size === 0) return object;
  const trimmed = {} as ContentObject;
  for (const key in object) {
    if (!hidden.has(key)) trimmed[key] = object[key];
  }
  return trimmed;
}
