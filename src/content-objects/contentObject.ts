/** The `internal` block of a content object as the API returns it (spec §2.3). */
export interface ObjectInternal {
  contentType: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string;
  objectTitle: string;
  latestVersion: number;
  status: string;
  workflowState: string;
}

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
