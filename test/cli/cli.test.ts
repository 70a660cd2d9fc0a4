import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { runCli } from '../../src/cli/main';
import { Database } from '../../src/database/database';
import { sha256Of } from '../../src/media/mediaFiles';
import { image, upload } from '../media/mediaKit';
import { readNdjson } from '../support/fixtures';
import { startTestGateway, type TestGateway } from '../support/testGateway';
import { testMongoUri } from '../support/testDatabase';

/**
 * The `contentgate` CLI, driven in-process through `runCli` against a fresh test database
 * (`MONGODB_URI`/`MONGODB_DATABASE` point it there). A test gateway on the same database checks
 * that the keys the CLI prints really authenticate.
 */

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'flotiq');
const databaseName = `cgtest_cli_${randomBytes(6).toString('hex')}`;
const savedEnv = { MONGODB_URI: process.env.MONGODB_URI, MONGODB_DATABASE: process.env.MONGODB_DATABASE };
const tmpDirs: string[] = [];

interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs one CLI command; progress output the import/export writes to stderr is captured, not printed. */
async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await runCli(argv, (line) => out.push(line), (line) => err.push(line));
    return { code, out, err };
  } finally {
    stderr.mockRestore();
  }
}

/** Runs a command that must succeed. */
async function ok(...argv: string[]): Promise<string[]> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`contentgate ${argv.join(' ')} exited ${run.code}: ${run.err.join('\n')}`);
  return run.out;
}

function tmpDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `contentgate-cli-${label}-`));
  tmpDirs.push(dir);
  return dir;
}

const subfolders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
const objectFiles = (dir: string) => fs.readdirSync(dir).filter((name) => /^contentObject.*\.json$/.test(name)).sort();
const byId = (objects: Record<string, unknown>[]) => [...objects].sort((a, b) => String(a.id).localeCompare(String(b.id)));
/** Objects as an export holds them: without `internal` (Flotiq ignores it on input; the exporter leaves it out). */
const withoutInternal = (objects: Record<string, unknown>[]) => objects.map(({ internal: _internal, ...rest }) => rest);

/** Asserts an exported folder equals a fixture export folder (see the brief of each check inline). */
function expectExportEqualsFixture(exported: string, fixture: string): void {
  // Same type folders.
  expect(subfolders(exported)).toEqual(subfolders(fixture));
  for (const folder of subfolders(fixture)) {
    // Each CTD equal on the keys the fixture file has.
    const fixtureCtd = JSON.parse(fs.readFileSync(path.join(fixture, folder, 'ContentTypeDefinition.json'), 'utf8')) as Record<string, unknown>;
    const exportedCtd = JSON.parse(fs.readFileSync(path.join(exported, folder, 'ContentTypeDefinition.json'), 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(fixtureCtd)) expect({ folder, key, value: exportedCtd[key] }).toEqual({ folder, key, value: fixtureCtd[key] });
    // Same object files, each with the same objects (order-insensitive).
    expect(objectFiles(path.join(exported, folder))).toEqual(objectFiles(path.join(fixture, folder)));
    for (const file of objectFiles(path.join(fixture, folder))) {
      const expected = byId(withoutInternal(readNdjson(path.join(fixture, folder, file))));
      const actual = byId(readNdjson(path.join(exported, folder, file)));
      expect({ file: `${folder}/${file}`, objects: actual }).toEqual({ file: `${folder}/${file}`, objects: expected });
    }
  }
}

/** Every file of a folder (relative path → content), to compare two exports byte for byte. */
function folderContents(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else files[relative] = fs.readFileSync(path.join(dir, relative), 'utf8');
    }
  };
  walk('');
  return files;
}

/** The number of objects an `import`/`export` summary line reports. */
function reportedObjects(line: string): number {
  const match = /(\d+) content types and (\d+) objects/.exec(line);
  if (!match) throw new Error(`no summary in: ${line}`);
  return Number(match[2]);
}

