import type { FieldErrors } from '../errors/appError';
import {
  ABSTRACT_SCHEMA_REF,
  DATA_SOURCE_REF,
  INPUT_TYPES,
  type ContentTypeDefinitionInput,
  type InputType,
  type SlugRule,
} from './contentTypeDefinition';
import { isReservedPropertyName } from './reservedNames';
import { isSystemTypeName } from './systemTypes';

/**
 * Decides whether a CTD payload (POST/PUT body or export file) is acceptable, following spec §1.3–§1.4
 * with Flotiq's messages, and collects every problem rather than the first.
 *
 * Error keys:
 * - Flotiq's documented keys are used verbatim: `name`, `label`, `schemaDefinition.properties` (property
 *   names), `schemaDefinition.allOf`, `schemaDefinition.allOf.0.$ref`, `schemaDefinition.allOf.1.$ref`,
 *   `schemaDefinition.allOf[1].properties.{p}.type`, `metaDefinition.order`, `metaDefinition.propertiesConfig`,
 *   `metaDefinition.propertiesConfig.{p}` (and `.label`, `.inputType`, ...), `slugs[i].source`/`.target`.
 * - Any other path joins object keys with `.` and writes array indexes as `[i]` (JSON Schema validator style).
 * - A nested definition (an `object` list property `p`, or a `custom` property with its own
 *   `propertiesConfig`/`order`) repeats the top-level keys with a longer prefix: for a list,
 *   names `schemaDefinition.properties.{p}.items.properties`, keywords
 *   `schemaDefinition.allOf[1].properties.{p}.items.properties.{q}.type`, meta
 *   `metaDefinition.propertiesConfig.{p}.items.propertiesConfig[.{q}]` and `...{p}.items.order`; for `custom`,
 *   `...properties.{p}.properties` and `metaDefinition.propertiesConfig.{p}.propertiesConfig[.{q}]`/`.order`.
 * - A payload that is not an object at all is reported under `ctd`.
 */

/** What the validator must know about the world, answered by the caller without I/O here. */
export interface CtdValidationContext {
  /** Whether a content type of this name exists. System types and the CTD itself always count as existing. */
  relationTargetExists(name: string): boolean;
  /**
   * POST (true) or PUT (false). No §1.3 rule differs between them here: "This value is already used"
   * needs storage and is the caller's check.
   */
  isCreate: boolean;
  /** Accept a name starting with `_` (system types only); such a CTD comes out `internal: true`. */
  allowSystemName?: boolean;
}

/** The outcome: a normalised deep copy, or Flotiq's `{path: [messages]}` map. */
export type CtdValidationResult = { ok: true; value: ContentTypeDefinitionInput } | { ok: false; errors: FieldErrors };

type Obj = Record<string, unknown>;

const MAX_DEPTH = 40;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const USER_TYPE_NAME = /^[a-z][_a-z]*$/;
const SYSTEM_TYPE_NAME = /^[_a-z]+$/;
const PROPERTY_NAME = /^[a-zA-Z0-9_]+$/;
const INPUT_SUBTYPE = /^[a-z]+$/;
const SCHEMA_TYPES = words('array boolean integer null number object string');
const BLOCK_TYPES = words('paragraph header list image youtubeEmbed quote warning delimiter code table');
const STRING_INPUT_TYPES: ReadonlySet<string> = keys('text textarea textMarkdown richtext email radio dateTime');
const BOOLEAN_CONFIG_KEYS = words('readonly hidden isTitlePart isPassword showTime multiple useOptionsWithLabels');

const TOP_LEVEL_KEYS = keys(
  'name label internal draftPublic workflowId featuredImage slugs schemaDefinition metaDefinition',
);
const IGNORED_TOP_LEVEL_KEYS = keys('id createdAt updatedAt deletedAt');
const SCHEMA_DEFINITION_KEYS = keys('type allOf required additionalProperties');
const META_KEYS = keys('propertiesConfig order');
const CONFIG_KEYS = keys(
  'label inputType inputSubtype unique readonly hidden validation options useOptionsWithLabels optionsWithLabels ' +
    'helpText isTitlePart isPassword showTime multiple blockEditorTypes items propertiesConfig order',
);
const RELATION_KEYS = keys('relationMultiple relationContenttype');
const LABELLED_OPTION_KEYS = keys('value label');
const DATA_SOURCE_KEYS = keys('dataUrl type');
const SLUG_KEYS = keys('source target active');

