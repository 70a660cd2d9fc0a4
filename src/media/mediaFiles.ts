import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import mongoose from 'mongoose';
type Db = mongoose.mongo.Db;

/** The GridFS bucket holding uploaded files (`media.files`, `media.chunks`). */
export const MEDIA_BUCKET = 'media';

/** A stored file's description (GridFS `metadata`). */
export interface StoredFileInfo {
  accountId: string;
  /** The `_media` object's id, lower-cased (ids are case-insensitive). */
  idKey: string;
  mimeType: string;
  /** Hex SHA-256 of the bytes (files stored before it was recorded have none). */
  sha256?: string;
}

/** A stored file's description with its GridFS id, size and write time. */
export interface FoundFile extends StoredFileInfo {
  fileId: string;
  size: number;
  uploadDate: Date;
}

/** One stored file with its bytes. */
export interface StoredFile extends FoundFile {
  bytes: Buffer;
}

/** Databases whose `metadata.idKey` index is made or being made (account services are per request). */
const INDEXED = new WeakMap<Db, Promise<void>>();

interface FileDocument {
  _id: string;
  length: number;
  uploadDate: Date;
  metadata: StoredFileInfo;
}

/** The GridFS id of an account's file of an object: one file per account and object id. */
export function mediaFileId(accountId: string, id: string): string {
  return `${accountId}/${id.toLowerCase()}`;
}

/** Hex SHA-256 of a file's bytes (what export/import compare). */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The files of `_media` objects in GridFS on the application's own database (works on MongoDB and
 * on FerretDB 1.24 alike; see the README). A file's GridFS id is its account and lower-cased object
 * id (older files: the object id alone), so an account holds at most one file per object and two
 * accounts that share an id (an export imported twice) keep their own copies. Lookups go by the
 * `metadata`; removal always by account, so an account can never remove another account's file.
 */
export class MediaFiles {
  private bucketOfDb: InstanceType<typeof mongoose.mongo.GridFSBucket> | undefined;

  /** `dbOf` is asked when a file is first touched (the connection may open after construction). */
  constructor(private readonly dbOf: () => Db) {}

  private get bucket() {
    this.bucketOfDb ??= new mongoose.mongo.GridFSBucket(this.dbOf(), { bucketName: MEDIA_BUCKET });
    return this.bucketOfDb;
  }

  /**
   * Stores an account's file of an object id; rejects (storing nothing usable) when the write fails,
   * also when the account already holds a file for the id (the GridFS id is unique).
   */
  async put(id: string, accountId: string, mimeType: string, bytes: Buffer): Promise<void> {
    const metadata: StoredFileInfo = { accountId, idKey: id.toLowerCase(), mimeType, sha256: sha256Of(bytes) };
    const fileId = mediaFileId(accountId, id);
    const upload = this.bucket.openUploadStreamWithId(fileId as never, id, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('error', reject).once('finish', () => resolve());
      upload.end(bytes);
    }).catch(async (error) => {
      // The stream has ended, so the driver's `abort()` refuses: the chunks written are removed here,
      // unless the key was a duplicate (the account already holds this file: those chunks are its).
      if ((error as { code?: unknown }).code !== 11000) {
        await this.dbOf().collection(`${MEDIA_BUCKET}.chunks`).deleteMany({ files_id: fileId }).catch(() => undefined);
      }
      throw error;
    });
  }

  /** An account's file of an object id (any letter case) with its bytes, or undefined when there is none. */
  async get(id: string, accountId: string): Promise<StoredFile | undefined> {
    const file = await this.find(id, accountId);
    return file && { ...file, bytes: await this.bytes(file.fileId) };
  }

  /**
   * The file of an object id (any letter case) without its bytes: the account's when `accountId` is
   * given, else the oldest of any account (a later copy under the same id never replaces what an
   * image URL shows).
   */
  async find(id: string, accountId?: string): Promise<FoundFile | undefined> {
    await this.ensureIndex();
    const filter: Record<string, unknown> = { 'metadata.idKey': id.toLowerCase() };
    if (accountId !== undefined) filter['metadata.accountId'] = accountId;
    const [file] = await this.files().find(filter).sort({ uploadDate: 1, _id: 1 }).limit(1).toArray();
    return file ? { ...file.metadata, fileId: file._id, size: file.length, uploadDate: file.uploadDate } : undefined;
  }

  /** The bytes of a stored file by its GridFS id. */
  async bytes(fileId: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(fileId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The bytes of a stored file as a stream (export writes files without holding them). */
  stream(fileId: string): Readable {
    return this.bucket.openDownloadStream(fileId as never);
  }

  /** Removes an account's file of an object id; nothing happens when there is none. */
  async remove(accountId: string, id: string): Promise<void> {
    const file = await this.find(id, accountId);
    if (file) await this.removeFile(file.fileId);
  }

  /** Removes a stored file by its GridFS id (the orphan sweep); a file already gone is no error. */
  async removeFile(fileId: string): Promise<void> {
    await this.bucket.delete(fileId as never).catch((error: Error) => {
      if (!/File not found/i.test(error.message)) throw error;
    });
  }

  /** Files written before `before`, oldest first, after `after` (a sweep's cursor), at most `limit`. */
  async writtenBetween(after: Date | undefined, before: Date, limit: number): Promise<FoundFile[]> {
    const uploadDate: Record<string, Date> = { $lt: before };
    if (after) uploadDate.$gt = after;
    const files = await this.files().find({ uploadDate }).sort({ uploadDate: 1, _id: 1 }).limit(limit).toArray();
    return files.map((file) => ({ ...file.metadata, fileId: file._id, size: file.length, uploadDate: file.uploadDate }));
  }

  private files() {
    return this.dbOf().collection<FileDocument>(`${MEDIA_BUCKET}.files`);
  }

  /** Lookups go by `metadata.idKey`; the index is made once per database and process (a failure is retried later). */
  private async ensureIndex(): Promise<void> {
    const db = this.dbOf();
    let indexed = INDEXED.get(db);
    if (!indexed) {
      indexed = this.files()
        .createIndex({ 'metadata.idKey': 1 })
        .then(
          () => undefined,
          () => void INDEXED.delete(db),
        );
      INDEXED.set(db, indexed);
    }
    await indexed;
  }
}
