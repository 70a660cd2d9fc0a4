import sharp from 'sharp';
import type { RequestedSize } from './imageUrls';
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
 * A variant of an image in its own format: `Wx0`/`0xH` scale proportionally, `WxH` crops to fill
 * (centre), never larger than the original. Throws for inputs over `MAX_INPUT_PIXELS`.
 */
export async function resizeImage(bytes: Buffer, size: RequestedSize): Promise<Buffer> {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize({
      width: size.width || undefined,
      height: size.height || undefined,
      fit: size.width && size.height ? 'cover' : 'inside',
      withoutEnlargement: true,
    })
    .toBuffer();
}
