import type { StoredInternal } from '../database/models/contentObjectModel';

/**
 * The `internal` block of a content object as the API returns it (spec §2.3): as stored, except that
 * `objectTitle` is left out for a key that may not read the fields it derives from.
 */
export type ObjectInternal = Omit<StoredInternal, 'objectTitle'> & { objectTitle?: string };

/** A content object as the API returns it: `id`, `internal` and the CTD's properties. */
export interface ContentObject {
  id: string;
  internal: ObjectInternal;
  [property: string]: unknown;
}

/** A relation reference as stored and returned (spec §2.3). */
export interface DataSourceReference {
  dataUrl: string;
  type: 'internal' | 'external';
}
