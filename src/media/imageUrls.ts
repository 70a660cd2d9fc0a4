/** A requested size: `0` in a dimension means "not constrained". */
export interface RequestedSize {
  width: number;
  height: number;
}

/** Largest dimension a variant may ask for. */
export const MAX_VARIANT_DIMENSION = 5000;

/** The URL of a `_media` object's original (Flotiq: `/image/0x0/{id}.{ext}`, for files too). */
export function mediaUrl(id: string, extension: string): string {
  return `/image/0x0/${id}.${extension}`;
}

/**
 * A `_media` url as GraphQL answers it: under `publicUrl` (`PUBLIC_URL`, as the OpenAPI `servers`)
 * when set and the stored url is a path of this server, else as stored (Flotiq stores paths such as
 * `/image/0x0/{id}.{ext}`; urls elsewhere, e.g. Unsplash, stay as they are).
 */
export function absoluteMediaUrl(url: unknown, publicUrl: string | undefined): unknown {
  if (!publicUrl || typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return url;
  return `${publicUrl.replace(/\/+$/, '')}${url}`;
}

/**
 * Parses `{W}x{H}` of an image URL: the size, `'tooLarge'` for a well-formed size with a dimension over
 * the maximum (a 400 naming `size`), undefined for anything else (no such URL: 404).
 */
export function parseSize(segment: string): RequestedSize | 'tooLarge' | undefined {
  const match = /^(\d{1,9})x(\d{1,9})$/.exec(segment);
  if (!match) return undefined;
  const [width, height] = [Number(match[1]), Number(match[2])];
  return width > MAX_VARIANT_DIMENSION || height > MAX_VARIANT_DIMENSION ? 'tooLarge' : { width, height };
}

/** The object id of `{id}.{ext}`, the last segment of an image URL; undefined without an extension. */
export function parseFileSegment(segment: string): string | undefined {
  const match = /^(_media-[A-Za-z0-9_-]+)\.[A-Za-z0-9]{1,10}$/.exec(segment);
  return match?.[1];
}

/** The id of the SEO form `{id}/{anyName}.{ext}`: `id` must be an id, the name only needs an extension. */
export function parseSeoSegments(id: string, name: string): string | undefined {
  return /^_media-[A-Za-z0-9_-]+$/.test(id) && /\.[A-Za-z0-9]{1,10}$/.test(name) ? id : undefined;
}
