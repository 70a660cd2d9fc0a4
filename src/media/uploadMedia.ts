import type { ContentObject } from '../content-objects/contentObject';
import { errors } from '../errors/errorFactory';
import { createObject } from '../operations/contentOperations';
import { requireWritableFields } from '../operations/guards';
import type { OperationContext } from '../operations/operationContext';
import { trimObject } from '../operations/trimObject';
import { newObjectId } from '../utils/randomId';
import { detectMimeType } from './detectMediaKind';
import { mediaUrl } from './imageUrls';
import { MEDIA_TYPE, storedExtension } from './mediaKinds';
import type { ReadUpload } from './readUpload';
import { imageDimensions } from './resizeImage';
import { fileProblems, saveProblem, typeProblem } from './uploadProblems';

/**
 * Stores one upload as a `_media` object with its file (spec §5.2). Everything is checked before
 * anything is written; then the file is written first and the object second, and the file is
 * removed again when the object cannot be stored, so a failed upload leaves neither.
 * `save=0` (spec §5.2: only `1` stores the file in the library) checks everything the same way and
 * answers the object the upload would make, storing neither the file nor the object.
 */
export async function uploadMedia(ctx: OperationContext, upload: ReadUpload): Promise<ContentObject> {
  const file = upload.file;
  const fieldErrors: Record<string, string[]> = {};
  const type = typeProblem(upload.fields.type);
  if (type) fieldErrors.type = [type];
  const save = saveProblem(upload.fields.save);
  if (save) fieldErrors.save = [save];
  if (!file || file.fieldName !== 'file') {
    fieldErrors.file = ['This value should not be blank.'];
    throw errors.validation(fieldErrors);
  }
  const mimeType = await detectMimeType(file.bytes);
  const dimensions = mimeType.startsWith('image/') ? await imageDimensions(file.bytes) : undefined;
  const problems = fileProblems({ fileName: file.fileName, size: file.size, mimeType, dimensions });
  if (problems.length > 0) fieldErrors.file = problems;
  if (Object.keys(fieldErrors).length > 0) throw errors.validation(fieldErrors);

  const id = newObjectId(MEDIA_TYPE);
  const extension = storedExtension(file.fileName, mimeType);
  const body: Record<string, unknown> = {
    id,
    fileName: file.fileName || `${id}.${extension}`,
    mimeType,
    size: file.size,
    extension,
    type: upload.fields.type,
    source: 'disk',
    url: mediaUrl(id, extension),
    ...(dimensions ?? {}),
  };
  if (upload.fields.save === '0') return unsavedObject(ctx, body);
  const accountId = ctx.content.scope.accountId;
  await ctx.content.media.put(id, accountId, mimeType, file.bytes);
  try {
    return await createObject(ctx, MEDIA_TYPE, body);
  } catch (error) {
    await ctx.content.media.remove(accountId, id).catch(() => undefined);
    throw error;
  }
}

/** The object an upload would make, as `createObject` would answer it, without storing anything. */
async function unsavedObject(ctx: OperationContext, body: Record<string, unknown>): Promise<ContentObject> {
  requireWritableFields(ctx.permissions, 'create', MEDIA_TYPE, Object.keys(body));
  // Trimmed by the one trim every answer goes through; an unsaved object has no `internal` block.
  const { internal: _none, ...trimmed } = trimObject(ctx.permissions, await ctx.content.objects.contentType(MEDIA_TYPE), { ...body, internal: {} } as ContentObject);
  return trimmed as ContentObject;
}
