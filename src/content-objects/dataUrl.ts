/** Parses `/api/v1/content/{type}/{id}` into its parts, or undefined for anything else. */
export function parseDataUrl(dataUrl: unknown): { type: string; id: string } | undefined {
  if (typeof dataUrl !== 'string') return undefined;
  const match = /^\/api\/v1\/content\/([_a-z]+)\/([^/]+)$/.exec(dataUrl);
  if (!match) return undefined;
  return { type: match[1], id: match[2] };
}

/** The dataUrl of an object. */
export function dataUrlOf(type: string, id: string): string {
  return `/api/v1/content/${type}/${id}`;
}

/** The key under which a reference is indexed in `refs`: `type/idKey`. */
export function refKey(type: string, id: string): string {
  return `${type}/${id.toLowerCase()}`;
}
