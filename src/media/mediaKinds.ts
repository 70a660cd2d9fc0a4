/**
 * The kinds of file Flotiq's media library accepts (spec §5.2), with the extensions a file name of
 * each kind may carry. Pure data and lookups; detection from bytes is in `detectMediaKind.ts`.
 */

/** The `_media` content type. */
export const MEDIA_TYPE = '_media';

/** Largest accepted upload (Flotiq: 10 MB). */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted mime types (Flotiq's list) and the file-name extensions that agree with each. */
export const MEDIA_KINDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'image/gif': ['gif'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/bmp': ['bmp'],
  'image/webp': ['webp'],
  'image/svg+xml': ['svg'],
  'image/svg': ['svg'],
  'image/x-icon': ['ico'],
  'image/vnd.microsoft.icon': ['ico'],
  'text/plain': ['txt', 'text', 'md', 'csv', 'log'],
  'audio/midi': ['mid', 'midi'],
  'audio/mpeg': ['mp3', 'mpga'],
  'audio/webm': ['weba', 'webm'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  'audio/wav': ['wav'],
  'video/webm': ['webm'],
  'video/ogg': ['ogv', 'ogg'],
  'video/mp4': ['mp4', 'm4v'],
  'application/pdf': ['pdf'],
  'application/json': ['json'],
});

/** Image kinds sharp can resize; other images (svg, ico, bmp) are always served as uploaded. */
export const RESIZABLE_MIME_TYPES: ReadonlySet<string> = new Set(['image/gif', 'image/png', 'image/jpeg', 'image/webp']);

/** Whether Flotiq accepts files of this mime type. */
export function isAllowedMimeType(mimeType: string): boolean {
  return Object.hasOwn(MEDIA_KINDS, mimeType);
}

/** Every extension any accepted kind uses (a name with another extension says nothing about its kind). */
const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set(Object.values(MEDIA_KINDS).flat());

/** The lower-cased extension of a file name, or undefined when it has none. */
export function extensionOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return undefined;
  return fileName.slice(dot + 1).toLowerCase();
}

/**
 * Whether a file name agrees with the kind its bytes show: a name whose extension belongs to some
 * accepted kind must name this kind (`photo.png` holding a JPEG does not); names with no or an
 * unknown extension agree with anything.
 */
export function nameAgreesWithKind(fileName: string, mimeType: string): boolean {
  const extension = extensionOf(fileName);
  if (extension === undefined || !KNOWN_EXTENSIONS.has(extension)) return true;
  return (MEDIA_KINDS[mimeType] ?? []).includes(extension);
}

/** The extension stored for a file: the name's when it agrees with the kind, else the kind's first. */
export function storedExtension(fileName: string, mimeType: string): string {
  const extension = extensionOf(fileName);
  const kindExtensions = MEDIA_KINDS[mimeType] ?? [];
  return extension !== undefined && kindExtensions.includes(extension) ? extension : (kindExtensions[0] ?? 'bin');
}