const m = {
  required: (p: string) => `The property ${p} is required`,
  minLength: 'Must be at least 1 characters long',
  minItems: (n: number) => `There must be a minimum of ${n} items in the array`,
  maxItems: (n: number) => `There must be a maximum of ${n} items in the array`,
  duplicates: 'There are no duplicates allowed in the array',
  enumeration: (values: readonly unknown[]) => `Does not have a value in the enumeration ${JSON.stringify(values)}`,
  pattern: (pattern: string) => `Does not match the regex pattern ${pattern}`,
  notDefined: (p: string) => `The property ${p} is not defined and the definition does not allow additional properties`,
  notValid: 'This value is not valid.',
  forbiddenKey: (key: string) => `Key ${key} is not allowed`,
  notJson: 'This value is not valid JSON',
  tooDeep: `Nesting deeper than ${MAX_DEPTH} levels is not allowed`,
  badRegex: 'This value is not a valid regular expression',
  noProperties: 'You must specify at least one schema property',
  badPropertyName: 'Invalid value. Only a-z, A-Z, 0-9 and _ are allowed',
  reservedName: (p: string) => `Property name ${p} not allowed`,
  notInOrder: (p: string) => `Property name ${p} not existing in the order`,
  notInMeta: (p: string) => `Property name ${p} not existing in meta definition`,
  notInSchema: (p: string) => `Property name ${p} not existing in schema definition`,
  wrongMetaType: (p: string) => `Wrong meta type for type of ${p}`,
  relationTypeMissing: (p: string) => `You have to specify type of relation for ${p}`,
  relationTargetMissing: (t: string, p: string) => `Content type ${t} used in relation of ${p} does not exist`,
  cannotBeUnique: (inputType: string) => `A property of inputType ${inputType} cannot be unique`,
  onlyFor: (key: string, inputType: string) => `The property ${key} is only allowed for inputType ${inputType}`,
  slugRequired: (role: string) => `Slug ${role} is required.`,
  slugFieldMissing: (field: string, role: string) =>
    `Field "${field}" used as slug ${role} does not exist in the type definition.`,
};

/**
 * Validates a CTD payload against spec §1.3 and returns either the normalised value (a deep copy with
 * `required: []`, `draftPublic: false`, `featuredImage: []`, `slugs: []` defaulted; `internal` true
 * only for a `_` name accepted through `allowSystemName`; export-only keys `id`, `createdAt`,
 * `updatedAt`, `deletedAt` dropped; inactive slug rules with a missing field dropped) or every error.
 */
export function validateContentTypeDefinition(input: unknown, context: CtdValidationContext): CtdValidationResult {
  const report = new Report();
  if (!scanJson(input, '', 0, report)) return report.failure();
  if (!isObj(input)) {
    report.add('ctd', typeMessage(input, 'object'));
    return report.failure();
  }
  checkKeys(report, input, TOP_LEVEL_KEYS, '', IGNORED_TOP_LEVEL_KEYS);
  const name = checkName(report, input, context);
  const label = readString(report, input, 'label', '', true);
  if (label === '') report.add('label', m.minLength);
  readBoolean(report, input, 'internal', '');
  readBoolean(report, input, 'draftPublic', '');
  readString(report, input, 'workflowId', '');
  checkFeaturedImage(report, get(input, 'featuredImage'));
  const schema = checkSchemaDefinition(report, get(input, 'schemaDefinition'));
  const meta = checkMetaDefinition(report, get(input, 'metaDefinition'), 'metaDefinition');
  const owner: Owner = { name, context };
  checkProperties(
    report,
    {
      properties: schema?.properties,
      configs: meta?.configs,
      order: meta?.order,
      schemaPath: 'schemaDefinition.allOf[1].properties',
      namesPath: 'schemaDefinition.properties',
      metaPath: 'metaDefinition',
      topLevel: true,
    },
    owner,
  );
  const slugs = checkSlugs(report, get(input, 'slugs'), schema?.properties);
  if (!report.isEmpty()) return report.failure();
  const internal = context.allowSystemName === true && name!.startsWith('_');
  return { ok: true, value: normalise(input, internal, slugs) };
}

