import type { ContentTypeDefinitionInput, PropertyConfig } from '../../content-types/contentTypeDefinition';
import { parseDataUrl } from '../../content-objects/dataUrl';
import { isPlainObject } from '../../query/plainObject';

/** One relation reference inside an object: where it sits, and what it points at. */
export interface RelationSlot {
  /** The relation array holding the reference (replaced in place when hydrated). */
  list: unknown[];
  index: number;
  type: string;
  id: string;
}

/**
 * Finds every relation reference `{dataUrl, type}` of an object, guided by its CTD: the
 * `datasource` properties at the top level and inside object lists (at any nesting). Values that do
 * not parse as `/api/v1/content/{type}/{id}` are not slots (they stay as they are).
 */
export function relationSlots(ctd: Pick<ContentTypeDefinitionInput, 'metaDefinition'>, object: Record<string, unknown>): RelationSlot[] {
  const slots: RelationSlot[] = [];
  collect(ctd.metaDefinition?.propertiesConfig, object, slots);
  return slots;
}

function collect(configs: Record<string, PropertyConfig> | undefined, holder: Record<string, unknown>, slots: RelationSlot[]): void {
  for (const [property, config] of Object.entries(configs ?? {})) {
    const value = holder[property];
    if (!Array.isArray(value)) continue;
    if (config.inputType === 'datasource') {
      value.forEach((item, index) => {
        const target = isPlainObject(item) ? parseDataUrl(item.dataUrl) : undefined;
        if (target) slots.push({ list: value, index, type: target.type, id: target.id });
      });
    } else if (config.inputType === 'object' && config.items) {
      for (const item of value) if (isPlainObject(item)) collect(config.items.propertiesConfig, item, slots);
    }
  }
}
