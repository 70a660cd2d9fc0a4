import type { ContentTypeDefinitionInput } from '../content-types/contentTypeDefinition';

/** Lower-case ASCII slug of a text: letters and digits kept, everything else collapsed to `-`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Applies the CTD's active slug rules: a target absent from the payload is set from its source;
 * an explicit value (even "" or null) is kept (spec §2.5).
 */
export function applySlugRules(ctd: ContentTypeDefinitionInput, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const rule of ctd.slugs ?? []) {
    if (!rule.active || rule.target in out) continue;
    const source = out[rule.source];
    if (typeof source === 'string') out[rule.target] = slugify(source);
  }
  return out;
}
