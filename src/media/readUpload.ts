import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors/errorFactory';
import { MEDIA_MAX_BYTES } from './mediaKinds';
import { tooLargeMessage } from './uploadProblems';

/** Bytes read of a file part before the rest is only counted (so the 400 can say the real size). */
export const UPLOAD_HARD_LIMIT_BYTES = 64 * 1024 * 1024;

/** A multipart upload as sent: the text fields and at most one file (its bytes kept up to the limit). */
export interface ReadUpload {
  fields: Record<string, string>;
  file?: { fieldName: string; fileName: string; size: number; bytes: Buffer };
}

/**
 * Reads `multipart/form-data` (415 for any other body). File bytes are kept up to
 * `MEDIA_MAX_BYTES` and only counted beyond (up to `UPLOAD_HARD_LIMIT_BYTES`, past which the
 * size is "more than" it), so a too large file costs no more memory than an accepted one. More than one file is a 400 on `file`.
 */
export async function readUpload(request: FastifyRequest): Promise<ReadUpload> {
  if (!request.isMultipart()) throw errors.unsupportedMediaType();
  const upload: ReadUpload = { fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        upload.fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        continue;
      }
      const kept: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        if (size < MEDIA_MAX_BYTES) kept.push(chunk.subarray(0, MEDIA_MAX_BYTES - size));
        size += chunk.length;
      }
      if (upload.file) throw errors.invalidField('file', 'Only one file may be sent.');
      upload.file = { fieldName: part.fieldname, fileName: part.filename ?? '', size, bytes: Buffer.concat(kept) };
    }
  } catch (error) {
    throw multipartError(error);
  }
  return upload;
}

/** Errors of the multipart parser as Flotiq 400s on `file`; anything else unchanged. */
function multipartError(error: unknown): unknown {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('FST_')) {
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return errors.unsupportedMediaType();
    if (code === 'FST_REQ_FILE_TOO_LARGE') return errors.invalidField('file', tooLargeMessage(UPLOAD_HARD_LIMIT_BYTES, true));
    return errors.invalidField('file', 'The upload could not be read (one file and a few fields are accepted).');
  }
  return error;
}

/**
 * Reads an upload (`readUpload`) within `timeoutMs` of now (0: no limit). When the body has not
 * arrived by then, answers 408 and closes the connection once the answer is sent (the rest of the
 * body is never read); nothing has been stored at that point, as nothing is before the whole body is read.
 */
export async function readUploadWithin(request: FastifyRequest, reply: FastifyReply, timeoutMs: number): Promise<ReadUpload> {
  const reading = readUpload(request);
  if (timeoutMs <= 0) return reading;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // The parser fails once the connection is gone; that failure is the timeout's, not an answer.
      reading.catch(() => undefined);
      reply.header('connection', 'close');
      reply.raw.once('finish', () => request.raw.socket?.destroy());
      reject(errors.requestTimeout());
    }, timeoutMs);
  });
  try {
    return await Promise.race([reading, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
