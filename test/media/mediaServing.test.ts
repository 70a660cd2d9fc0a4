import sharp from 'sharp';
import { mediaFileId } from '../../src/media/mediaFiles';
import { call } from '../rest/restKit';
import { keyRule } from '../support/keyRules';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { image, SIGNATURES, upload } from './mediaKit';

describe('GET /image/{W}x{H}/{id}.{ext} (over HTTP, real database)', () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let photo: { id: string; url: string };
  let original: Buffer;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const dimensions = async (bytes: Buffer) => {
    const meta = await sharp(bytes).metadata();
    return { width: meta.width, height: meta.height, format: meta.format };
  };

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount('Media serving', 'pro');
    original = await image('jpeg', 800, 600);
    photo = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: original, fileName: 'photo.jpg' } })).body;
  });
  afterAll(() => t.close());

  it('serves the original at its url without a key, byte for byte', async () => {
    const response = await get(photo.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.rawPayload.equals(original)).toBe(true);
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
  });

  it.each([
    ['400x0', { width: 400, height: 300 }],
    ['0x150', { width: 200, height: 150 }],
    ['200x200', { width: 200, height: 200 }],
    ['1600x0', { width: 800, height: 600 }],
    ['1000x100', { width: 800, height: 100 }],
  ])('serves %s with the right dimensions (proportional, cropped, never upscaled)', async (size, expected) => {
    const response = await get(`/image/${size}/${photo.id}.jpg`);
    expect(response.statusCode).toBe(200);
    expect(await dimensions(response.rawPayload)).toEqual({ ...expected, format: 'jpeg' });
  });

  it('serves the SEO form /image/{W}x{H}/{id}/{anyName}.{ext}', async () => {
    const response = await get(`/image/100x0/${photo.id}/a-nice-name.jpg`);
    expect(response.statusCode).toBe(200);
    expect(await dimensions(response.rawPayload)).toEqual({ width: 100, height: 75, format: 'jpeg' });
  });

  it('answers 304 to If-None-Match with the ETag, and 200 to another tag', async () => {
    const first = await get(`/image/300x0/${photo.id}.jpg`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await get(`/image/300x0/${photo.id}.jpg`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const other = await get(`/image/300x0/${photo.id}.jpg`, { 'if-none-match': '"something-else"' });
    expect(other.statusCode).toBe(200);
    expect((await get(`/image/301x0/${photo.id}.jpg`)).headers.etag).not.toBe(etag);
  });

  it.each([
    ['an unknown id', '/image/0x0/_media-doesNotExist.jpg'],
    ['a malformed size', '/image/axb/ID.jpg'],
    ['no extension', '/image/0x0/ID'],
  ])('answers a JSON 404 for %s', async (_label, url) => {
    const response = await get(url.replace('ID', photo.id));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 404, message: 'Not found' });
  });

  it.each(['/image/99999x0/ID.jpg', '/image/0x5001/ID/photo.jpg'])('refuses a size over the maximum with a 400 naming size: %s', async (url) => {
    const response = await get(url.replace('ID', photo.id));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ size: ['Width and height must be at most 5000 pixels (0: as the original).'] });
  });

  it('serves SVG sandboxed, so its script cannot run on the API origin', async () => {
    const svg = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: SIGNATURES.svg, fileName: 'logo.svg' } })).body;
    const response = await get(svg.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers['content-security-policy']).toBe('sandbox');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a non-image file at its url (Flotiq: /image/0x0/{id}.{ext}), whatever size is asked', async () => {
    const pdf = (await upload(t.app, { key: keys.rw, type: 'file', file: { bytes: SIGNATURES.pdf, fileName: 'doc.pdf' } })).body;
    expect(pdf.url).toBe(`/image/0x0/${pdf.id}.pdf`);
    for (const url of [pdf.url, `/image/200x0/${pdf.id}.pdf`]) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.equals(SIGNATURES.pdf)).toBe(true);
    }
  });

  it('deleting the _media object removes its file; a referenced one is refused and keeps it', async () => {
    const doomed = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await image('png', 30, 30), fileName: 'doomed.png' } })).body;
    const files = t.database.connection.db!.collection<{ _id: string }>('media.files');
    const chunks = t.database.connection.db!.collection<{ files_id: string }>('media.chunks');
    const fileId = mediaFileId(keys.accountId, doomed.id);
    expect(await files.countDocuments({ _id: fileId })).toBe(1);
    expect((await get(`/image/10x0/${doomed.id}.png`)).statusCode).toBe(200);

    await t.gateway.content(keys.accountId).contentTypes.create({
      name: 'post',
      label: 'Post',
      schemaDefinition: {
        type: 'object',
        allOf: [
          { $ref: '#/components/schemas/AbstractContentTypeSchemaDefinition' },
          { type: 'object', properties: { cover: { type: 'array', items: { $ref: '#/components/schemas/DataSource' }, minItems: 0 } } },
        ],
        required: [],
        additionalProperties: false,
      },
      metaDefinition: {
        order: ['cover'],
        propertiesConfig: { cover: { label: 'Cover', unique: false, inputType: 'datasource', validation: { relationContenttype: '_media' } } },
      },
    } as never);
    const post = await call(t.app, 'POST', '/api/v1/content/post', {
      key: keys.rw,
      body: { cover: [{ type: 'internal', dataUrl: `/api/v1/content/_media/${doomed.id}` }] },
    });
    expect(post.status).toBe(200);
    expect((await call(t.app, 'DELETE', `/api/v1/content/_media/${doomed.id}`, { key: keys.rw })).status).toBe(400);
    expect((await get(`/image/0x0/${doomed.id}.png`)).statusCode).toBe(200);

    expect((await call(t.app, 'DELETE', `/api/v1/content/post/${post.body.id}`, { key: keys.rw })).status).toBe(204);
    expect((await call(t.app, 'DELETE', `/api/v1/content/_media/${doomed.id.toUpperCase()}`, { key: keys.rw })).status).toBe(204);
    expect(await files.countDocuments({ _id: fileId })).toBe(0);
    expect(await chunks.countDocuments({ files_id: fileId })).toBe(0);
    const gone = await get(`/image/10x0/${doomed.id}.png`);
    expect(gone.statusCode).toBe(404);
  });

  it('batch-delete and GraphQL delete remove the files of the deleted objects', async () => {
    const png = async (name: string) =>
      (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await image('png', 12, 12), fileName: name } })).body.id as string;
    const [a, b, c] = [await png('a.png'), await png('b.png'), await png('c.png')];
    const batch = await call(t.app, 'POST', '/api/v1/content/_media/batch-delete', { key: keys.rw, body: [a, b] });
    expect(batch.body).toEqual({ deletedCount: 2 });
    const viaGraphql = await graphql(t.app, keys.rw, `mutation { delete_Media(id: "${c}") { id } }`);
    expect(viaGraphql.body.errors).toBeUndefined();
    for (const id of [a, b, c]) expect((await get(`/image/0x0/${id}.png`)).statusCode).toBe(404);
    expect(await t.database.connection.db!.collection('media.files').countDocuments({ 'metadata.idKey': { $in: [a, b, c] } })).toBe(0);
  });

  it("another account deleting an object it made with the same id does not remove this account's file", async () => {
    const other = await t.createAccount('Other');
    const created = await call(t.app, 'POST', '/api/v1/content/_media', {
      key: other.rw,
      body: { id: photo.id, fileName: 'x.jpg', mimeType: 'image/jpeg', size: 1, url: photo.url, source: 'disk', extension: 'jpg', type: 'image' },
    });
    expect(created.status).toBe(200);
    expect((await call(t.app, 'DELETE', `/api/v1/content/_media/${photo.id}`, { key: other.rw })).status).toBe(204);
    expect((await get(photo.url)).statusCode).toBe(200);
  });
});

