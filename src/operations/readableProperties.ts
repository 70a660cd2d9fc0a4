import { canReadDerived, narrowedFields } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import { derivedProperties, readSources } from '../content-objects/readSources';
import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';

/**
 * Which property values of a type a key may see: a property's read right alone is not enough when
 * its value reveals other properties (a slug filled from a title); it needs the read right on each
 * of its `readSources`.
 */

/** May the key read the value of `property` of `ctd` (the type, the property and all it reveals)? */
export function canReadProperty(permissions: Permissions, ctd: ContentTypeDefinitionInput, property: string): boolean {
  return canReadDerived(permissions, ctd.name, readSources(ctd, property));
}

const cache = new WeakMap<ContentTypeDefinitionInput, WeakMap<ReadonlySet<string>, ReadonlySet<string>>>();

/**
 * The properties of `ctd` whose values a key that may read the type must not see: those narrowed
 * for read, and those whose value reveals a narrowed one. Empty when nothing is narrowed. Runs for
 * every trimmed object, so it is computed once per type's rights and definition.
 */
export function unreadableProperties(permissions: Permissions, ctd: ContentTypeDefinitionInput): ReadonlySet<string> {
  const narrowed = narrowedFields(permissions, 'read', ctd.name);
  if (narrowed.size === 0) return narrowed;
  const byRights = cache.get(ctd) ?? new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
  cache.set(ctd, byRights);
  let hidden = byRights.get(narrowed);
  if (!hidden) {
    const revealing = [...derivedProperties(ctd)].filter(([, sources]) => sources.some((source) => narrowed.has(source)));
    hidden = revealing.length ? Object.freeze(new Set([...narrowed, ...revealing.map(([property]) => property)])) : narrowed;
    byRights.set(narrowed, hidden);
  }
  return hidden;
}
