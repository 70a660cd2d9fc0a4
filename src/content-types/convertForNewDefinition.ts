import {
  propertiesOf,
  type ContentTypeDefinitionInput,
  type JsonSchemaNode,
  type PropertyConfig,
} from './contentTypeDefinition';

/** The parts of a CTD a conversion reads. */
type Definition = Pick<ContentTypeDefinitionInput, 'schemaDefinition' | 'metaDefinition'>;

/** What a property holds, as far as conversion cares; a change of kind triggers a conversion. */
type Kind = 'string' | 'stringList' | 'number' | 'boolean' | 'relation' | 'objectList' | 'geo' | 'block' | 'custom';

interface Level {
  properties: Record<string, JsonSchemaNode>;
  configs: Record<string, PropertyConfig>;
}

interface Field {
  node: JsonSchemaNode;
  config: PropertyConfig | undefined;
}

const ABSENT = Symbol('absent');
type Converted = unknown | typeof ABSENT;

/**
 * Decides what an existing object's data becomes when its CTD is replaced (PUT, spec §1.6), without
 * validating the result (the caller validates it against `newCtd` and refuses the change if it fails):
 * - a property of `oldCtd` missing from `newCtd` (removed or renamed) is stripped;
 * - a property new in `newCtd` is absent, even if the data had a stale value under that name;
 * - keys that are properties of neither definition (e.g. `id`, `internal`) are kept untouched;
 * - a property whose kind did not change keeps its value (text → textarea, radio → select, number/integer,
 *   simpleList ⇄ multiple select); object lists are converted item by item with their nested definitions;
 * - otherwise the new inputType decides: number → 0, checkbox → false, datasource/object → [],
 *   geo → {lat:0,lon:0}, custom → the value unchanged, block → absent; a text-like target gets the
 *   relation dataUrls or list items joined with ", ", "lat: X, lon: Y" for geo, `String(x)` for a
 *   number or boolean, and is absent otherwise; simpleList/multiple select gets [text] (or [] for ""),
 *   the relation dataUrls, or [].
 * The input is never mutated; unchanged values are shared with it, not copied.
 */
export function convertForNewDefinition(
  oldCtd: Definition,
  newCtd: Definition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const before = levelOf(propertiesOf(oldCtd), oldCtd.metaDefinition?.propertiesConfig);
  const after = levelOf(propertiesOf(newCtd), newCtd.metaDefinition?.propertiesConfig);
  return convertRecord(before, after, data);
}

function convertRecord(before: Level, after: Level, record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const wasProperty = Object.hasOwn(before.properties, key);
    const isProperty = Object.hasOwn(after.properties, key);
    let value: Converted = record[key];
    if (wasProperty && isProperty) value = convertValue(fieldOf(before, key), fieldOf(after, key), value);
    else if (wasProperty || isProperty) value = ABSENT;
    // defineProperty keeps even a `__proto__` key an ordinary own property.
    if (value !== ABSENT)
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function convertValue(from: Field, to: Field, value: unknown): Converted {
  const fromKind = kindOf(from);
  const toKind = kindOf(to);
  if (fromKind === toKind) return toKind === 'objectList' ? convertList(from, to, value) : value;
  switch (toKind) {
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'relation':
    case 'objectList':
      return [];
    case 'geo':
      return { lat: 0, lon: 0 };
    case 'custom':
      return value;
    case 'block':
      return ABSENT;
    case 'string':
      return toText(fromKind, value);
    case 'stringList':
      return toStringList(fromKind, value);
  }
}

function toText(fromKind: Kind, value: unknown): Converted {
  if (fromKind === 'relation') return Array.isArray(value) ? dataUrlsOf(value).join(', ') : ABSENT;
  if (fromKind === 'stringList')
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : ABSENT;
  if (fromKind === 'geo' && isRecord(value) && typeof value.lat === 'number' && typeof value.lon === 'number') {
    return `lat: ${value.lat}, lon: ${value.lon}`;
  }
  if ((fromKind === 'number' && typeof value === 'number') || (fromKind === 'boolean' && typeof value === 'boolean')) {
    return String(value);
  }
  return ABSENT;
}

function toStringList(fromKind: Kind, value: unknown): unknown[] {
  if (fromKind === 'string' && typeof value === 'string') return value === '' ? [] : [value];
  if (fromKind === 'relation' && Array.isArray(value)) return dataUrlsOf(value);
  return [];
}

function convertList(from: Field, to: Field, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const before = levelOf(from.node.items?.properties, from.config?.items?.propertiesConfig);
  const after = levelOf(to.node.items?.properties, to.config?.items?.propertiesConfig);
  return value.map((item) => (isRecord(item) ? convertRecord(before, after, item) : item));
}

function kindOf(field: Field): Kind {
  switch (field.config?.inputType) {
    case 'number':
      return 'number';
    case 'checkbox':
      return 'boolean';
    case 'datasource':
      return 'relation';
    case 'object':
      return 'objectList';
    case 'geo':
      return 'geo';
    case 'block':
      return 'block';
    case 'simpleList':
      return 'stringList';
    case 'select':
      return field.config.multiple === true ? 'stringList' : 'string';
    case 'custom':
    case undefined:
      return 'custom';
    default:
      return 'string';
  }
}

function levelOf(
  properties: Record<string, JsonSchemaNode> | undefined,
  configs: Record<string, PropertyConfig> | undefined,
): Level {
  return { properties: properties ?? {}, configs: configs ?? {} };
}

function fieldOf(level: Level, key: string): Field {
  return {
    node: level.properties[key] ?? {},
    config: Object.hasOwn(level.configs, key) ? level.configs[key] : undefined,
  };
}

function dataUrlsOf(items: unknown[]): string[] {
  return items.flatMap((item) => (isRecord(item) && typeof item.dataUrl === 'string' ? [item.dataUrl] : []));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
