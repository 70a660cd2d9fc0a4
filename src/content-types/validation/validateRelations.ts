import { isSystemTypeName } from '../systemTypes';
import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { checkKeys, keys, readBoolean, readString } from './fieldReaders';
import { get, isObj, type Obj } from './plainJson';

const RELATION_KEYS = keys('relationMultiple relationContenttype');

/** The CTD being validated and how to ask whether another content type exists. */
export interface RelationOwner {
  /** The CTD's own name (undefined when unusable); a relation to itself is always allowed. */
  name: string | undefined;
  context: { relationTargetExists(name: string): boolean };
}

/** Decides whether a config's `validation` object has the relation shape (when present and not null). */
export function checkRelationShape(report: Report, validation: unknown, path: string): void {
  if (validation === undefined || validation === null) return;
  if (!isObj(validation)) return report.add(path, typeMessage(validation, 'object'));
  checkKeys(report, validation, RELATION_KEYS, path);
  readBoolean(report, validation, 'relationMultiple', path);
  readString(report, validation, 'relationContenttype', path);
}

/**
 * Decides whether a `datasource` property's relation is usable: `validation` must be given, and a
 * non-empty `relationContenttype` must name the CTD itself, a system type or an existing content type.
 */
export function checkRelationTarget(report: Report, p: string, config: Obj, path: string, owner: RelationOwner): void {
  const validation = get(config, 'validation');
  if (validation === undefined || validation === null) return report.add(path, m.relationTypeMissing(p));
  const target = isObj(validation) ? get(validation, 'relationContenttype') : undefined;
  if (typeof target !== 'string' || target === '') return; // "" or absent: any type
  if (target === owner.name || isSystemTypeName(target) || owner.context.relationTargetExists(target)) return;
  report.add(`${path}.validation.relationContenttype`, m.relationTargetMissing(target, p));
}