describe('contentgate CLI', () => {
  let t: TestGateway;

  beforeAll(async () => {
    process.env.MONGODB_URI = process.env.CONTENTGATE_TEST_MONGODB_URI;
    process.env.MONGODB_DATABASE = databaseName;
    t = await startTestGateway({ databaseName });
  });

  afterAll(async () => {
    await t?.close();
    const database = await Database.connect(testMongoUri(), databaseName);
    await database.drop();
    await database.close();
    for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** `GET /api/auth-context` with a key: its status (200 when the key authenticates). */
  const authStatus = async (secret: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/auth-context', headers: { 'x-auth-token': secret } })).statusCode;

  /**
   * The CLI is another instance: the test gateway may hold the key in its cache, and learns of a
   * change through the change feed within the documented 1 s bound. Polls until then.
   */
  const statusWithinBound = async (secret: string, wanted: number, boundMs = 1000) => {
    const started = Date.now();
    for (;;) {
      const status = await authStatus(secret);
      if (status === wanted || Date.now() - started > boundMs) return status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  let accounts = 0;
  /** Creates an account through the CLI (a fresh id unless given) and returns its id and application keys. */
  const createAccount = async (id = `cli-acc-${++accounts}`): Promise<{ id: string; rw: string; ro: string; out: string[] }> => {
    const out = await ok('accounts', 'create', '--name', `Account ${id}`, '--id', id);
    const rw = /^read-write key: (\S+)$/.exec(out[1] ?? '');
    const ro = /^read-only key:\s+(\S+)$/.exec(out[2] ?? '');
    if (!rw || !ro) throw new Error(`accounts create printed no keys: ${out.join('\n')}`);
    return { id, rw: rw[1], ro: ro[1], out };
  };
  const TAG_READER = '[{"contentTypeDefinitionName":"_tag","canRead":true,"canCreate":false,"canUpdate":false,"canDelete":false}]';
  /** Creates a user key through the CLI; returns its id, its secret and what the CLI printed. */
  const createUserKey = async (account: string, name = 'K'): Promise<{ id: string; secret: string; out: string[] }> => {
    const out = await ok('keys', 'create', '--account', account, '--name', name, '--rules', TAG_READER);
    const secret = /^secret: (\S+)$/.exec(out[1] ?? '');
    if (!secret) throw new Error(`keys create printed no secret: ${out.join('\n')}`);
    return { id: out[0].split('\t')[0], secret: secret[1], out };
  };

  describe('accounts and keys', () => {
    /** An account the tests that only read it or are refused share (none of them changes it). */
    let shared: { id: string; rw: string; ro: string };

    beforeAll(async () => {
      shared = await createAccount('cli-acc');
    });

    it('accounts create prints the account and both application keys, which authenticate', async () => {
      const out = await ok('accounts', 'create', '--name', 'X', '--id', 'cli-acc-create');
      expect(out[0]).toBe('account cli-acc-create (free)');
      const rw = /^read-write key: (\S+)$/.exec(out[1]);
      const ro = /^read-only key:\s+(\S+)$/.exec(out[2]);
      expect(rw).not.toBeNull();
      expect(ro).not.toBeNull();
      expect(rw![1]).not.toBe(ro![1]);
      expect(await authStatus(rw![1])).toBe(200);
      expect(await authStatus(ro![1])).toBe(200);
      const context = await t.app.inject({ method: 'GET', url: '/api/auth-context', headers: { 'x-auth-token': ro![1] } });
      expect(context.json()).toMatchObject({ accountId: 'cli-acc-create', keyKind: 'ro' });
    });

    it('accounts list shows the account', async () => {
      const out = await ok('accounts', 'list');
      expect(out).toContain('cli-acc\tfree\tAccount cli-acc');
    });

    it('accounts plans lists the plans; set-plan assigns one; usage shows calls per day and per key', async () => {
      expect(await ok('accounts', 'plans')).toEqual([
        'plan\tcalls/30 days\tburst/s\tuser keys',
        'free\t100000\t20\t5',
        'basic\t1000000\t50\t25',
        'pro\t5000000\t200\t100',
        'enterprise\t50000000\t1000\t1000',
      ]);
      const account = await createAccount();
      expect(await ok('accounts', 'set-plan', '--account', account.id, '--plan', 'basic')).toEqual([`account ${account.id} is on plan basic`]);
      expect(await authStatus(account.ro)).toBe(200);
      expect(await authStatus(account.ro)).toBe(200);
      await t.app.quotaRuntime!.tick();
      const out = await ok('accounts', 'usage', '--account', account.id);
      expect(out[0]).toMatch(new RegExp(`^account ${account.id}, plan basic \\(1000000 calls/30 days, 50/s\\), \\d{4}-\\d\\d-\\d\\d to \\d{4}-\\d\\d-\\d\\d$`));
      expect(out[1]).toBe('calls 2, remaining 999998, refused 429: 0, refused 403: 0');
      expect(out[3]).toMatch(/^\d{4}-\d\d-\d\d\t2\t0\t0$/);
      const keyLines = out.slice(5).map((line) => line.split('\t'));
      expect(keyLines.map(([, name, calls]) => [name, calls])).toEqual([['Read and write API KEY', '0'], ['Read only API KEY', '2']]);
      expect(keyLines[0][5]).toBe('never');
      expect(Date.parse(keyLines[1][5])).toBeGreaterThan(Date.now() - 60_000);
    });

    it('keys create makes a user key from --rules and prints its secret', async () => {
      const out = await ok('keys', 'create', '--account', shared.id, '--name', 'K', '--rules', TAG_READER);
      expect(out).toHaveLength(2);
      const [, kind, masked, name, described] = out[0].split('\t');
      expect({ kind, name, described }).toEqual({ kind: 'user', name: 'K', described: '_tag[R]' });
      expect(masked).not.toBe('');
      const secret = /^secret: (\S+)$/.exec(out[1]);
      expect(secret).not.toBeNull();
      expect(masked).not.toContain(secret![1]);
      expect(await authStatus(secret![1])).toBe(200);
    });

    it('keys list shows the application keys and the user key, without secrets', async () => {
      const account = await createAccount();
      const user = await createUserKey(account.id);
      const out = await ok('keys', 'list', '--account', account.id);
      expect(out.map((line) => line.split('\t')[1])).toEqual(['rw', 'ro', 'user']);
      expect(out.find((line) => line.startsWith(`${user.id}\t`))).toMatch(/\tuser\t.*\tK\t_tag\[R\]$/);
      for (const line of out) {
        for (const secret of [user.secret, account.rw, account.ro]) expect(line).not.toContain(secret);
      }
    });

    it('keys regenerate prints a new secret; only the new one authenticates', async () => {
      const account = await createAccount();
      const user = await createUserKey(account.id);
      expect(await authStatus(user.secret)).toBe(200); // the gateway caches the key now
      const out = await ok('keys', 'regenerate', '--account', account.id, '--key', user.id);
      expect(out[0].split('\t')[0]).toBe(user.id);
      const renewed = /^secret: (\S+)$/.exec(out[1])![1];
      expect(renewed).not.toBe(user.secret);
      expect(await ok('keys', 'reveal', '--account', account.id, '--key', user.id)).toEqual([renewed]);
      expect(await authStatus(renewed)).toBe(200);
      expect(await statusWithinBound(user.secret, 401)).toBe(401);
    });

    it('keys remove deletes the user key', async () => {
      const account = await createAccount();
      const user = await createUserKey(account.id);
      expect(await authStatus(user.secret)).toBe(200); // the gateway caches the key now
      expect(await ok('keys', 'remove', '--account', account.id, '--key', user.id)).toEqual(['removed']);
      const out = await ok('keys', 'list', '--account', account.id);
      expect(out.map((line) => line.split('\t')[1])).toEqual(['rw', 'ro']);
      // The gateway cached the key above: removal reaches it via the feed.
      expect(await statusWithinBound(user.secret, 401)).toBe(401);
    });

    it.each([
      ['no command', []],
      ['an unknown command', ['frobnicate']],
      ['accounts without a subcommand', ['accounts']],
      ['accounts create without --name', ['accounts', 'create']],
      ['accounts create with an unknown plan', ['accounts', 'create', '--name', 'Y', '--plan', 'platinum-deluxe']],
      ['keys without --account', ['keys', 'list']],
      ['keys on an unknown account', ['keys', 'list', '--account', 'no-such-account']],
      ['an unknown keys subcommand', ['keys', 'frobnicate', '--account', 'cli-acc']],
      ['keys create without --name', ['keys', 'create', '--account', 'cli-acc']],
      ['keys create with --rules that are not JSON', ['keys', 'create', '--account', 'cli-acc', '--name', 'K2', '--rules', '[{oops']],
      ['keys remove without --key', ['keys', 'remove', '--account', 'cli-acc']],
      ['import without a folder', ['import']],
      ['import without --account', ['import', path.join(FIXTURES, 'blog')]],
      ['export into an unknown account', ['export', os.tmpdir(), '--account', 'no-such-account']],
    ] as [string, string[]][])('%s is a usage error (exit 2)', async (_name, argv) => {
      const run = await cli(...argv);
      expect(run.code).toBe(2);
      // With no command at all the usage text goes to stderr; otherwise the mistake does.
      if (argv.length === 0) expect(run.err.join('\n')).toContain('contentgate import <dir> --account A');
      else expect(run.err.join('\n')).toMatch(/^(usage: |unknown command )/);
      expect(run.out).toEqual([]);
    });

    it('no account is created by a refused accounts create', async () => {
      expect((await cli('accounts', 'create', '--name', 'Refused plan', '--plan', 'platinum-deluxe')).code).toBe(2);
      expect((await ok('accounts', 'list')).some((line) => line.endsWith('\tRefused plan'))).toBe(false);
    });

    it('removing an application key is refused by the service (exit 1), and the key stays', async () => {
      const rwId = (await ok('keys', 'list', '--account', shared.id)).find((line) => line.split('\t')[1] === 'rw')!.split('\t')[0];
      const run = await cli('keys', 'remove', '--account', shared.id, '--key', rwId);
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toMatch(/^refused: .*Application keys cannot be removed/);
      expect(run.out).toEqual([]);
      expect(await authStatus(shared.rw)).toBe(200);
    });

    it.each([
      ['regenerating an unknown key', ['keys', 'regenerate', '--account', 'cli-acc', '--key', 'no-such-key']],
      ['removing an unknown key', ['keys', 'remove', '--account', 'cli-acc', '--key', 'no-such-key']],
      ['rules on an unknown content type', ['keys', 'create', '--account', 'cli-acc', '--name', 'K3', '--rules', '[{"contentTypeDefinitionName":"nope","canRead":true}]']],
    ])('%s is refused by the service (exit 1)', async (_name, argv) => {
      const run = await cli(...argv);
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toMatch(/^refused: /);
    });
  });

  describe.each([
    ['blog', 'cli-blog'],
    ['recipe', 'cli-recipe'],
  ])('import and export of the %s fixture (account %s)', (fixture, account) => {
    const fixtureDir = path.join(FIXTURES, fixture);
    let imported: string[] = [];
    let firstExport = '';
    let exported: string[] = [];

    // The first import and export, which both tests start from.
    beforeAll(async () => {
      await createAccount(account);
      imported = await ok('import', path.relative(process.cwd(), fixtureDir), '--account', account);
      firstExport = tmpDir(`${fixture}-1`);
      exported = await ok('export', firstExport, '--account', account);
    });

    it('imports the folder (given relative to the working directory) and exports it back equal', () => {
      const expectedObjects = subfolders(fixtureDir).reduce(
        (sum, folder) => sum + objectFiles(path.join(fixtureDir, folder)).reduce((n, file) => n + readNdjson(path.join(fixtureDir, folder, file)).length, 0),
        0,
      );
      expect(imported).toHaveLength(1);
      expect(imported[0]).toMatch(new RegExp(`^imported ${subfolders(fixtureDir).length} content types and ${expectedObjects} objects`));
      expect(reportedObjects(exported[0])).toBe(expectedObjects);
      expectExportEqualsFixture(firstExport, fixtureDir);
    });

    it('importing again is idempotent: same object count, same export', async () => {
      await ok('import', fixtureDir, '--account', account);
      const secondExport = tmpDir(`${fixture}-2`);
      const again = await ok('export', secondExport, '--account', account);
      expect(reportedObjects(again[0])).toBe(reportedObjects(exported[0]));
      expect(folderContents(secondExport)).toEqual(folderContents(firstExport));
      expectExportEqualsFixture(secondExport, fixtureDir);
    });
  });

  it('export writes media files into the folder and import stores them in another account (printed counts)', async () => {
    const from = await createAccount('cli-media-from');
    const bytes = await image('png', 24, 16);
    const created = await upload(t.app, { key: from.rw, type: 'image', file: { bytes, fileName: 'p.png' } });
    expect(created.status).toBe(200);
    const dir = tmpDir('media');
    expect(await ok('export', dir, '--account', from.id)).toEqual([
      `exported 1 content types and 1 objects, 1 media files (${dir})`,
    ]);
    expect(sha256Of(fs.readFileSync(path.join(dir, 'InternalContentTypeMedia', `${created.body.id}.png`)))).toBe(sha256Of(bytes));
    const to = await createAccount('cli-media-to');
    expect((await ok('import', dir, '--account', to.id))[0]).toMatch(/^imported 1 content types and 1 objects, 1 media files /);
    expect((await ok('import', dir, '--account', to.id))[0]).toMatch(/^imported 1 content types and 1 objects, 0 media files /);
    const stored = await t.gateway.content(to.id).media.get(created.body.id, to.id);
    expect(stored && sha256Of(stored.bytes)).toBe(sha256Of(bytes));
  });
});