/** The validated pieces the checks below pass on (undefined when that part is unusable). */
interface Scope {
  properties?: Obj;
  configs?: Obj;
  order?: string[];
  /** Prefix of property schema nodes: `${schemaPath}.${p}`. */
  schemaPath: string;
  /** Key for property-name errors. */
  namesPath: string;
  /** Prefix of `propertiesConfig` and `order`. */
  metaPath: string;
  /** Reserved names apply only at the top level. */
  topLevel: boolean;
}

interface Owner {
  name: string | undefined;
  context: CtdValidationContext;
}

// ---- structure ---------------------------------------------------------------------------------

class Report {
  private readonly messages = new Map<string, string[]>();

  add(path: string, message: string): void {
    const list = this.messages.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    this.messages.set(path, list);
  }

  isEmpty(): boolean {
    return this.messages.size === 0;
  }

  failure(): { ok: false; errors: FieldErrors } {
    // fromEntries defines own properties, so even a `__proto__` path stays a plain key.
    return { ok: false, errors: Object.fromEntries(this.messages) };
  }
}

/** Refuses prototype keys and non-JSON values anywhere; false when nesting is too deep to walk safely. */
function scanJson(value: unknown, path: string, depth: number, report: Report): boolean {
  const here = path || 'ctd';
  if (depth > MAX_DEPTH) {
    report.add(here, m.tooDeep);
    return false;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) report.add(here, m.notJson);
    return true;
  }
  let walkable = true;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walkable = scanJson(item, `${path}[${i}]`, depth + 1, report) && walkable;
    });
    return walkable;
  }
  if (!isObj(value)) {
    report.add(here, m.notJson);
    return true;
  }
  for (const key of Object.keys(value)) {
    const childPath = join(path, key);
    if (FORBIDDEN_KEYS.has(key)) report.add(childPath, m.forbiddenKey(key));
    else if (value[key] !== undefined) walkable = scanJson(value[key], childPath, depth + 1, report) && walkable;
  }
  return walkable;
}

function checkName(report: Report, input: Obj, context: CtdValidationContext): string | undefined {
  const name = readString(report, input, 'name', '', true);
  if (name === undefined) return undefined;
  if (name === '') {
    report.add('name', m.minLength);
    return undefined;
  }
  if (!(context.allowSystemName ? SYSTEM_TYPE_NAME : USER_TYPE_NAME).test(name)) {
    report.add('name', m.notValid);
    return undefined;
  }
  return name;
}

function checkFeaturedImage(report: Report, value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report.add('featuredImage', typeMessage(value, 'array'));
  value.forEach((item, i) => {
    const path = `featuredImage[${i}]`;
    if (!isObj(item)) return report.add(path, typeMessage(item, 'object'));
    checkKeys(report, item, DATA_SOURCE_KEYS, path);
    readString(report, item, 'dataUrl', path, true);
    const type = get(item, 'type');
    if (type !== undefined && type !== 'internal' && type !== 'external') {
      report.add(`${path}.type`, m.enumeration(['internal', 'external']));
    }
  });
}

function checkSchemaDefinition(report: Report, value: unknown): { properties?: Obj } | undefined {
  const path = 'schemaDefinition';
  if (value === undefined) return void report.add(path, m.required(path));
  if (!isObj(value)) return void report.add(path, typeMessage(value, 'object'));
  checkKeys(report, value, SCHEMA_DEFINITION_KEYS, path);
  const type = get(value, 'type');
  if (type !== undefined && type !== 'object') report.add(`${path}.type`, m.enumeration(['object']));
  const additional = get(value, 'additionalProperties');
  if (additional !== undefined && additional !== false)
    report.add(`${path}.additionalProperties`, m.enumeration([false]));
  const properties = checkAllOf(report, get(value, 'allOf'));
  const required = readStringList(report, get(value, 'required'), `${path}.required`, true) ?? [];
  for (const p of required) {
    if (properties && !Object.hasOwn(properties, p)) report.add(`${path}.required`, m.notInSchema(p));
  }
  return { properties };
}

