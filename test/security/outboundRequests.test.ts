import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { call, LIBRARY_TYPES } from '../rest/restKit';

const SRC = join(__dirname, '..', '..', 'src');
/** Code that runs in the browser (pages we serve), where `fetch` calls our own API. */
const BROWSER_CODE = ['graphql/landingPage.ts', 'internal/admin-page/'];
/** Server code allowed to connect out, each with its reason. */
const ALLOWED = {
  'database/embedded/freePort.ts': 'probes whether a loopback port is free for the embedded database; no client input',
};
const OUTBOUND = /\bfetch\(|\bhttps?\.(request|get)\(|^import (?!type )[^\n]*from '(node:)?https?'|require\('(node:)?https?'\)|\bundici\b|\baxios\b|node-fetch|\bnet\.connect\(|\bdns\.lookup\(/m;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * THREATS H-42 (SSRF): no feature fetches a URL a client supplies. The gateway makes no outbound
 * HTTP request at all (only the database driver connects out), and the one URL-shaped input —
 * a relation's `dataUrl` — is parsed as a path to an object of the same account, never fetched.
 */
describe('no outbound requests (THREATS H-42)', () => {
  it('server code holds no HTTP client or raw connection (browser page code aside)', () => {
    const offenders = sourceFiles(SRC)
      .map((path) => relative(SRC, path).split('\\').join('/'))
      .filter((path) => !BROWSER_CODE.some((prefix) => path.startsWith(prefix)) && !(path in ALLOWED))
      .filter((path) => OUTBOUND.test(readFileSync(join(SRC, path), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the pattern finds what it is meant to find', () => {
    expect(OUTBOUND.test("import type { IncomingMessage } from 'node:http';")).toBe(false);
    for (const line of ["await fetch(url)", "import https from 'node:https'", "http.get(url)", "import { request } from 'undici'"]) expect(OUTBOUND.test(line)).toBe(true);
  });

  describe('over HTTP', () => {
    let t: TestGateway;
    let keys: { accountId: string; rw: string; ro: string };
    beforeAll(async () => {
      t = await startTestGateway();
      keys = await t.createAccount();
      for (const ctd of LIBRARY_TYPES) await t.gateway.content(keys.accountId).contentTypes.create(ctd);
    }, 60_000);
    afterAll(async () => t.close());

    it.each([
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:27017/',
      'https://example.com/api/v1/content/author/a-1',
      '//evil.example/api/v1/content/author/a-1',
      'file:///etc/passwd',
    ])('a relation dataUrl of %s is refused with 400 and stores nothing', async (dataUrl) => {
      const response = await call(t.app, 'POST', '/api/v1/content/category', { key: keys.rw, body: { id: 'c-ssrf', name: 'x', author: [{ dataUrl, type: 'internal' }] } });
      expect(response.status).toBe(400);
      expect(response.text).not.toMatch(/meta-data|passwd|ECONNREFUSED/);
      expect((await call(t.app, 'GET', '/api/v1/content/category/c-ssrf', { key: keys.ro })).status).toBe(404);
    });
  });
});
