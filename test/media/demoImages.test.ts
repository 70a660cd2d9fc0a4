import sharp from 'sharp';
import { addPlaceholderImages } from '../../src/media/placeholderImages';
import { DEMO_ACCOUNT_ID, ensureDemoAccount } from '../../src/runtime/demoAccount';
import { call } from '../rest/restKit';
import { startTestGateway, type TestGateway } from '../support/testGateway';

describe('the demo account has images behind its media URLs (over HTTP, real database)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it("every image _media object's url loads, at its recorded size", async () => {
    const keys = (await ensureDemoAccount(t.gateway))!;
    const media = await call(t.app, 'GET', '/api/v1/content/_media?limit=1000', { key: keys.ro });
    expect(media.body.data.length).toBeGreaterThan(0);
    for (const object of media.body.data) {
      const response = await t.app.inject({ method: 'GET', url: object.url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(object.mimeType);
      const meta = await sharp(response.rawPayload).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual({ width: object.width, height: object.height });
    }
    const sdkUrl = `/image/300x0/${media.body.data[0].id}/any-name.${media.body.data[0].extension}`;
    expect((await t.app.inject({ method: 'GET', url: sdkUrl })).statusCode).toBe(200);
    expect(await addPlaceholderImages(t.gateway.content(DEMO_ACCOUNT_ID))).toBe(0);
  });
});
