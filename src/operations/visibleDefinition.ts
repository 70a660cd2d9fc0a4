import { canUseField, seesEverything } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import { propertiesOf, type ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import { cloneJson } from '../utils/deepClone';

/**
 * The definition of a type as a key may see it: only the properties it may read, create or update
 * (a field it may write it must be able to name; a field it can do nothing with stays unnamed).
 * Keys that see everything get the definition unchanged.
 */
export function visibleDefinition(permissions: Permissions, ctd: ContentTypeDefinition): ContentTypeDefinition {
  if (seesEverything(permissions)) return ctd;
  const usable = (field: string) => (['read', 'create', 'update'] as const).some((action) => canUseField(permissions, action, ctd.name, field));
  const hidden = Object.keys(propertiesOf(ctd)).filter((field) => !usable(field));
  if (hidden.length === 0) return ctd;
  const visible = cloneJson(ctd);
  const properties = visible.schemaDefinition.allOf[1].properties;
  for (const field of hidden) {
    delete properties[field];
    delete visible.metaDefinition.propertiesConfig[field];
  }
  visible.schemaDefinition.required = (visible.schemaDefinition.required ?? []).filter((field) => !hidden.includes(field));
  visible.metaDefinition.order = visible.metaDefinition.order.filter((field) => !hidden.includes(field));
  visible.slugs = (visible.slugs ?? []).filter((rule) => !hidden.includes(rule.source) && !hidden.includes(rule.target));
  return visible;
}
