/**
 * Property names a CTD may not declare at the top level of its schema (spec §1.3): they collide
 * with the object envelope (`id`, `internal`) or with search-engine metadata fields.
 */
export const RESERVED_PROPERTY_NAMES: readonly string[] = Object.freeze([
  'id',
  '_id',
  '_index',
  '_type',
  '_source',
  '_score',
  '_routing',
  '_version',
  '_shards',
  'objectType',
  'internal',
]);

const reserved = new Set(RESERVED_PROPERTY_NAMES);

/** Whether `name` is reserved, i.e. refused as a top-level property name ("Property name {p} not allowed"). */
export function isReservedPropertyName(name: string): boolean {
  return reserved.has(name);
}

/**
 * Names of `Object.prototype` members (`hasOwnProperty`, `toString`, `constructor`, `__proto__`, …). They
 * are refused as property names on every level and as type names: a plain object read by one of them
 * without an own-property check finds the prototype's member, in our code or in a library's.
 */
const PROTOTYPE_MEMBER_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether `name` is a member of `Object.prototype` (refused as a property or type name anywhere). */
export function isPrototypeMemberName(name: string): boolean {
  return PROTOTYPE_MEMBER_NAMES.has(name);
}
