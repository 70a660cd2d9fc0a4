import { canPerform, canReadDerived } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import type { ContentObject, ObjectInternal } from '../content-objects/contentObject';
import { objectTitleSources } from '../content-objects/objectTitle';
import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';
import { unreadableProperties } from './readableProperties';

/**
 * The object without what the key may not read: properties it may not read, or whose value reveals
 * one it may not read (a slug of a hidden title), are dropped, and so is `internal.objectTitle`
 * unless the key may read every field the title derives from. `id` and the rest of `internal`
 * stay; a key without read on the type (e.g. create-only, answered after a write) gets only those.
 * Runs for every object of every list, so the type's hidden properties are looked up once per object.
 */
export function trimObject(permissions: Permissions, ctd: ContentTypeDefinitionInput, object: ContentObject): ContentObject {
  const type = ctd.name;
  const titleReadable = canReadDerived(permissions, type, objectTitleSources(ctd));
  const internal = titleReadable ? object.internal : withoutTitle(object.internal);
  if (!canPerform(permissions, 'read', type)) return { id: object.id, internal };
  const hidden = unreadableProperties(permissions, ctd);
  if (hidden.size === 0) return titleReadable ? object : { ...object, internal };
  const trimmed = {} as ContentObject;
  for (const key in object) {
    if (!hidden.has(key)) trimmed[key] = object[key];
  }
  trimmed.internal = internal;
  return trimmed;
}

function withoutTitle(internal: ObjectInternal): ObjectInternal {
  const { objectTitle: _hidden, ...rest } = internal;
  return rest;
}
