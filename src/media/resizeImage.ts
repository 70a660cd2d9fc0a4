import sharp from 'sharp';
import type { RequestedSize } from './imageUrls';
import { trimRegion, type TrimSpec } from './imageTransforms';
import { MAX_IMAGE_PIXELS } from './uploadProblems';

/** Largest input image decoded, in pixels (as uploads allow: a larger one is refused, not decoded). */
export const MAX_INPUT_PIXELS = MAX_IMAGE_PIXELS;

/**
 * Width and height of an image sharp can read, from its header only (nothing is decoded, so even
 * a decompression bomb answers), or undefined (ico, bmp, damaged files).
 */
export async function imageDimensions(bytes: Buffer): Promise<{ width: number; height: number } | undefined> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    return meta.width && meta.height ? { width: meta.width, height: meta.height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A variant of an image in its own format: first the `trim` (cut to the image, after EXIF
 * orientation), then the size: `Wx0`/`0xH` scale proportionally, `WxH` crops to fill (centre),
 * never larger than the original; `0x0` keeps the size. Undefined when the trim leaves nothing.
 * Throws for inputs over `MAX_INPUT_PIXELS`.
 */
export async function resizeImage(bytes: Buffer, size: RequestedSize, trim?: TrimSpec): Promise<Buffer | undefined> {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate();
  if (trim) {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    const region = trimRegion(trim, (turned ? meta.height : meta.width) ?? 0, (turned ? meta.width : meta.height) ?? 0);
    if (!region) return undefined;
    image.extract(region);
  }
  if (size.width === 0 && size.height === 0) return image.toBuffer();
  return image
    .resize({
      width: size.width || undefined,
      height: size.height || undefined,
      fit: size.width && size.height ? 'cover' : 'inside',
      withoutEnlargement: true,
    })
    .toBuffer();
}
