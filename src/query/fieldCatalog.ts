import {
  propertiesOf,
  type ContentTypeDefinitionInput,
  type JsonSchemaNode,
  type PropertyConfig,
} from '../content-types/contentTypeDefinition';
import { objectTitleSources } from '../content-objects/objectTitle';
import { readSources } from '../content-objects/readSources';

/**
 * The field catalog of a CTD: every path a client may filter or order by, with the kind of value it
 * holds, where it lives in storage and which CTD property it reads. Filters and ordering are built
 * only from entries of this catalog (an allowlist), never from client-supplied paths.
 */

/** The kind of value a catalog path holds; it decides which filter operators apply. */
export type FieldKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'date'
  | 'relation'
  | 'stringArray'
  | 'objectList'
  | 'geo'
  | 'block'
  | 'object';

/** How a `date` path stores its value. */
export type DateFormat =
  /** `internal.*` timestamps: `YYYY-MM-DDTHH:mm:ss+00:00`. */
  | 'flotiq'
  /** The `dateTime` input: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  | 'dateTime';

/** One filterable/sortable path of a CTD. */
export interface CatalogField {
  /** The path as clients write it: `title`, `internal.createdAt`, `categories[*].dataUrl`, `sections[*].heading`, `location.lat`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** The dotted MongoDB path in the stored document, e.g. `data.categories.dataUrl`. */
  readonly storagePath: string;
  /** The CTD top-level property this path reads; null for `id` and `internal.*`. */
  readonly property: string | null;
  /**
   * The CTD properties whose read right using this path needs, i.e. what its value reveals: its
   * property's `readSources` (a slug also reveals the title it is filled from), the properties a
   * derived value derives from (`internal.objectTitle`), or none (`id`, other `internal.*`).
   */
  readonly reveals: readonly string[];
  /**
   * True when the path holds a scalar (or a list of scalars) that value operators and ordering can
   * use; false for whole relation lists, object lists, geo, block and object values, which only
   * support `empty`/`notEmpty`.
   */
  readonly leaf: boolean;
  /** True when one object can hold several values at this path (a list, or a path through `[*]`). */
  readonly many: boolean;
  /** For `date` paths: how the value is stored. */
  readonly dateFormat?: DateFormat;
}

/** Every filterable/sortable path of one CTD, keyed by client path. */
export interface FieldCatalog {
  readonly contentType: string;
  readonly fields: ReadonlyMap<string, CatalogField>;
}

/** Property names that may become storage paths (Flotiq's `[a-zA-Z0-9_]`); anything else is skipped. */
const SAFE_NAME = /^[A-Za-z0-9_]+$/;

const INTERNAL_FIELDS: ReadonlyArray<[string, FieldKind]> = [
  ['createdAt', 'date'],
  ['updatedAt', 'date'],
  ['deletedAt', 'date'],
  ['contentType', 'string'],
  ['objectTitle', 'string'],
  ['latestVersion', 'number'],
  ['status', 'string'],
  ['workflowState', 'string'],
];

/** Builds the catalog of every filterable/sortable path of `ctd` (ids, `internal.*` and all properties, nested ones included). */
export function buildFieldCatalog(ctd: ContentTypeDefinitionInput): FieldCatalog {
  const fields = new Map<string, CatalogField>();
  const add = (field: CatalogField) => fields.set(field.path, field);

  add({ path: 'id', kind: 'string', storagePath: 'id', property: null, reveals: [], leaf: true, many: false });
  for (const [name, kind] of INTERNAL_FIELDS) {
    add({
      path: `internal.${name}`,
      kind,
      storagePath: `internal.${name}`,
      property: null,
      reveals: name === 'objectTitle' ? objectTitleSources(ctd) : [],
      leaf: true,
      many: false,
      ...(kind === 'date' ? { dateFormat: 'flotiq' as const } : {}),
    });
  }

  const configs = ctd.metaDefinition?.propertiesConfig ?? {};
  for (const [name, schema] of Object.entries(propertiesOf(ctd))) {
    const place = { name, schema, config: ownConfig(configs, name), path: '', storage: 'data.', property: name, inList: false };
    addProperty(add, { ...place, reveals: readSources(ctd, name) });
  }
  return { contentType: ctd.name, fields };
}