/** `allOf` = [the abstract `$ref`, the properties object]; returns the properties when usable. */
function checkAllOf(report: Report, allOf: unknown): Obj | undefined {
  const path = 'schemaDefinition.allOf';
  if (allOf === undefined) return void report.add(path, m.required('allOf'));
  if (!Array.isArray(allOf)) return void report.add(path, typeMessage(allOf, 'array'));
  if (allOf.length < 2) report.add(path, m.minItems(2));
  if (allOf.length > 2) report.add(path, m.maxItems(2));

  const [abstract, holder] = allOf as unknown[];
  if (isObj(abstract)) {
    checkKeys(report, abstract, keys('$ref'), `${path}.0`);
    const ref = get(abstract, '$ref');
    if (ref === undefined) report.add(`${path}.0.$ref`, m.required('$ref'));
    else if (ref !== ABSTRACT_SCHEMA_REF) report.add(`${path}.0.$ref`, m.enumeration([ABSTRACT_SCHEMA_REF]));
  } else if (abstract === undefined) report.add(`${path}.0.$ref`, m.required('$ref'));
  else report.add(`${path}.0`, typeMessage(abstract, 'object'));

  if (holder === undefined) return void report.add('schemaDefinition.properties', m.noProperties);
  if (!isObj(holder)) return void report.add(`${path}.1`, typeMessage(holder, 'object'));
  checkKeys(report, holder, keys('type properties'), `${path}.1`);
  const type = get(holder, 'type');
  if (type !== undefined && type !== 'object') report.add(`${path}.1.type`, m.enumeration(['object']));
  const properties = get(holder, 'properties');
  if (properties === undefined) return void report.add('schemaDefinition.properties', m.noProperties);
  if (!isObj(properties)) return void report.add(`${path}.1.properties`, typeMessage(properties, 'object'));
  if (ownKeys(properties).length === 0) report.add('schemaDefinition.properties', m.noProperties);
  return properties;
}

/** A meta definition object (`metaDefinition` or an `object` property's `items`). */
function checkMetaDefinition(
  report: Report,
  value: unknown,
  path: string,
): { configs?: Obj; order?: string[] } | undefined {
  const keyName = path.slice(path.lastIndexOf('.') + 1);
  if (value === undefined) return void report.add(path, m.required(keyName));
  if (!isObj(value)) return void report.add(path, typeMessage(value, 'object'));
  checkKeys(report, value, META_KEYS, path);
  return checkMetaParts(report, value, path);
}

/** `propertiesConfig` and `order` of `holder`, both required. */
function checkMetaParts(report: Report, holder: Obj, path: string): { configs?: Obj; order?: string[] } {
  let configs: Obj | undefined;
  const rawConfigs = get(holder, 'propertiesConfig');
  if (rawConfigs === undefined) report.add(`${path}.propertiesConfig`, m.required('propertiesConfig'));
  else if (!isObj(rawConfigs)) report.add(`${path}.propertiesConfig`, typeMessage(rawConfigs, 'object'));
  else configs = rawConfigs;
  const rawOrder = get(holder, 'order');
  if (rawOrder === undefined) report.add(`${path}.order`, m.required('order'));
  const order = readStringList(report, rawOrder, `${path}.order`, true);
  return { configs, order };
}

// ---- properties ⇄ meta -------------------------------------------------------------------------

