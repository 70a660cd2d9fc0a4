import { ABSTRACT_SCHEMA_REF } from '../contentTypeDefinition';
import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { checkKeys, keys, readStringList } from './fieldReaders';
import { get, isObj, ownKeys, type Obj } from './plainJson';

const SCHEMA_DEFINITION_KEYS = keys('type allOf required additionalProperties');

/**
 * Decides whether `schemaDefinition` has the stored shape: an object with `type: object`,
 * `additionalProperties: false`, a two-item `allOf` and a `required` list naming only existing
 * properties. Returns the properties object when it is usable.
 */
export function checkSchemaDefinition(report: Report, value: unknown): { properties?: Obj } | undefined {
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
