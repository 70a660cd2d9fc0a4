import { hasFieldRestrictions, canUseField } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import type { ContentObject } from '../content-objects/contentObject';

/** The object without the properties the key may not read (`id` and `internal` stay). */
export function trimObject(permissions: Permissions, type: string, object: ContentObject): ContentObject {
  if (!hasFieldRestrictions(permissions, 'read', type)) return object;
  const trimmed: ContentObject = { id: object.id, internal: object.internal };
  for (const [key, value] of Object.entries(object)) {
    if (key === 'id' || key === 'internal') continue;
    if (canUseField(permissions, 'read', type, key)) trimmed[key] = value;
  }
  return trimmed;
}