/** Checks one level of properties against its meta: names, consistency, each config, each fit. */
function checkProperties(report: Report, scope: Scope, owner: Owner): void {
  const { properties, configs, order } = scope;
  const configsPath = `${scope.metaPath}.propertiesConfig`;
  const orderPath = `${scope.metaPath}.order`;
  for (const p of properties ? ownKeys(properties) : []) {
    if (!PROPERTY_NAME.test(p)) report.add(scope.namesPath, m.badPropertyName);
    if (scope.topLevel && isReservedPropertyName(p)) report.add(scope.namesPath, m.reservedName(p));
    const node = properties![p];
    if (!isObj(node)) report.add(`${scope.schemaPath}.${p}`, typeMessage(node, 'object'));
    else if (scope.topLevel) checkSchemaKeywords(report, node, `${scope.schemaPath}.${p}`);
    if (configs && !Object.hasOwn(configs, p)) report.add(configsPath, m.notInMeta(p));
    if (order && !order.includes(p)) report.add(orderPath, m.notInOrder(p));
  }
  for (const p of configs ? ownKeys(configs) : []) {
    if (properties && !Object.hasOwn(properties, p)) report.add(configsPath, m.notInSchema(p));
    const node = properties ? get(properties, p) : undefined;
    checkPropertyConfig(report, p, configs![p], isObj(node) ? node : undefined, scope, owner);
  }
  for (const p of properties && order ? order : []) {
    if (!Object.hasOwn(properties!, p)) report.add(orderPath, m.notInSchema(p));
  }
}

/** JSON Schema keywords a later object validator relies on: `type` (enum) and `pattern` (compiles). */
function checkSchemaKeywords(report: Report, node: Obj, path: string): void {
  const type = get(node, 'type');
  const known = (t: unknown) => typeof t === 'string' && SCHEMA_TYPES.includes(t);
  if (type !== undefined && !(Array.isArray(type) ? type.length > 0 && type.every(known) : known(type))) {
    report.add(`${path}.type`, m.enumeration(SCHEMA_TYPES));
  }
  const pattern = get(node, 'pattern');
  if (pattern !== undefined && !compiles(pattern)) report.add(`${path}.pattern`, m.badRegex);
  const properties = get(node, 'properties');
  for (const k of isObj(properties) ? ownKeys(properties) : []) {
    const child = (properties as Obj)[k];
    if (isObj(child)) checkSchemaKeywords(report, child, `${path}.properties.${k}`);
  }
  const items = get(node, 'items');
  if (isObj(items)) checkSchemaKeywords(report, items, `${path}.items`);
}

/** One `propertiesConfig` entry: its own shape, then the rules of its inputType. */
function checkPropertyConfig(
  report: Report,
  p: string,
  config: unknown,
  node: Obj | undefined,
  scope: Scope,
  owner: Owner,
): void {
  const path = `${scope.metaPath}.propertiesConfig.${p}`;
  if (!isObj(config)) return report.add(path, typeMessage(config, 'object'));
  checkKeys(report, config, CONFIG_KEYS, path);
  readString(report, config, 'label', path, true);
  readBoolean(report, config, 'unique', path, true);
  for (const key of BOOLEAN_CONFIG_KEYS) readBoolean(report, config, key, path);
  readString(report, config, 'helpText', path);
  const subtype = readString(report, config, 'inputSubtype', path);
  if (subtype !== undefined && !INPUT_SUBTYPE.test(subtype))
    report.add(`${path}.inputSubtype`, m.pattern(INPUT_SUBTYPE.source));
  readStringList(report, get(config, 'options'), `${path}.options`, false);
  checkLabelledOptions(report, get(config, 'optionsWithLabels'), `${path}.optionsWithLabels`);
  checkBlockEditorTypes(report, get(config, 'blockEditorTypes'), `${path}.blockEditorTypes`);
  checkRelationShape(report, get(config, 'validation'), `${path}.validation`);

  const inputType = get(config, 'inputType');
  if (inputType === undefined) return report.add(`${path}.inputType`, m.required('inputType'));
  if (!isInputType(inputType)) return report.add(`${path}.inputType`, m.enumeration(INPUT_TYPES));
  checkInputTypeRules(report, p, inputType, config, node, scope, owner);
}

