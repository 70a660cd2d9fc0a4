import sharp from 'sharp';
import { call } from '../rest/restKit';
import { keyRule } from '../support/keyRules';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { image, SIGNATURES, upload } from './mediaKit';

describe('POST /api/media (over HTTP, real database)', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  const files = () => t.database.connection.db!.collection('media.files');
  const mediaCount = async () => (await call(t.app, 'GET', '/api/v1/content/_media?limit=100', { key: keys.rw })).body.total_count;

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount('Media', 'pro');
  });
  afterAll(() => t.close());

  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['gif', 'image/gif'],
  ] as const)('stores a %s image with its dimensions and answers the _media object', async (format, mimeType) => {
    const bytes = await image(format, 320, 200);
    const response = await upload(t.app, { key: keys.rw, type: 'image', file: { bytes, fileName: `photo.${format}` } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      fileName: `photo.${format}`,
      mimeType,
      size: bytes.length,
      extension: format,
      type: 'image',
      source: 'disk',
      width: 320,
      height: 200,
    });
    expect(response.body.id).toMatch(/^_media-/);
    expect(response.body.url).toBe(`/image/0x0/${response.body.id}.${format}`);
    const stored = await call(t.app, 'GET', `/api/v1/content/_media/${response.body.id}`, { key: keys.rw });
    expect(stored.body.url).toBe(response.body.url);
  });

  it.each([
    ['bmp', 'image/bmp', 'image'],
    ['ico', 'image/x-icon', 'image'],
    ['svg', 'image/svg+xml', 'image'],
    ['txt', 'text/plain', 'file'],
    ['json', 'application/json', 'file'],
    ['pdf', 'application/pdf', 'file'],
    ['mp3', 'audio/mpeg', 'file'],
    ['wav', 'audio/wav', 'file'],
    ['mid', 'audio/midi', 'file'],
    ['ogg', 'audio/ogg', 'file'],
    ['mp4', 'video/mp4', 'file'],
    ['webm', 'video/webm', 'file'],
  ] as const)('stores a .%s file as %s, decided from its bytes', async (extension, mimeType, type) => {
    const bytes = SIGNATURES[extension];
    const response = await upload(t.app, { key: keys.rw, type, file: { bytes, fileName: `thing.${extension}`, contentType: 'application/x-lie' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ mimeType, extension, size: bytes.length, type });
  });

  it('takes the kind from the bytes, not from the client header, for a name without extension', async () => {
    const response = await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await image('png'), fileName: 'upload', contentType: 'image/jpeg' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ mimeType: 'image/png', extension: 'png' });
  });

  describe('refusals store nothing', () => {
    let before: { objects: number; files: number };
    beforeEach(async () => {
      before = { objects: await mediaCount(), files: await files().countDocuments() };
    });
    afterEach(async () => {
      expect({ objects: await mediaCount(), files: await files().countDocuments() }).toEqual(before);
    });

    it('refuses a type outside Flotiq list with its message on `file`', async () => {
      const html = Buffer.from('\u0000\u0001binary garbage');
      const response = await upload(t.app, { key: keys.rw, type: 'file', file: { bytes: html, fileName: 'x.bin', contentType: 'application/pdf' } });
      expect(response.status).toBe(400);
      expect(response.body.file[0]).toMatch(/^The mime type of the file is invalid \("application\/octet-stream"\)/);
    });

    it('refuses an executable even when named and labelled as a PDF', async () => {
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
      const response = await upload(t.app, { key: keys.rw, type: 'file', file: { bytes: exe, fileName: 'report.pdf', contentType: 'application/pdf' } });
      expect(response.status).toBe(400);
      expect(response.body.file[0]).toMatch(/^The mime type of the file is invalid \("application\/x-msdownload"\)/);
    });

    it('refuses a file whose bytes disagree with its name', async () => {
      const response = await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await image('jpeg'), fileName: 'photo.png', contentType: 'image/png' } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ file: ['The file name "photo.png" does not match its content ("image/jpeg").'] });
    });

    it('refuses a file over 10 MB with its real size', async () => {
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.round(10.5 * 1024 * 1024), 0x20)]);
      const response = await upload(t.app, { key: keys.rw, type: 'file', file: { bytes: big, fileName: 'big.pdf' } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ file: ['The file is too large (10.5 MB). Allowed maximum size is 10 MB.'] });
    });

    it('refuses a file over the 64 MB reading limit without reading it all', async () => {
      const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(65 * 1024 * 1024)]);
      const response = await upload(t.app, { key: keys.rw, type: 'file', file: { bytes: huge, fileName: 'huge.pdf' } });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ file: ['The file is too large (more than 64 MB). Allowed maximum size is 10 MB.'] });
    });

    it('refuses a missing file, a missing type and a wrong save flag, naming each field', async () => {
      const response = await upload(t.app, { key: keys.rw, save: '2' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        type: ['This value should not be blank.'],
        save: ['The value you selected is not a valid choice.'],
        file: ['This value should not be blank.'],
      });
      const wrongType = await upload(t.app, { key: keys.rw, type: 'video', file: { bytes: SIGNATURES.pdf, fileName: 'a.pdf' } });
      expect(wrongType.body).toEqual({ type: ['The value you selected is not a valid choice.'] });
    });

    it('answers 415 for a body that is not multipart', async () => {
      const response = await call(t.app, 'POST', '/api/media', { key: keys.rw, body: { type: 'image' } });
      expect(response.status).toBe(415);
      expect(response.body).toEqual({ code: 415, message: 'Unsupported Media Type' });
    });

    it('refuses a key without create on _media (403), the read-only key, and no key (401)', async () => {
      const service = await t.gateway.keyService(keys.accountId);
      const readOnly = (await service.createUserKey({ name: 'media reader', rules: [keyRule('_media', { canRead: true, canUpdate: true, canDelete: true })] })).secret;
      const file = { bytes: await image('png'), fileName: 'a.png' };
      expect((await upload(t.app, { key: readOnly, type: 'image', file })).status).toBe(403);
      expect((await upload(t.app, { key: keys.ro, type: 'image', file })).status).toBe(403);
      expect((await upload(t.app, { type: 'image', file })).status).toBe(401);
    });

    it('removes the file again when the object cannot be stored (a key denied a field of _media)', async () => {
      const service = await t.gateway.keyService(keys.accountId);
      const rule = { ...keyRule('_media', { canRead: true, canCreate: true }), fields: { size: { create: false } } };
      const { secret } = await service.createUserKey({ name: 'media no size', rules: [rule] });
      const response = await upload(t.app, { key: secret, type: 'image', file: { bytes: await image('png'), fileName: 'a.png' } });
      expect(response.status).toBe(403);
    });
  });

  it('save=0 answers the _media object the upload would make and stores neither file nor object', async () => {
    const before = { objects: await mediaCount(), files: await files().countDocuments() };
    const bytes = await image('webp', 30, 20);
    const response = await upload(t.app, { key: keys.rw, type: 'image', save: '0', file: { bytes, fileName: 'draft.webp' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ fileName: 'draft.webp', mimeType: 'image/webp', size: bytes.length, extension: 'webp', width: 30, height: 20, type: 'image' });
    expect(response.body.url).toBe(`/image/0x0/${response.body.id}.webp`);
    expect(response.body.internal).toBeUndefined();
    expect({ objects: await mediaCount(), files: await files().countDocuments() }).toEqual(before);
    expect((await call(t.app, 'GET', `/api/v1/content/_media/${response.body.id}`, { key: keys.rw })).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: response.body.url })).statusCode).toBe(404);
    // Checked as save=1 is: a wrong kind is still a 400, a read-only key still a 403.
    const wrong = await upload(t.app, { key: keys.rw, type: 'image', save: '0', file: { bytes, fileName: 'draft.png' } });
    expect(wrong.status).toBe(400);
    expect((await upload(t.app, { key: keys.ro, type: 'image', save: '0', file: { bytes, fileName: 'draft.webp' } })).status).toBe(403);
    // save=1 stores, as an absent save does.
    const saved = await upload(t.app, { key: keys.rw, type: 'image', save: '1', file: { bytes, fileName: 'kept.webp' } });
    expect((await call(t.app, 'GET', `/api/v1/content/_media/${saved.body.id}`, { key: keys.rw })).status).toBe(200);
  });

  it('a key with create on _media (and nothing else) can upload', async () => {
    const service = await t.gateway.keyService(keys.accountId);
    const uploader = (await service.createUserKey({ name: 'uploader', rules: [keyRule('_media', { canCreate: true })] })).secret;
    const response = await upload(t.app, { key: uploader, type: 'image', file: { bytes: await image('png', 20, 10), fileName: 'small.png' } });
    expect(response.status).toBe(200);
    // The key cannot read _media, so it sees only the id; the stored object is complete.
    const stored = await call(t.app, 'GET', `/api/v1/content/_media/${response.body.id}`, { key: keys.rw });
    expect(stored.body).toMatchObject({ fileName: 'small.png', width: 20, height: 10, mimeType: 'image/png' });
  });
});

describe('POST /api/media: decompression bombs', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('refuses an image over the pixel limit from its header, before decoding it', async () => {
    const keys = await t.createAccount('Bombs');
    // A 10x10 GIF whose screen and frame claim 8000x8000: 49 bytes that would decode to 192 MB.
    const bomb = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).gif().toBuffer();
    const frame = bomb.indexOf(0x2c, 13);
    for (const offset of [6, 8, frame + 5, frame + 7]) bomb.writeUInt16LE(8000, offset);
    const response = await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: bomb, fileName: 'bomb.gif' } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ file: ['The image is too large (8000x8000 pixels). Allowed maximum is 50000000 pixels.'] });
  });
});
