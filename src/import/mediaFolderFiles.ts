import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AccountContent } from '../accounts/accountContent';
import { detectMimeType } from '../media/detectMediaKind';
import { sha256Of, type FoundFile } from '../media/mediaFiles';
import { MEDIA_TYPE } from '../media/mediaKinds';
import { decideImportedFile } from './importedFileDecision';
import type { ExportedType } from './readExportFolder';

/**
 * Where a `_media` object's file lies in an export folder: beside its objects file, named
 * `{id}.{extension}` (flotiq-cli's `export` writes it there and its media import reads it there).
 */
export function mediaFilePath(typeDir: string, object: Record<string, unknown>): string | undefined {
  const { id, extension } = object;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  if (typeof extension !== 'string' || !/^[A-Za-z0-9]{1,10}$/.test(extension)) return undefined;
  return path.join(typeDir, `${id}.${extension}`);
}

/** Writes the file of every exported `_media` object the account holds one for; answers how many. */
export async function exportMediaFiles(content: AccountContent, typeDir: string, objects: readonly Record<string, unknown>[]): Promise<number> {
  let written = 0;
  for (const object of objects) {
    const target = mediaFilePath(typeDir, object);
    const file = target && (await content.media.find(String(object.id), content.scope.accountId));
    if (!target || !file) continue;
    await pipeline(content.media.stream(file.fileId), fs.createWriteStream(target));
    written += 1;
  }
  return written;
}

/** One file an import will store: the object it belongs to and where its bytes are. */
export interface PlannedFile {
  id: string;
  mimeType: string;
  file: string;
}

/**
 * Checks every file the `_media` objects of an export folder have there, before anything is
 * written (`decideImportedFile`), and answers those still to store. Throws one error listing every
 * refused file. Files are read one at a time and not kept.
 */
export async function planMediaFiles(content: AccountContent, root: string, types: readonly ExportedType[]): Promise<PlannedFile[]> {
  const media = types.find((type) => type.definition.name === MEDIA_TYPE);
  if (!media) return [];
  const planned: PlannedFile[] = [];
  const problems: string[] = [];
  for (const object of media.objects) {
    const file = mediaFilePath(path.join(root, media.folder), object);
    if (!file || !fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    const id = String(object.id);
    const existing = await content.media.find(id, content.scope.accountId);
    const decision = decideImportedFile({
      where: path.join(media.folder, path.basename(file)),
      declaredMimeType: object.mimeType,
      detectedMimeType: await detectMimeType(bytes),
      size: bytes.length,
      sha256: sha256Of(bytes),
      existingSha256: existing && (await storedSha256(content, existing)),
    });
    if (decision.action === 'refuse') problems.push(decision.problem);
    else if (decision.action === 'store') planned.push({ id, mimeType: String(object.mimeType), file });
  }
  if (problems.length) throw new Error(`media files refused, nothing imported:\n  ${problems.join('\n  ')}`);
  return planned;
}

/** Stores one planned file under its object id (after its object is imported). */
export async function storeMediaFile(content: AccountContent, planned: PlannedFile): Promise<void> {
  await content.media.put(planned.id, content.scope.accountId, planned.mimeType, fs.readFileSync(planned.file));
}

/** A stored file's SHA-256: from its metadata, or from its bytes for files stored before it was recorded. */
async function storedSha256(content: AccountContent, file: FoundFile): Promise<string> {
  return file.sha256 ?? sha256Of(await content.media.bytes(file.fileId));
}