function checkInputTypeRules(
  report: Report,
  p: string,
  inputType: InputType,
  config: Obj,
  node: Obj | undefined,
  scope: Scope,
  owner: Owner,
): void {
  const path = `${scope.metaPath}.propertiesConfig.${p}`;
  if (node && !fitsInputType(inputType, node, get(config, 'multiple') === true)) report.add(path, m.wrongMetaType(p));
  if ((inputType === 'radio' || inputType === 'checkbox') && get(config, 'unique') === true) {
    report.add(`${path}.unique`, m.cannotBeUnique(inputType));
  }
  if (inputType === 'radio' || inputType === 'select') checkOptionsGiven(report, config, path);
  if (inputType === 'datasource') checkRelationTarget(report, p, config, path, owner);

  if (inputType === 'object') {
    const meta = checkMetaDefinition(report, get(config, 'items'), `${path}.items`);
    const items = node && get(node, 'items');
    const nested = isObj(items) ? get(items, 'properties') : undefined;
    const properties = isObj(nested) ? nested : undefined;
    const namesPath = `${scope.namesPath}.${p}.items.properties`;
    if (properties && ownKeys(properties).length === 0) report.add(namesPath, m.noProperties);
    const schemaPath = `${scope.schemaPath}.${p}.items.properties`;
    checkProperties(
      report,
      { ...meta, properties, schemaPath, namesPath, metaPath: `${path}.items`, topLevel: false },
      owner,
    );
  } else if (Object.hasOwn(config, 'items')) report.add(`${path}.items`, m.onlyFor('items', 'object'));

  const hasNestedMeta = Object.hasOwn(config, 'propertiesConfig') || Object.hasOwn(config, 'order');
  if (inputType === 'custom' && hasNestedMeta) {
    const meta = checkMetaParts(report, config, path);
    const nested = node && get(node, 'properties');
    const properties = node ? (isObj(nested) ? nested : {}) : undefined;
    const namesPath = `${scope.namesPath}.${p}.properties`;
    const schemaPath = `${scope.schemaPath}.${p}.properties`;
    checkProperties(report, { ...meta, properties, schemaPath, namesPath, metaPath: path, topLevel: false }, owner);
  } else if (inputType !== 'custom') {
    for (const key of ['propertiesConfig', 'order']) {
      if (Object.hasOwn(config, key)) report.add(`${path}.${key}`, m.onlyFor(key, 'custom'));
    }
  }
}

/** Spec §1.4: whether the JSON schema node can hold the values of the inputType. */
function fitsInputType(inputType: InputType, node: Obj, multiple: boolean): boolean {
  const type = schemaTypeOf(node);
  const items = get(node, 'items');
  if (STRING_INPUT_TYPES.has(inputType)) return type === 'string';
  switch (inputType) {
    case 'select':
      return multiple ? isListOfStrings(node) : type === 'string';
    case 'number':
      return type === 'number' || type === 'integer';
    case 'checkbox':
      return type === 'boolean';
    case 'datasource':
      return type === 'array' && isObj(items) && get(items, '$ref') === DATA_SOURCE_REF;
    case 'object':
      return type === 'array' && isObj(items) && schemaTypeOf(items) === 'object' && isObj(get(items, 'properties'));
    case 'geo':
      return type === 'object' && isGeoProperties(get(node, 'properties'));
    case 'simpleList':
      return isListOfStrings(node);
    case 'block':
      return type === 'object';
    default:
      return true; // custom: anything
  }
}

function checkOptionsGiven(report: Report, config: Obj, path: string): void {
  const key = get(config, 'useOptionsWithLabels') === true ? 'optionsWithLabels' : 'options';
  const list = get(config, key);
  if (list === undefined) report.add(`${path}.${key}`, m.required(key));
  else if (Array.isArray(list) && list.length === 0) report.add(`${path}.${key}`, m.minItems(1));
}