/**
 * What reading a catalog path reveals, for permission checks: `name` is what a refusal may call it
 * (the top-level property, or the client's own path for a derived value, never the hidden sources),
 * `properties` the CTD properties the key must be able to read (`CatalogField.reveals`). Undefined
 * for `id` and plain `internal.*` paths, which reveal no property.
 */
export interface FieldRead {
  readonly name: string;
  readonly properties: readonly string[];
}

/** Decides what reading `field` reveals (see `FieldRead`). */
export function fieldRead(field: CatalogField): FieldRead | undefined {
  if (field.reveals.length === 0) return undefined;
  return { name: field.property ?? field.path, properties: field.reveals };
}

/** The catalog entry for a client path, or undefined when the path is not filterable. */
export function lookupField(catalog: FieldCatalog, path: string): CatalogField | undefined {
  return catalog.fields.get(path);
}

interface PropertyPlace {
  name: string;
  schema: JsonSchemaNode | undefined;
  config: PropertyConfig | undefined;
  /** Client path prefix, e.g. `sections[*].`. */
  path: string;
  /** Storage path prefix, e.g. `data.sections.`. */
  storage: string;
  property: string;
  reveals: readonly string[];
  inList: boolean;
}

function addProperty(add: (field: CatalogField) => void, place: PropertyPlace): void {
  if (!SAFE_NAME.test(place.name)) return;
  const kind = kindOf(place.config, place.schema);
  const path = place.path + place.name;
  const storagePath = place.storage + place.name;
  const base = { path, kind, storagePath, property: place.property, reveals: place.reveals };
  switch (kind) {
    case 'string':
    case 'number':
    case 'boolean':
      add({ ...base, leaf: true, many: place.inList });
      return;
    case 'date':
      add({ ...base, leaf: true, many: place.inList, dateFormat: 'dateTime' });
      return;
    case 'stringArray':
      add({ ...base, leaf: true, many: true });
      return;
    case 'relation':
      add({ ...base, leaf: false, many: true });
      add({ ...base, path: `${path}[*].dataUrl`, storagePath: `${storagePath}.dataUrl`, leaf: true, many: true });
      return;
    case 'geo':
      add({ ...base, leaf: false, many: place.inList });
      for (const axis of ['lat', 'lon']) {
        add({ ...base, kind: 'number', path: `${path}.${axis}`, storagePath: `${storagePath}.${axis}`, leaf: true, many: place.inList });
      }
      return;
    case 'objectList': {
      add({ ...base, leaf: false, many: true });
      const nestedConfigs = place.config?.items?.propertiesConfig ?? {};
      for (const [name, schema] of Object.entries(place.schema?.items?.properties ?? {})) {
        addProperty(add, {
          name,
          schema,
          config: ownConfig(nestedConfigs, name),
          path: `${path}[*].`,
          storage: `${storagePath}.`,
          property: place.property,
          reveals: place.reveals,
          inList: true,
        });
      }
      return;
    }
    case 'block':
    case 'object':
      add({ ...base, leaf: false, many: place.inList });
      return;
  }
}

/** Decides a property's kind from its `inputType`, falling back to its JSON schema type. */
function kindOf(config: PropertyConfig | undefined, schema: JsonSchemaNode | undefined): FieldKind {
  switch (config?.inputType) {
    case 'text':
    case 'textarea':
    case 'textMarkdown':
    case 'richtext':
    case 'email':
    case 'radio':
      return 'string';
    case 'select':
      return config.multiple === true || schema?.type === 'array' ? 'stringArray' : 'string';
    case 'simpleList':
      return 'stringArray';
    case 'dateTime':
      return 'date';
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
    default:
      return kindOfSchema(schema);
  }
}

function kindOfSchema(schema: JsonSchemaNode | undefined): FieldKind {
  const type = Array.isArray(schema?.type) ? schema?.type.find((t) => t !== 'null') : schema?.type;
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      if (schema?.items?.type === 'string') return 'stringArray';
      if (schema?.items?.$ref?.endsWith('/DataSource')) return 'relation';
      return 'objectList';
    default:
      return 'object';
  }
}

function ownConfig(configs: Record<string, PropertyConfig>, name: string): PropertyConfig | undefined {
  return Object.hasOwn(configs, name) ? configs[name] : undefined;
}
