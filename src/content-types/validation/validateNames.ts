import { isPrototypeMemberName, isReservedPropertyName } from '../reservedNames';
import { m } from './ctdMessages';
import { CTD_BOUNDS } from './definitionBounds';
import type { Report } from './errorReport';
import { readString } from './fieldReaders';
import type { Obj } from './plainJson';

const USER_TYPE_NAME = /^[a-z][_a-z]*$/;
const SYSTEM_TYPE_NAME = /^[_a-z]+$/;
const PROPERTY_NAME = /^[a-zA-Z0-9_]+$/;

/**
 * Decides whether the CTD `name` is acceptable: required, non-empty, lower-case letters and `_`, a
 * leading `_` only when `allowSystemName` is set, and not an `Object.prototype` member (`constructor`). Returns the name when it is usable.
 */
export function checkTypeName(report: Report, input: Obj, options: { allowSystemName?: boolean }): string | undefined {
  const name = readString(report, input, 'name', '', true);
  if (name === undefined) return undefined;
  if (name === '') {
    report.add('name', m.minLength);
    return undefined;
  }
  if (!(options.allowSystemName ? SYSTEM_TYPE_NAME : USER_TYPE_NAME).test(name) || isPrototypeMemberName(name)) {
    report.add('name', m.notValid);
    return undefined;
  }
  return name;
}

/** Decides whether the CTD `label` is acceptable: a required, non-empty string. */
export function checkLabel(report: Report, input: Obj): void {
  const label = readString(report, input, 'label', '', true);
  if (label === '') report.add('label', m.minLength);
}

/**
 * Decides whether a property name is acceptable: only `a-zA-Z0-9_`, at most `maxPropertyNameLength`
 * characters, never an `Object.prototype` member, and (at the top level only) not a reserved name.
 * Problems are reported under `namesPath`.
 */
export function checkPropertyName(report: Report, p: string, namesPath: string, topLevel: boolean): void {
  if (!PROPERTY_NAME.test(p)) report.add(namesPath, m.badPropertyName);
  if (p.length > CTD_BOUNDS.maxPropertyNameLength) report.add(namesPath, m.nameTooLong(p, CTD_BOUNDS.maxPropertyNameLength));
  if ((topLevel && isReservedPropertyName(p)) || isPrototypeMemberName(p)) report.add(namesPath, m.reservedName(p));
}
