import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The FerretDB release contentgate embeds. */
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

/** Whether a Go toolchain is on PATH. */
export function hasGo(): boolean {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds FerretDB v1.24.2 from the Go module proxy into `<toolsDir>/bin/ferretdb` and returns its path.
 *
 * Why not plain `go install …/cmd/ferretdb@v1.24.2`: the published module lacks the generated
 * `build/version/version.txt`, and a binary built that way panics at start ("Invalid
 * build/version/version.txt file content"). So the module is downloaded with `go mod download`,
 * copied to a scratch folder, given that one-line version file, and built with `go build`.
 */
export function buildFerretdb(toolsDir: string, log: (line: string) => void): string {
  const target = path.join(toolsDir, 'bin', 'ferretdb');
  log(`Building FerretDB ${FERRETDB_VERSION} with Go (first run only; this takes a few minutes)...`);
  const downloaded = JSON.parse(
    execFileSync('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { Dir?: string; Error?: string };
  if (!downloaded.Dir) throw new Error(`go mod download failed: ${downloaded.Error ?? 'no module directory'}`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'contentgate-ferretdb-'));
  try {
    fs.cpSync(downloaded.Dir, scratch, { recursive: true });
    makeWritable(scratch);
    fs.writeFileSync(path.join(scratch, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${process.pid}`;
    execFileSync('go', ['build', '-buildvcs=false', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: scratch,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    // Rename is atomic: parallel first runs never see a half-written binary.
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`FerretDB built: ${target}`);
  return target;
}

function makeWritable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) makeWritable(full);
  }
  fs.chmodSync(dir, 0o755);
}
