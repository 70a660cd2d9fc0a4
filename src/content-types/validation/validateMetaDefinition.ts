import type { InputType } from '../contentTypeDefinition';
import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { checkKeys, keys, readStringList } from './fieldReaders';
import { checkInputTypeRules } from './inputTypeCompatibility';
import { get, isObj, ownKeys, type Obj } from './plainJson';
import { CTD_BOUNDS } from './definitionBounds';
import { checkPropertyName } from './validateNames';
import { checkPropertyConfig } from './validatePropertyConfig';
import type { RelationOwner } from './validateRelations';
import { checkSchemaKeywords } from './validateSchemaKeywords';

const META_KEYS = keys('propertiesConfig order');

/** The usable parts of a meta definition (undefined when that part is unusable). */
export interface MetaParts {
  configs?: Obj;
  order?: string[];
}

/** One level of properties and its meta, with the error-key prefixes of that level. */
export interface Scope extends MetaParts {
  properties?: Obj;
  /** Prefix of property schema nodes: `${schemaPath}.${p}`. */
  schemaPath: string;
  /** Key for property-name errors. */
  namesPath: string;
  /** Prefix of `propertiesConfig` and `order`. */
  metaPath: string;
  /** Reserved names apply only at the top level. */
  topLevel: boolean;
  /** How many object lists this level is inside (0 at the top). */
  listDepth?: number;
}

/**
 * Decides whether a meta definition object (`metaDefinition` or an `object` property's `items`) has its
 * shape: an object with only `propertiesConfig` and `order`, both required. Returns the usable parts.
 */
export function checkMetaDefinition(report: Report, value: unknown, path: string): MetaParts | undefined {
  const keyName = path.slice(path.lastIndexOf('.') + 1);
  if (value === undefined) return void report.add(path, m.required(keyName));
  if (!isObj(value)) return void report.add(path, typeMessage(value, 'object'));
  checkKeys(report, value, META_KEYS, path);
  return checkMetaParts(report, value, path);
}

/** `propertiesConfig` and `order` of `holder`, both required. */
function checkMetaParts(report: Report, holder: Obj, path: string): MetaParts {
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

/**
 * Decides whether one level of properties agrees with its meta: every property named well, present in
 * `propertiesConfig` and `order` and vice versa; then each config, its inputType rules and its nested levels.
 */
export function checkProperties(report: Report, scope: Scope, owner: RelationOwner): void {
  const { properties, configs, order } = scope;
  const configsPath = `${scope.metaPath}.propertiesConfig`;
  const orderPath = `${scope.metaPath}.order`;
  for (const p of properties ? ownKeys(properties) : []) {
    checkPropertyName(report, p, scope.namesPath, scope.topLevel);
    const node = properties![p];
    if (!isObj(node)) report.add(`${scope.schemaPath}.${p}`, typeMessage(node, 'object'));
    else if (scope.topLevel) checkSchemaKeywords(report, node, `${scope.schemaPath}.${p}`);
    if (configs && !Object.hasOwn(configs, p)) report.add(configsPath, m.notInMeta(p));
    if (order && !order.includes(p)) report.add(orderPath, m.notInOrder(p));
  }
  for (const p of configs ? ownKeys(configs) : []) {
    if (properties && !Object.hasOwn(properties, p)) report.add(configsPath, m.notInSchema(p));
    const node = properties ? get(properties, p) : undefined;
    const checked = checkPropertyConfig(report, configs![p], `${configsPath}.${p}`);
    if (!checked) continue;
    const schemaNode = isObj(node) ? node : undefined;
    checkInputTypeRules(report, p, checked.inputType, checked.config, schemaNode, `${configsPath}.${p}`, owner);
    checkNestedLevels(report, p, checked.inputType, checked.config, schemaNode, scope, owner);
  }
  for (const p of properties && order ? order : []) {
    if (!Object.hasOwn(properties!, p)) report.add(orderPath, m.notInSchema(p));
  }
}

/**
 * The levels below property `p`: an `object` list's `items` meta against its item properties (refused when
 * lists would nest deeper than `maxListDepth`), a `custom` property's own `propertiesConfig`/`order` against
 * its properties; these keys are refused elsewhere.
 */
function checkNestedLevels(
  report: Report,
  p: string,
  inputType: InputType,
  config: Obj,
  node: Obj | undefined,
  scope: Scope,
  owner: RelationOwner,
): void {
  const path = `${scope.metaPath}.propertiesConfig.${p}`;
  const listDepth = (scope.listDepth ?? 0) + (inputType === 'object' ? 1 : 0);
  if (inputType === 'object' && listDepth > CTD_BOUNDS.maxListDepth) report.add(path, m.listTooDeep(CTD_BOUNDS.maxListDepth));
  else if (inputType === 'object') {
    const meta = checkMetaDefinition(report, get(config, 'items'), `${path}.items`);
    const items = node && get(node, 'items');
    const nested = isObj(items) ? get(items, 'properties') : undefined;
    const properties = isObj(nested) ? nested : undefined;
    const namesPath = `${scope.namesPath}.${p}.items.properties`;
    if (properties && ownKeys(properties).length === 0) report.add(namesPath, m.noProperties);
    const schemaPath = `${scope.schemaPath}.${p}.items.properties`;
    checkProperties(
      report,
      { ...meta, properties, schemaPath, namesPath, metaPath: `${path}.items`, topLevel: false, listDepth },
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
    checkProperties(report, { ...meta, properties, schemaPath, namesPath, metaPath: path, topLevel: false, listDepth }, owner);
  } else if (inputType !== 'custom') {
    for (const key of ['propertiesConfig', 'order']) {
      if (Object.hasOwn(config, key)) report.add(`${path}.${key}`, m.onlyFor(key, 'custom'));
    }
  }
}
