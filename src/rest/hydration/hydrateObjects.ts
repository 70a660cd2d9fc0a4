import type { ContentObject } from '../../content-objects/contentObject';
import type { ContentTypeDefinition } from '../../content-types/contentTypeDefinition';
import { idKeyOf } from '../../content-objects/objectIds';
import { loadObjects } from '../../operations/contentOperations';
import type { OperationContext } from '../../operations/operationContext';
import type { HydrationDepth } from './parseHydrate';
import { relationSlots, type RelationSlot } from './relationSlots';

/**
 * Expands relation references into the related objects, `depth` levels deep (spec §2.3), in place.
 * Each level makes ONE `loadObjects` call per related type (batched over every object of the level);
 * that operation returns nothing for types the key cannot read and trims what it returns to the
 * key's readable fields, so an unreadable relation simply stays a reference. Objects loaded at one
 * level are the ones expanded at the next; each level's objects are fresh, so no cycles can form.
 */
export async function hydrateObjects(
  ctx: OperationContext,
  type: string,
  objects: readonly ContentObject[],
  depth: HydrationDepth,
): Promise<void> {
  const definitions = new Map<string, Promise<ContentTypeDefinition | undefined>>();
  const definitionOf = (name: string) => {
    if (!definitions.has(name)) definitions.set(name, ctx.content.objects.definition(name));
    return definitions.get(name)!;
  };

  let frontier = objects.map((object) => ({ type, object }));
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const slots: RelationSlot[] = [];
    for (const { type: objectType, object } of frontier) {
      const ctd = await definitionOf(objectType);
      if (ctd) slots.push(...relationSlots(ctd, object));
    }
    const loaded = await loadByType(ctx, slots);
    const next = new Map<ContentObject, string>();
    for (const slot of slots) {
      const related = loaded.get(slot.type)?.get(idKeyOf(slot.id));
      if (!related) continue;
      ctx.budget?.charge(1);
      slot.list[slot.index] = related;
      next.set(related, slot.type);
    }
    frontier = [...next].map(([object, objectType]) => ({ type: objectType, object }));
  }
}

/** The related objects of every slot: one `loadObjects` call per type, keyed by id key. */
async function loadByType(ctx: OperationContext, slots: readonly RelationSlot[]): Promise<Map<string, Map<string, ContentObject>>> {
  const idsByType = new Map<string, Set<string>>();
  for (const slot of slots) {
    const ids = idsByType.get(slot.type) ?? new Set<string>();
    ids.add(idKeyOf(slot.id));
    idsByType.set(slot.type, ids);
  }
  const entries = await Promise.all(
    [...idsByType].map(async ([type, ids]) => [type, await loadObjects(ctx, type, [...ids])] as const),
  );
  return new Map(entries);
}
