import { fixtureContentType } from '../support/fixtures';

/**
 * The content types of the matrix account: the `category` fixture (`name`, its title part) and the
 * `article` fixture (`title`, its title part; `body`, `rating`, `category` → category) with a
 * `slug` property that a slug rule fills from `title` when a write leaves it out (so reading the
 * slug needs the title's read right as well: `SLUG_SOURCES`).
 */
export function matrixContentTypes(): Record<string, unknown>[] {
  const article = fixtureContentType('article') as any;
  article.schemaDefinition.allOf[1].properties.slug = { type: 'string' };
  article.metaDefinition.order = ['title', 'slug', 'body', 'rating', 'category'];
  article.metaDefinition.propertiesConfig.slug = { label: 'Slug', inputType: 'text', unique: false };
  article.slugs = [{ source: 'title', target: 'slug', active: true }];
  return [fixtureContentType('category'), article];
}