describe('MEDIA_REQUIRE_KEY=true (over HTTP, real database)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { MEDIA_REQUIRE_KEY: 'true' } });
  });
  afterAll(() => t.close());

  it("serves files only to keys that may read _media of the file's account", async () => {
    const keys = await t.createAccount('Private media');
    const other = await t.createAccount('Someone else');
    const service = await t.gateway.keyService(keys.accountId);
    const noMedia = (await service.createUserKey({ name: 'no media', rules: [keyRule('_tag', { canRead: true })] })).secret;
    const mediaWriter = (await service.createUserKey({ name: 'writer', rules: [keyRule('_media', { canCreate: true })] })).secret;
    const photo = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await image('png', 40, 20), fileName: 'p.png' } })).body;
    const get = (key?: string) => t.app.inject({ method: 'GET', url: `/image/20x0/${photo.id}.png`, headers: key ? { 'x-auth-token': key } : {} });

    expect((await get()).statusCode).toBe(401);
    // As everywhere: a type the key does not reach is not found, one it reaches without read is a 403.
    expect((await get(noMedia)).statusCode).toBe(404);
    expect((await get(mediaWriter)).statusCode).toBe(403);
    expect((await get(other.ro)).statusCode).toBe(404);
    const allowed = await get(keys.ro);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const viaQuery = await t.app.inject({ method: 'GET', url: `${photo.url}?auth_token=${keys.ro}` });
    expect(viaQuery.statusCode).toBe(200);
  });
});
