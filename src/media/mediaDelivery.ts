import { LRUCache } from 'lru-cache';
import type { RequestedSize } from './imageUrls';
import type { MediaFiles } from './mediaFiles';
import { RESIZABLE_MIME_TYPES } from './mediaKinds';
import { resizeImage } from './resizeImage';
import { Semaphore } from './semaphore';

/** What one image URL answers. */
export interface Delivered {
  bytes: Buffer;
  mimeType: string;
  /** Strong entity tag: files never change under an id, so id, stored file and size name the bytes. */
  etag: string;
}

/** Bytes of originals and variants kept in memory. */
export const DELIVERY_CACHE_BYTES = 64 * 1024 * 1024;
/** Resizes running at once. */
export const CONCURRENT_RESIZES = 2;

/**
 * Answers image URLs: the original for `0x0`, for files and for images sharp does not resize (svg,
 * ico, bmp), else a resized variant. Existence is asked of the database on every request (a file
 * deleted on another instance is never served from memory); bytes are cached, bounded by size.
 */
export class MediaDelivery {
  private readonly cache = new LRUCache<string, Buffer>({
    maxSize: DELIVERY_CACHE_BYTES,
    sizeCalculation: (bytes) => Math.max(1, bytes.length),
    maxEntrySize: DELIVERY_CACHE_BYTES / 4,
  });
  private readonly resizes = new Semaphore(CONCURRENT_RESIZES);

  constructor(private readonly files: MediaFiles) {}

  /** The bytes an object id and size answer, or undefined when the id has no file (of `accountId`, when given). */
  async deliver(id: string, size: RequestedSize, accountId?: string): Promise<Delivered | undefined> {
    const file = await this.files.find(id, accountId);
    if (!file) return undefined;
    const resized = RESIZABLE_MIME_TYPES.has(file.mimeType) && (size.width > 0 || size.height > 0);
    const label = resized ? `${size.width}x${size.height}` : '0x0';
    const key = `${file.fileId}/${label}`;
    let bytes = this.cache.get(key);
    if (!bytes) {
      const original = await this.original(file.fileId);
      bytes = resized ? await this.resizes.run(() => resizeImage(original, size)) : original;
      this.cache.set(key, bytes);
    }
    return { bytes, mimeType: file.mimeType, etag: `"${file.fileId}-${label}"` };
  }

  private async original(fileId: string): Promise<Buffer> {
    const key = `${fileId}/0x0`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const bytes = await this.files.bytes(fileId);
    this.cache.set(key, bytes);
    return bytes;
  }
}
