import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';

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
