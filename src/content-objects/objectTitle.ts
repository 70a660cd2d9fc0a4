import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';
import { readSources } from './readSources';

/** The input types whose text may become the title when no property is a title part. */
const TITLE_TEXT_TYPES = new Set(['text', 'textarea', 'email']);

const sourcesCache = new WeakMap<ContentTypeDefinitionInput, readonly string[]>();

/**
 * The properties an object's title may be derived from: its `isTitlePart` properties, or (without
 * any) every text-like property, since which one supplies the title depends on the object's data;
 * with, for each, what its value reveals (`readSources`: a title part filled by a slug rule reveals
 * the rule's source). `internal.objectTitle` is readable only by a key that may read all of them.
 */
export function objectTitleSources(ctd: ContentTypeDefinitionInput): readonly string[] {
  const cached = sourcesCache.get(ctd);
  if (cached) return cached;
  const { order, propertiesConfig } = ctd.metaDefinition;
  const parts = order.filter((name) => propertiesConfig[name]?.isTitlePart);
  const direct = parts.length ? parts : order.filter((name) => TITLE_TEXT_TYPES.has(propertiesConfig[name]?.inputType ?? ''));
  const sources = Object.freeze([...new Set(direct.flatMap((name) => readSources(ctd, name)))]);
  sourcesCache.set(ctd, sources);
  return sources;
}

/**
 * The object's title: its `isTitlePart` properties joined with a space; without such parts the
 * first non-empty text-like property in `order`; else the id.
 */
export function objectTitleOf(ctd: ContentTypeDefinitionInput, id: string, data: Record<string, unknown>): string {
  const { order, propertiesConfig } = ctd.metaDefinition;
  const parts = order
    .filter((name) => propertiesConfig[name]?.isTitlePart)
    .map((name) => data[name])
    .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
    .map(String)
    .filter((text) => text !== '');
  if (parts.length) return parts.join(' ').slice(0, 500);
  for (const name of order) {
    const type = propertiesConfig[name]?.inputType;
    const value = data[name];
    if ((type === 'text' || type === 'textarea' || type === 'email') && typeof value === 'string' && value !== '') {
      return value.slice(0, 500);
    }
  }
  return id;
}
