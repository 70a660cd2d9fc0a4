import { m } from './ctdMessages';
import type { Report } from './errorReport';
import { get, isObj, ownKeys, type Obj } from './plainJson';

/**
 * The size bounds of one CTD. They keep validation, the GraphQL schema build (`npm run bench:schema`
 * measures it at these bounds) and every other walk of a definition short. Every real Flotiq export in
 * `test/fixtures/flotiq` is far inside them.
 */
export const CTD_BOUNDS = Object.freeze({
  /** Characters of one property name. */
  maxPropertyNameLength: 64,
  /** Properties on all levels together (object-list items and `custom` sub-properties included). */
  maxProperties: 100,
  /** Object lists inside object lists: 1 = lists of plain fields only, 2 = a list may hold lists of plain fields. */
  maxListDepth: 2,
  /** Bytes of the definition as JSON. */
  maxDefinitionBytes: 128 * 1024,
});

/**
 * Decides whether a payload (already known to be plain JSON) is small enough to be checked at all:
 * at most `maxDefinitionBytes` as JSON, else reported under `ctd`.
 */
export function checkDefinitionSize(report: Report, input: unknown): boolean {
  if (Buffer.byteLength(JSON.stringify(input) ?? '', 'utf8') <= CTD_BOUNDS.maxDefinitionBytes) return true;
  report.add('ctd', m.definitionTooLarge(CTD_BOUNDS.maxDefinitionBytes / 1024));
  return false;
}

/**
 * Decides whether the meta definition's properties, on all levels together, are at most `maxProperties`;
 * reported under `schemaDefinition.properties`.
 */
export function checkPropertyCount(report: Report, configs: Obj | undefined): void {
  if (configs && countProperties(configs, CTD_BOUNDS.maxProperties) > CTD_BOUNDS.maxProperties) {
    report.add('schemaDefinition.properties', m.tooManyProperties(CTD_BOUNDS.maxProperties));
  }
}

/** Properties named by `configs` and the levels below them; stops counting once past `stopAbove`. */
function countProperties(configs: Obj, stopAbove: number): number {
  let count = 0;
  for (const p of ownKeys(configs)) {
    count += 1;
    const config = get(configs, p);
    if (!isObj(config)) continue;
    const items = get(config, 'items');
    for (const nested of [isObj(items) ? get(items, 'propertiesConfig') : undefined, get(config, 'propertiesConfig')]) {
      if (isObj(nested)) count += countProperties(nested, stopAbove - count);
    }
    if (count > stopAbove) return count;
  }
  return count;
}
