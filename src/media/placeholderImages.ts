import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { AccountContent } from '../accounts/accountContent';
import { MEDIA_TYPE, RESIZABLE_MIME_TYPES } from './mediaKinds';

/** Largest side of a generated placeholder (the fixtures' photos, up to 1846x1252, keep their size). */
const MAX_SIDE = 4000;

/**
 * Gives every live image `_media` object of an account that has no file a generated placeholder:
 * a flat colour picked from its id, at its recorded size (capped) and in its recorded format. Used
 * for the demo account, whose Flotiq fixtures carry metadata only, so its image URLs load. Answers
 * how many files were written; objects that already have one are left alone.
 */
export async function addPlaceholderImages(content: AccountContent): Promise<number> {
  const page = await content.objects.list(MEDIA_TYPE, { limit: 1000 }, { withTotal: false });
  let written = 0;
  for (const object of page.items) {
    const media = object as unknown as { id: string; mimeType?: unknown; width?: unknown; height?: unknown };
    if (typeof media.mimeType !== 'string' || !RESIZABLE_MIME_TYPES.has(media.mimeType)) continue;
    if (await content.media.find(media.id, content.scope.accountId)) continue;
    const bytes = await placeholder(media.id, media.mimeType, side(media.width, 800), side(media.height, 600));
    await content.media.put(media.id, content.scope.accountId, media.mimeType, bytes);
    written += 1;
  }
  return written;
}

function side(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, MAX_SIDE) : fallback;
}

async function placeholder(id: string, mimeType: string, width: number, height: number): Promise<Buffer> {
  const [r, g, b] = createHash('sha256').update(id).digest();
  const format = mimeType.slice('image/'.length) as 'png' | 'jpeg' | 'webp' | 'gif';
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .toFormat(format)
    .toBuffer();
}