function checkRelationTarget(report: Report, p: string, config: Obj, path: string, owner: Owner): void {
  const validation = get(config, 'validation');
  if (validation === undefined || validation === null) return report.add(path, m.relationTypeMissing(p));
  const target = isObj(validation) ? get(validation, 'relationContenttype') : undefined;
  if (typeof target !== 'string' || target === '') return; // "" or absent: any type
  if (target === owner.name || isSystemTypeName(target) || owner.context.relationTargetExists(target)) return;
  report.add(`${path}.validation.relationContenttype`, m.relationTargetMissing(target, p));
}

function checkRelationShape(report: Report, validation: unknown, path: string): void {
  if (validation === undefined || validation === null) return;
  if (!isObj(validation)) return report.add(path, typeMessage(validation, 'object'));
  checkKeys(report, validation, RELATION_KEYS, path);
  readBoolean(report, validation, 'relationMultiple', path);
  readString(report, validation, 'relationContenttype', path);
}

function checkLabelledOptions(report: Report, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report.add(path, typeMessage(value, 'array'));
  value.forEach((option, i) => {
    const itemPath = `${path}[${i}]`;
    if (!isObj(option)) return report.add(itemPath, typeMessage(option, 'object'));
    checkKeys(report, option, LABELLED_OPTION_KEYS, itemPath);
    readString(report, option, 'value', itemPath, true);
    readString(report, option, 'label', itemPath, true);
  });
}

function checkBlockEditorTypes(report: Report, value: unknown, path: string): void {
  const types = readStringList(report, value, path, false);
  types?.forEach((type, i) => {
    if (!BLOCK_TYPES.includes(type)) report.add(`${path}[${i}]`, m.enumeration(BLOCK_TYPES));
  });
}

// ---- slugs -------------------------------------------------------------------------------------

/** Slug rules; an inactive rule missing its source or target is dropped silently. */
function checkSlugs(report: Report, value: unknown, properties: Obj | undefined): SlugRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.add('slugs', typeMessage(value, 'array'));
    return [];
  }
  const rules: SlugRule[] = [];
  value.forEach((rule, i) => {
    const path = `slugs[${i}]`;
    if (!isObj(rule)) return report.add(path, typeMessage(rule, 'object'));
    checkKeys(report, rule, SLUG_KEYS, path);
    const active = readBoolean(report, rule, 'active', path) ?? true;
    const missing = (v: unknown) => v === undefined || v === null || v === '';
    if (!active && (missing(get(rule, 'source')) || missing(get(rule, 'target')))) return;
    const source = checkSlugField(report, get(rule, 'source'), 'source', `${path}.source`, properties);
    const target = checkSlugField(report, get(rule, 'target'), 'target', `${path}.target`, properties);
    if (source !== undefined && target !== undefined) rules.push({ source, target, active });
  });
  return rules;
}

function checkSlugField(
  report: Report,
  value: unknown,
  role: string,
  path: string,
  properties: Obj | undefined,
): string | undefined {
  if (value === undefined || value === null || value === '') return void report.add(path, m.slugRequired(role));
  if (typeof value !== 'string') return void report.add(path, typeMessage(value, 'string'));
  if (properties && !Object.hasOwn(properties, value)) return void report.add(path, m.slugFieldMissing(value, role));
  return value;
}

// ---- normalisation -----------------------------------------------------------------------------

/** A deep copy of a valid payload in the stored shape. */
function normalise(input: Obj, internal: boolean, slugs: SlugRule[]): ContentTypeDefinitionInput {
  // The scan proved it plain JSON without prototype keys; a JSON round trip copies it into this realm.
  const copy = JSON.parse(JSON.stringify(input)) as ContentTypeDefinitionInput;
  return {
    name: copy.name,
    label: copy.label,
    internal,
    draftPublic: copy.draftPublic ?? false,
    ...(copy.workflowId !== undefined && { workflowId: copy.workflowId }),
    featuredImage: copy.featuredImage ?? [],
    slugs,
    schemaDefinition: {
      type: 'object',
      allOf: [{ $ref: ABSTRACT_SCHEMA_REF }, { type: 'object', properties: copy.schemaDefinition.allOf[1].properties }],
      required: copy.schemaDefinition.required ?? [],
      additionalProperties: false,
    },
    metaDefinition: { propertiesConfig: copy.metaDefinition.propertiesConfig, order: copy.metaDefinition.order },
  };
}

