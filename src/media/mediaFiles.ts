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
}

/** One stored file with its bytes. */
export interface StoredFile extends StoredFileInfo {
  bytes: Buffer;
}

/** Databases whose `metadata.idKey` index is made or being made (account services are per request). */
const INDEXED = new WeakMap<Db, Promise<void>>();

interface FileDocument {
  _id: string;
  length: number;
  metadata: StoredFileInfo;
}

/**
 * The files of `_media` objects in GridFS on the application's own database (works on MongoDB and
 * on FerretDB 1.24 alike; see the README). A file's GridFS id is its object's id, which is random
 * and unique, so an upload cannot overwrite another; lookups go by the lower-cased id and removal
 * also by account, so an account can never remove another account's file.
 */
export class MediaFiles {
  private bucketOfDb: InstanceType<typeof mongoose.mongo.GridFSBucket> | undefined;

  /** `dbOf` is asked when a file is first touched (the connection may open after construction). */
  constructor(private readonly dbOf: () => Db) {}

  private get bucket() {
    this.bucketOfDb ??= new mongoose.mongo.GridFSBucket(this.dbOf(), { bucketName: MEDIA_BUCKET });
    return this.bucketOfDb;
  }

  /** Stores a file under the object id; rejects (storing nothing usable) when the write fails. */
  async put(id: string, accountId: string, mimeType: string, bytes: Buffer): Promise<void> {
    const metadata: StoredFileInfo = { accountId, idKey: id.toLowerCase(), mimeType };
    const upload = this.bucket.openUploadStreamWithId(id as never, id, { metadata });
    await new Promise<void>((resolve, reject) => {
      upload.once('error', reject).once('finish', () => resolve());
      upload.end(bytes);
    }).catch(async (error) => {
      await upload.abort().catch(() => undefined);
      throw error;
    });
  }

  /** The file of an object id (any letter case), or undefined when there is none. */
  async get(id: string): Promise<StoredFile | undefined> {
    const file = await this.find(id);
    return file && { ...file, bytes: await this.bytes(file.fileId) };
  }

  /** The description of an object id's file (any letter case) and its GridFS id, without the bytes. */
  async find(id: string): Promise<(StoredFileInfo & { fileId: string; size: number }) | undefined> {
    await this.ensureIndex();
    const file = await this.files().findOne({ 'metadata.idKey': id.toLowerCase() });
    return file ? { ...file.metadata, fileId: file._id, size: file.length } : undefined;
  }

  /** The bytes of a stored file by its GridFS id. */
  async bytes(fileId: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.bucket.openDownloadStream(fileId as never)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Removes an account's file of an object id; nothing happens when there is none. */
  async remove(accountId: string, id: string): Promise<void> {
    const file = await this.find(id);
    if (file && file.accountId === accountId) await this.bucket.delete(file.fileId as never);
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
