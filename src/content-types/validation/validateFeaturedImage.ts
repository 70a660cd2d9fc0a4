import { m, typeMessage } from './ctdMessages';
import type { Report } from './errorReport';
import { checkKeys, keys, readString } from './fieldReaders';
import { get, isObj } from './plainJson';

const DATA_SOURCE_KEYS = keys('dataUrl type');

/**
 * Decides whether `featuredImage` (optional) is a list of `{dataUrl, type?}` objects with `type`
 * `internal` or `external`.
 */
export function checkFeaturedImage(report: Report, value: unknown): void {
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