// ---- small readers -----------------------------------------------------------------------------

function words(spaceSeparated: string): string[] {
  return spaceSeparated.split(' ');
}

function keys(spaceSeparated: string): ReadonlySet<string> {
  return new Set(words(spaceSeparated));
}

/** A plain (JSON-like) object: its prototype is null or some realm's `Object.prototype`. */
function isObj(value: unknown): value is Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** An own property only: `config.toString` must not find `Object.prototype.toString`. */
function get(obj: Obj, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Own keys except the forbidden ones (already reported by the scan). */
function ownKeys(obj: Obj): string[] {
  return Object.keys(obj).filter((key) => !FORBIDDEN_KEYS.has(key));
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function checkKeys(
  report: Report,
  obj: Obj,
  allowed: ReadonlySet<string>,
  path: string,
  ignored?: ReadonlySet<string>,
): void {
  for (const key of ownKeys(obj)) {
    if (!allowed.has(key) && !ignored?.has(key)) report.add(join(path, key), m.notDefined(key));
  }
}

function readString(report: Report, obj: Obj, key: string, parent: string, required = false): string | undefined {
  const value = get(obj, key);
  if (value === undefined) {
    if (required) report.add(join(parent, key), m.required(key));
    return undefined;
  }
  if (typeof value === 'string') return value;
  report.add(join(parent, key), typeMessage(value, 'string'));
  return undefined;
}

function readBoolean(report: Report, obj: Obj, key: string, parent: string, required = false): boolean | undefined {
  const value = get(obj, key);
  if (value === undefined) {
    if (required) report.add(join(parent, key), m.required(key));
    return undefined;
  }
  if (typeof value === 'boolean') return value;
  report.add(join(parent, key), typeMessage(value, 'boolean'));
  return undefined;
}

function readStringList(report: Report, value: unknown, path: string, unique: boolean): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    report.add(path, typeMessage(value, 'array'));
    return undefined;
  }
  const strings: string[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') strings.push(item);
    else report.add(`${path}[${i}]`, typeMessage(item, 'string'));
  });
  if (unique && new Set(strings).size !== strings.length) report.add(path, m.duplicates);
  return strings;
}

function isInputType(value: unknown): value is InputType {
  return typeof value === 'string' && (INPUT_TYPES as readonly string[]).includes(value);
}

/** The node's type, ignoring a `"null"` alternative; undefined when absent or ambiguous. */
function schemaTypeOf(node: Obj): string | undefined {
  const type = get(node, 'type');
  if (typeof type === 'string') return type;
  if (!Array.isArray(type)) return undefined;
  const nonNull = type.filter((t) => t !== 'null');
  return nonNull.length === 1 && typeof nonNull[0] === 'string' ? nonNull[0] : undefined;
}

function isListOfStrings(node: Obj): boolean {
  const items = get(node, 'items');
  return schemaTypeOf(node) === 'array' && isObj(items) && schemaTypeOf(items) === 'string';
}

function isGeoProperties(properties: unknown): boolean {
  if (!isObj(properties)) return false;
  const names = Object.keys(properties).sort();
  if (names.length !== 2 || names[0] !== 'lat' || names[1] !== 'lon') return false;
  return names.every((name) => {
    const node = properties[name];
    return isObj(node) && schemaTypeOf(node) === 'number';
  });
}

function compiles(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** The JSON Schema validator's type message, e.g. "String value found, but a number is required". */
function typeMessage(value: unknown, expected: 'string' | 'boolean' | 'object' | 'array'): string {
  const found =
    value === null
      ? 'NULL'
      : Array.isArray(value)
        ? 'Array'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'Integer'
            : 'Number'
          : typeof value === 'string'
            ? 'String'
            : typeof value === 'boolean'
              ? 'Boolean'
              : 'Object';
  const article = expected === 'object' || expected === 'array' ? 'an' : 'a';
  return `${found} value found, but ${article} ${expected} is required`;
}
