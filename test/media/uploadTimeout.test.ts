import net from 'node:net';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { image, upload } from './mediaKit';

/** What a raw client got back: the response text and whether the server closed the connection. */
function stalledUpload(port: number, key: string, body: Buffer, boundary: string): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ response, closed: false });
    }, 30_000);
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ response, closed: true });
    });
    socket.on('connect', () => {
      // The headers announce the whole body; only its first half is sent, then nothing more.
      socket.write(
        'POST /api/media HTTP/1.1\r\nHost: localhost\r\n' +
          `X-AUTH-TOKEN: ${key}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
          `Content-Length: ${body.length}\r\n\r\n`,
      );
      socket.write(body.subarray(0, Math.floor(body.length / 2)));
    });
  });
}

describe('POST /api/media: a stalled upload is cut off (real database, real socket)', () => {
  let t: TestGateway;
  let port: number;
  beforeAll(async () => {
    t = await startTestGateway({ env: { MEDIA_UPLOAD_TIMEOUT_MS: '1000' } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers 408 and closes the connection; neither an object nor a file is stored; the next upload works', async () => {
    const keys = await t.createAccount('Stalled');
    const boundary = 'stalled-boundary';
    const bytes = await image('png', 300, 300);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nimage\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.png"\r\nContent-Type: image/png\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const { response, closed } = await stalledUpload(port, keys.rw, body, boundary);
    expect(response.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(response.toLowerCase()).toContain('connection: close');
    expect(response.slice(response.indexOf('\r\n\r\n') + 4)).toBe('{"code":408,"message":"Request Timeout"}');
    expect(closed).toBe(true);

    const media = t.gateway.content(keys.accountId);
    expect((await media.objects.list('_media', { limit: 10 })).total).toBe(0);
    expect(await t.database.connection.db!.collection('media.files').countDocuments({ 'metadata.accountId': keys.accountId })).toBe(0);
    const next = await upload(t.app, { key: keys.rw, type: 'image', file: { bytes, fileName: 'fast.png' } });
    expect(next.status).toBe(200);
  });
});
