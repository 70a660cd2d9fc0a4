import type { SlugRule } from '../contentTypeDefinition';
import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { checkKeys, keys, readBoolean } from './fieldReaders';
import { get, isObj, type Obj } from './plainJson';

const SLUG_KEYS = keys('source target active');

/**
 * Decides which slug rules are kept: each rule's `source` and `target` must name existing properties
 * (`active` defaults to true); an inactive rule missing its source or target is dropped silently.
 */
export function checkSlugs(report: Report, value: unknown, properties: Obj | undefined): SlugRule[] {
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
