import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';

/** Helpers of the media tests: multipart uploads over `app.inject` and small generated files. */

/** One multipart upload; `file` absent sends no file part. */
export interface UploadInput {
  key?: string;
  file?: { bytes: Buffer; fileName: string; contentType?: string };
  type?: string;
  save?: string;
}

/** Posts `multipart/form-data` to `/api/media`; returns status and parsed body. */
export async function upload(app: FastifyInstance, input: UploadInput): Promise<{ status: number; body: any }> {
  const boundary = '----contentgate-test-boundary';
  const parts: Buffer[] = [];
  const field = (name: string, value: string) =>
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (input.type !== undefined) field('type', input.type);
  if (input.save !== undefined) field('save', input.save);
  if (input.file) {
    const header =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${input.file.fileName}"\r\n` +
      `Content-Type: ${input.file.contentType ?? 'application/octet-stream'}\r\n\r\n`;
    parts.push(Buffer.from(header), input.file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await app.inject({
    method: 'POST',
    url: '/api/media',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(input.key ? { 'x-auth-token': input.key } : {}) },
    payload: Buffer.concat(parts),
  });
  return { status: response.statusCode, body: response.body === '' ? undefined : JSON.parse(response.body) };
}

/** A `width`×`height` image in a format sharp writes. */
export async function image(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();
}

const pad = (head: Buffer | string, length = 64) => Buffer.concat([Buffer.from(head as string), Buffer.alloc(length)]);

/** Minimal files of the other accepted kinds, recognisable by their signatures. */
export const SIGNATURES = {
  bmp: pad(Buffer.from('424d3a000000000000003600000028000000010000000100000001001800000000000400000000000000000000000000000000000000ffffff00', 'hex'), 0),
  ico: pad(Buffer.from('0000010001001010000001002000', 'hex')),
  svg: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'),
  txt: Buffer.from('plain words\n'),
  json: Buffer.from('{"a":[1,2,3]}'),
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  mp3: pad(Buffer.from('fffb9064', 'hex')),
  wav: pad(Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt ')])),
  mid: pad('MThd\u0000\u0000\u0000\u0006'),
  ogg: pad(Buffer.concat([Buffer.from('OggS'), Buffer.alloc(24), Buffer.from('\u0001vorbis')])),
  mp4: pad(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(4), Buffer.from('mp42isom')])),
  webm: pad(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84]), Buffer.from('webm')])),
};
