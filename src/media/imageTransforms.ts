/**
 * Flotiq's image transformations (docs `API/variants.md`): `trim` is the only kind, given either as
 * the pixels cut from each side (`top, right, bottom, left`) or as a region (`top, left, width,
 * height`), by a variant of the `_media` object (`…/variant/{name}`), a path
 * (`…/transform/trim/{top},{left},{width},{height}`) or the query (`?transform={"trim":{…}}`).
 * A trim is applied before the resize. Pure parsing and geometry; the pixels are `resizeImage`'s.
 */

/** What a trim asks for, as given. */
export interface TrimSpec {
  top: number;
  left: number;
  right?: number;
  bottom?: number;
  width?: number;
  height?: number;
}

/** A region of an image in pixels. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

const KEYS = ['top', 'left', 'right', 'bottom', 'width', 'height'] as const;
const isPixels = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100_000;

/** A trim object (`{top, left, …}`; `top` and `left` required, every value a whole number of pixels), else undefined. */
export function parseTrim(value: unknown): TrimSpec | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.keys(record).some((key) => !(KEYS as readonly string[]).includes(key))) return undefined;
  if (!KEYS.every((key) => record[key] === undefined || isPixels(record[key]))) return undefined;
  if (record.top === undefined || record.left === undefined) return undefined;
  return record as unknown as TrimSpec;
}

/** The path form `{top},{left},{width},{height}` (four whole numbers), else undefined. */
export function parseTrimPath(parameters: string): TrimSpec | undefined {
  const match = /^(\d{1,6}),(\d{1,6}),(\d{1,6}),(\d{1,6})$/.exec(parameters);
  if (!match) return undefined;
  const [top, left, width, height] = match.slice(1).map(Number);
  return parseTrim({ top, left, width, height });
}

/** `?transform=` as sent: undefined when absent, the trim, or `'invalid'` (anything else). */
export function parseTransformQuery(raw: unknown): TrimSpec | undefined | 'invalid' {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') return 'invalid';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'invalid';
  }
  const keys = typeof parsed === 'object' && parsed !== null ? Object.keys(parsed) : [];
  if (keys.length !== 1 || keys[0] !== 'trim') return 'invalid';
  return parseTrim((parsed as { trim: unknown }).trim) ?? 'invalid';
}

/** The trim of a `_media` object's variant by name (case-insensitive), or undefined when it has none such. */
export function variantTrim(variants: unknown, name: string): TrimSpec | undefined {
  if (!Array.isArray(variants)) return undefined;
  const variant = variants.find((item) => typeof item?.name === 'string' && item.name.toLowerCase() === name.toLowerCase());
  return variant ? parseTrim(variant.trim) : undefined;
}

/**
 * The region a trim keeps of a `width`×`height` image, cut to the image; undefined when nothing is
 * left. `width`/`height` in the trim name a region; else `right`/`bottom` (default 0) are cut off.
 */
export function trimRegion(trim: TrimSpec, width: number, height: number): Region | undefined {
  const left = Math.min(trim.left, width);
  const top = Math.min(trim.top, height);
  const right = trim.width !== undefined ? Math.min(width, left + trim.width) : width - (trim.right ?? 0);
  const bottom = trim.height !== undefined ? Math.min(height, top + trim.height) : height - (trim.bottom ?? 0);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : undefined;
}

/** A trim's part of cache keys and entity tags (as asked; the region depends only on it and the file). */
export function trimLabel(trim: TrimSpec | undefined): string {
  return trim ? `-t${KEYS.map((key) => trim[key] ?? '_').join('.')}` : '';
}
