import fs from 'node:fs';
import { loadConfig } from '../../src/config/config';
import { freePort } from '../../src/database/embedded/freePort';
import { spawnFerretdb, type FerretdbProcess } from '../../src/database/embedded/ferretdbProcess';
import { locateFerretdb } from '../../src/database/embedded/locateFerretdb';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { contentType, text } from '../rest/restKit';
import { demoKey, holdsWithin, scratchDataDir, timedCall } from './processKit';

/**
 * A database at MONGODB_URI that is not there at start: the server stays up and not ready, says
 * so, and becomes ready when the database appears; lost later, requests get 503 within 2 s and
 * the server recovers within 5 s of its return.
 */
describe('a MONGODB_URI database unreachable at start, then lost and back', () => {
  const config = loadConfig();
  const binary = locateFerretdb({ explicitBin: config.ferretdbBin, toolsDir: config.toolsDir, log: () => undefined });
  const dataDir = scratchDataDir();
  let server: ServerProcess;
  let database: FerretdbProcess | undefined;
  let port: number;

  afterAll(async () => {
    await server?.stop();
    await database?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is live and not ready while the database is missing, and ready once it appears', async () => {
    if (!binary) throw new Error('no FerretDB binary (set FERRETDB_BIN)');
    port = await freePort();
    server = await startServerProcess({ mongodbUri: `mongodb://127.0.0.1:${port}/`, databaseName: 'cgtest_unreachable', waitFor: 'listening' });
    await server.waitForOutput(/database unreachable, not ready; retrying/, 10000);
    expect((await timedCall(`${server.url}/health/live`)).status).toBe(200);
    expect(await timedCall(`${server.url}/health/ready`)).toMatchObject({ status: 503, body: { reason: 'starting' } });
    const early = await timedCall(`${server.url}/api/v1/content/note`, { key: 'cg_rw_x' });
    expect(early).toMatchObject({ status: 503 });
    expect(early.ms).toBeLessThan(2000);

    database = await spawnFerretdb(binary, dataDir, port);
    const appearedAt = Date.now();
    await server.waitForOutput(/contentgate is ready/, 20000);
    expect(Date.now() - appearedAt).toBeLessThan(15000); // backoff at most 5 s + a connection attempt + the demo account
    expect((await timedCall(`${server.url}/health/ready`)).status).toBe(200);
  }, 50000);

  it('lost: 503 within 2 s and not ready; back: ready and serving within 5 s', async () => {
    await database!.stop();
    database = undefined;
    const lost = await timedCall(`${server.url}/api/v1/internal/contenttype`, { method: 'POST', key: demoKey(server.output()), body: contentType('note', 'Note', { title: text('Title') }) });
    expect(lost.status).toBe(503);
    expect(lost.ms).toBeLessThanOrEqual(2000);
    expect(await timedCall(`${server.url}/health/ready`)).toMatchObject({ status: 503, body: { reason: 'database unreachable' } });

    database = await spawnFerretdb(binary!, dataDir, port);
    const backAt = Date.now();
    expect(await holdsWithin(async () => (await timedCall(`${server.url}/health/ready`)).status === 200, 5000)).toBe(true);
    expect(Date.now() - backAt).toBeLessThanOrEqual(5000);
  }, 30000);
});
