import { DATA_SOURCE_REF, INPUT_TYPES, type InputType } from '../contentTypeDefinition';
import { m } from './ctdMessages';
import type { Report } from './errorReport';
import { keys } from './fieldReaders';
import { get, isObj, type Obj } from './plainJson';
import { checkRelationTarget, type RelationOwner } from './validateRelations';

const STRING_INPUT_TYPES: ReadonlySet<string> = keys('text textarea textMarkdown richtext email radio dateTime');

/** Decides whether a value is one of the known inputTypes. */
export function isInputType(value: unknown): value is InputType {
  return typeof value === 'string' && (INPUT_TYPES as readonly string[]).includes(value);
}

/**
 * Decides the rules of an inputType that do not nest (spec §1.4): the schema node must fit it,
 * `radio`/`checkbox` cannot be unique, `radio`/`select` need options, `datasource` needs a relation.
 * `path` is the property's `propertiesConfig` entry.
 */
export function checkInputTypeRules(
  report: Report,
  p: string,
  inputType: InputType,
  config: Obj,
  node: Obj | undefined,
  path: string,
  owner: RelationOwner,
): void {
  if (node && !fitsInputType(inputType, node, get(config, 'multiple') === true)) report.add(path, m.wrongMetaType(p));
  if ((inputType === 'radio' || inputType === 'checkbox') && get(config, 'unique') === true) {
    report.add(`${path}.unique`, m.cannotBeUnique(inputType));
  }
  if (inputType === 'radio' || inputType === 'select') checkOptionsGiven(report, config, path);
  if (inputType === 'datasource') checkRelationTarget(report, p, config, path, owner);
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

/** `options` (or `optionsWithLabels` when `useOptionsWithLabels`) must be given and non-empty. */
function checkOptionsGiven(report: Report, config: Obj, path: string): void {
  const key = get(config, 'useOptionsWithLabels') === true ? 'optionsWithLabels' : 'options';
  const list = get(config, key);
  if (list === undefined) report.add(`${path}.${key}`, m.required(key));
  else if (Array.isArray(list) && list.length === 0) report.add(`${path}.${key}`, m.minItems(1));
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
