import { LRUCache } from 'lru-cache';
import { errors } from '../errors/errorFactory';
import type { RequestedSize } from './imageUrls';
import { trimLabel, variantTrim, type TrimSpec } from './imageTransforms';
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

/** What one image URL asks for beyond the object id. */
export interface DeliveryRequest {
  size: RequestedSize;
  /** Serve only a file of this account (`MEDIA_REQUIRE_KEY`). */
  accountId?: string;
  /** A trim given in the URL (`…/transform/trim/…` or `?transform=`). */
  trim?: TrimSpec;
  /** A variant of the `_media` object by name (`…/variant/{name}`): its trim. */
  variant?: string;
}

/** The `variants` of an account's `_media` object (read when a URL names a variant). */
export type VariantsOf = (accountId: string, id: string) => Promise<unknown>;

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

  constructor(
    private readonly files: MediaFiles,
    private readonly variantsOf: VariantsOf,
  ) {}

  /**
   * The bytes an object id answers (resized and trimmed as asked), or undefined when the id has no
   * file (of `accountId`, when given) or no variant of the name asked. 400 for a trim that leaves nothing.
   */
  async deliver(id: string, request: DeliveryRequest): Promise<Delivered | undefined> {
    const { size } = request;
    const file = await this.files.find(id, request.accountId);
    if (!file) return undefined;
    let trim = request.trim;
    if (request.variant !== undefined) {
      trim = variantTrim(await this.variantsOf(file.accountId, id), request.variant);
      if (!trim) return undefined;
    }
    const transformed = RESIZABLE_MIME_TYPES.has(file.mimeType) && (size.width > 0 || size.height > 0 || trim !== undefined);
    const label = transformed ? `${size.width}x${size.height}${trimLabel(trim)}` : '0x0';
    const key = `${file.fileId}/${label}`;
    let bytes = this.cache.get(key);
    if (!bytes) {
      const original = await this.original(file.fileId);
      bytes = transformed ? await this.resizes.run(() => resizeImage(original, size, trim)) : original;
      if (!bytes) throw errors.invalidField('transform', 'The trim leaves nothing of the image.');
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
