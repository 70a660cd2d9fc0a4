import fs from 'node:fs';
import sharp from 'sharp';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { scratchDataDir, timedCall } from './processKit';

/**
 * The "npm start on a fresh clone: the demo's image URLs load": a server process on an empty
 * embedded database (as `npm start` runs it), the README's first query with the read-only key it
 * prints, and every image url it answers fetched over real HTTP without a key, as an `<img src>` would.
 */
describe('a started server: the demo account’s image URLs load', () => {
  const dataDir = scratchDataDir();
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('the README query returns image urls that answer 200 with images of the recorded size', async () => {
    server = await startServerProcess({ dataDir });
    const roKey = /read-only key:\s+(cg_ro_\S+)/.exec(server.output())?.[1];
    expect(roKey).toBeDefined();
    const answer = await timedCall(`${server.url}/graphql`, {
      method: 'POST',
      key: roKey,
      body: { query: '{ recipeList(limit: 3) { id name image { url width height mimeType } } }' },
    });
    expect(answer.status).toBe(200);
    const images = (answer.body.data.recipeList as { image: { url: string; width: number; height: number; mimeType: string }[] }[]).flatMap((recipe) => recipe.image);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const response = await fetch(`${server.url}${image.url}`, { signal: AbortSignal.timeout(20000) });
      expect({ url: image.url, status: response.status, type: response.headers.get('content-type') }).toEqual({ url: image.url, status: 200, type: image.mimeType });
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual({ width: image.width, height: image.height });
    }
  }, 90000);
});
