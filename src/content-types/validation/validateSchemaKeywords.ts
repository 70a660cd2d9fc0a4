import { m } from './ctdMessages';
import type { Report } from './errorReport';
import { words } from './fieldReaders';
import { get, isObj, ownKeys, type Obj } from './plainJson';

const SCHEMA_TYPES = words('array boolean integer null number object string');

/**
 * Decides whether a property's JSON Schema node (and every nested `properties`/`items` node) has the
 * keywords a later object validator relies on: a known `type` (or non-empty list of them) and a
 * `pattern` that compiles.
 */
export function checkSchemaKeywords(report: Report, node: Obj, path: string): void {
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

function compiles(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
