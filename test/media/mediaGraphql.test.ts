import { call } from '../rest/restKit';
import { graphql, startTestGateway, type TestGateway } from '../support/testGateway';
import { image, upload } from './mediaKit';

describe.each([
  ['PUBLIC_URL set (with a trailing slash)', { PUBLIC_URL: 'https://cms.example.com/' }, 'https://cms.example.com'],
  ['no PUBLIC_URL', {}, ''],
])('GraphQL _media url fields, %s (over HTTP, real database)', (_name, env, base) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env });
  });
  afterAll(() => t.close());

  it('answer the url of the file (absolute only under PUBLIC_URL); REST keeps the stored path; the url loads', async () => {
    const keys = await t.createAccount('GraphQL media');
    const photo = (await upload(t.app, { key: keys.rw, type: 'image', file: { bytes: await image('png', 20, 10), fileName: 'p.png' } })).body;
    const external = await call(t.app, 'POST', '/api/v1/content/_media', {
      key: keys.rw,
      body: { fileName: 'u.jpg', mimeType: 'image/jpeg', size: 1, url: 'https://images.unsplash.com/u.jpg', source: 'unsplash', extension: 'jpg', type: 'image' },
    });
    expect(external.status).toBe(200);

    const answer = await graphql(t.app, keys.ro, `{ _mediaList(limit: 10, order_by: "internal.createdAt", order_direction: "asc") { id url } }`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!._mediaList).toEqual([
      { id: photo.id, url: `${base}/image/0x0/${photo.id}.png` },
      { id: external.body.id, url: 'https://images.unsplash.com/u.jpg' },
    ]);
    const single = await graphql(t.app, keys.ro, `{ _media(id: "${photo.id}") { url } }`);
    expect(single.body.data!._media.url).toBe(`${base}${photo.url}`);
    expect((await call(t.app, 'GET', `/api/v1/content/_media/${photo.id}`, { key: keys.ro })).body.url).toBe(photo.url);
    expect((await t.app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(200);
  });
});
