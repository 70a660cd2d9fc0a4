import { m } from './ctdMessages';
import type { Report } from './errorReport';
import { FORBIDDEN_KEYS, isObj, join } from './plainJson';

/** How deep a payload may nest before it is refused unwalked. */
const MAX_DEPTH = 40;

/**
 * Decides whether a payload is safe to walk: refuses prototype keys and non-JSON values anywhere;
 * false when nesting is too deep to walk safely.
 */
export function scanUnsafeKeys(value: unknown, path: string, depth: number, report: Report): boolean {
  const here = path || 'ctd';
  if (depth > MAX_DEPTH) {
    report.add(here, m.tooDeep(MAX_DEPTH));
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
      walkable = scanUnsafeKeys(item, `${path}[${i}]`, depth + 1, report) && walkable;
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
    else if (value[key] !== undefined) walkable = scanUnsafeKeys(value[key], childPath, depth + 1, report) && walkable;
  }
  return walkable;
}
