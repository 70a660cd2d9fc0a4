import type { ContentTypeDefinition } from '../../content-types/contentTypeDefinition';

/** A CTD as the REST API returns it (spec §1.1 response). */
export type PresentedContentType = Omit<ContentTypeDefinition, 'version'>;

/** The CTD without contentgate's internal bookkeeping (`version` counts updates for validator caches). */
export function presentContentType(ctd: ContentTypeDefinition): PresentedContentType {
  const { version: _version, ...presented } = ctd;
  return presented;
}
