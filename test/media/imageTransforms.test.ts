import sharp from 'sharp';
import { call } from '../rest/restKit';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { upload } from './mediaKit';

/** A 400x300 red PNG with a 100x100 blue square whose top left corner is at (50, 50). */
async function pictureWithSquare(): Promise<Buffer> {
  const square = await sharp({ create: { width: 100, height: 100, channels: 3, background: { r: 0, g: 0, b: 255 } } }).png().toBuffer();
  return sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: square, left: 50, top: 50 }])
    .png()
    .toBuffer();
}

/** Width, height and mean colour of an answered image. */
async function look(bytes: Buffer) {
  const [meta, stats] = await Promise.all([sharp(bytes).metadata(), sharp(bytes).stats()]);
  const [r, g, b] = stats.channels.map((channel) => Math.round(channel.mean));
  return { width: meta.width, height: meta.height, colour: { r, g, b } };
}

describe("Flotiq's image transformations: variants and trims (over HTTP, real database)", () => {
  let t: TestGateway;
  let keys: { accountId: string; rw: string; ro: string };
  let photo: { id: string; url: string };
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const seo = (size: string, rest = '') => `/image/${size}/${photo.id}/picture.png${rest}`;

  beforeAll(async () => {
    t = await startTestGateway();
    keys = await t.createAccount('Transforms', 'pro');
    photo = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await pictureWithSquare(), fileName: 'picture.png' } })).body;
  });
  afterAll(() => t.close());

  it('…/transform/trim/{top},{left},{width},{height} keeps that region, then resizes it', async () => {
    const trimmed = await get(seo('0x0', '/transform/trim/50,50,100,100'));
    expect(trimmed.statusCode).toBe(200);
    expect(await look(trimmed.rawPayload)).toEqual({ width: 100, height: 100, colour: { r: 0, g: 0, b: 255 } });
    const smaller = await get(seo('40x0', '/transform/trim/50,50,100,100'));
    expect(await look(smaller.rawPayload)).toEqual({ width: 40, height: 40, colour: { r: 0, g: 0, b: 255 } });
    expect(smaller.headers.etag).not.toBe(trimmed.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: seo('0x0', '/transform/trim/50,50,100,100'), headers: { 'if-none-match': String(trimmed.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('?transform={"trim":…} takes either form; a region past the image is cut to it', async () => {
    const sides = await get(`${photo.url}?transform=${encodeURIComponent('{"trim":{"top":10,"right":20,"bottom":30,"left":40}}')}`);
    expect(sides.statusCode).toBe(200);
    expect((await look(sides.rawPayload)).width).toBe(340);
    expect((await look(sides.rawPayload)).height).toBe(260);
    const past = await get(`${photo.url}?transform=${encodeURIComponent('{"trim":{"top":250,"left":350,"width":500,"height":500}}')}`);
    expect(await look(past.rawPayload)).toEqual({ width: 50, height: 50, colour: { r: 255, g: 0, b: 0 } });
  });

  it('…/variant/{name} applies the trim of a variant of the _media object (names case-insensitive)', async () => {
    const patched = await call(t.app, 'PATCH', `/api/v1/content/_media/${photo.id}`, {
      key: keys.rw,
      body: { variants: [{ name: 'Square', trim: { top: 50, left: 50, width: 100, height: 100 } }] },
    });
    expect(patched.status).toBe(200);
    const variant = await get(seo('50x0', '/variant/square'));
    expect(variant.statusCode).toBe(200);
    expect(await look(variant.rawPayload)).toEqual({ width: 50, height: 50, colour: { r: 0, g: 0, b: 255 } });
    expect((await get(seo('50x0', '/variant/missing'))).statusCode).toBe(404);
  });

  it('refuses what cannot be a trim: malformed paths are 404, a malformed or empty query trim 400', async () => {
    for (const url of [seo('0x0', '/transform/trim/1,2,3'), seo('0x0', '/transform/crop/1,2,3,4'), seo('0x0', '/transform/trim/-1,0,5,5')]) {
      const response = await get(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 404 });
    }
    const malformed = await get(`${photo.url}?transform=${encodeURIComponent('{"trim":{"top":"a","left":1}}')}`);
    expect(malformed.statusCode).toBe(400);
    expect(Object.keys(malformed.json())).toEqual(['transform']);
    const empty = await get(`${photo.url}?transform=${encodeURIComponent('{"trim":{"top":0,"left":400}}')}`);
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toEqual({ transform: ['The trim leaves nothing of the image.'] });
  });
});
