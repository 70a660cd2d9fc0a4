import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';

const cache = new WeakMap<ContentTypeDefinitionInput, ReadonlyMap<string, readonly string[]>>();

/**
 * Decides which properties the value of `property` reveals: the property itself, then every source
 * of a slug rule naming it as target (active or not: a stored value may stem from a time the rule
 * was active), followed through chains (a source that is itself a target) and cycles. Reading the
 * value needs the read right on all of them.
 */
export function readSources(ctd: ContentTypeDefinitionInput, property: string): readonly string[] {
  return derivedProperties(ctd).get(property) ?? [property];
}

/**
 * The properties of `ctd` whose value reveals other properties (the targets of its slug rules),
 * each with `readSources` of it. Empty for a CTD without slug rules.
 */
export function derivedProperties(ctd: ContentTypeDefinitionInput): ReadonlyMap<string, readonly string[]> {
  const cached = cache.get(ctd);
  if (cached) return cached;
  const sourcesOf = new Map<string, string[]>();
  for (const { source, target } of ctd.slugs ?? []) {
    if (source !== target) sourcesOf.set(target, [...(sourcesOf.get(target) ?? []), source]);
  }
  const derived = new Map<string, readonly string[]>();
  for (const target of sourcesOf.keys()) {
    const reached = [target];
    for (let i = 0; i < reached.length; i++) {
      for (const source of sourcesOf.get(reached[i]) ?? []) if (!reached.includes(source)) reached.push(source);
    }
    derived.set(target, Object.freeze(reached));
  }
  cache.set(ctd, derived);
  return derived;
}
