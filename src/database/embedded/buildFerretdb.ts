import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The FerretDB release contentgate embeds. */
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';

/**
 * What a build of contentgate's FerretDB consists of: the release plus the patches below. A binary in
 * `.tools/bin` records it beside itself (`ferretdb.recipe`); a binary built from another recipe is
 * built again, so a checkout picks up a new patch at its next start.
 */
export const FERRETDB_RECIPE = `${FERRETDB_VERSION}+id-index`;

/**
 * The one source patch: FerretDB 1.x's SQLite backend looks documents up by `_id` with the path
 * `_ferretdb_sjson->'$._id'`, while the unique index it creates on `_id` is on
 * `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the same expression, so every
 * find, update and delete by `_id` scanned the whole table (`npm run bench:ferretdb`: among 10,000
 * documents a find by `_id` took ~55 ms, patched ~2 ms). The patch writes the lookup path as the index has
 * it; both name the same JSON value, so results are unchanged (a test checks the plan says
 * `SEARCH … USING INDEX`). The unpatched release still works, only slower.
 */
const ID_INDEX_PATCH = {
  file: path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + `->"_id"`',
};

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
 * copied to a scratch folder, given that one-line version file and the `_id` index patch above, and
 * built with `go build`. The recipe is written beside the binary.
 */
export function buildFerretdb(
  toolsDir: string,
  log: (line: string) => void,
  options: { target?: string; unpatched?: boolean } = {},
): string {
  const target = options.target ?? path.join(toolsDir, 'bin', 'ferretdb');
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
    if (!options.unpatched) applyPatch(scratch, ID_INDEX_PATCH);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${process.pid}`;
    execFileSync('go', ['build', '-buildvcs=false', '-trimpath', '-o', partial, './cmd/ferretdb'], {
      cwd: scratch,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    // Rename is atomic: parallel first runs never see a half-written binary.
    fs.renameSync(partial, target);
    fs.writeFileSync(recipeFileOf(target), `${options.unpatched ? FERRETDB_VERSION : FERRETDB_RECIPE}\n`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  log(`FerretDB built: ${target}`);
  return target;
}

/** The file beside a built binary that names its recipe. */
export function recipeFileOf(binary: string): string {
  return `${binary}.recipe`;
}

/** Whether the binary in `.tools/bin` was built from the current recipe. */
export function builtFromCurrentRecipe(binary: string): boolean {
  try {
    return fs.readFileSync(recipeFileOf(binary), 'utf8').trim() === FERRETDB_RECIPE;
  } catch {
    return false;
  }
}

/** Applies one exact-text source patch; a release whose text differs fails the build loudly. */
function applyPatch(root: string, patch: { file: string; from: string; to: string }): void {
  const file = path.join(root, patch.file);
  const source = fs.readFileSync(file, 'utf8');
  if (!source.includes(patch.from)) throw new Error(`FerretDB source patch does not apply: ${patch.file} lacks ${patch.from}`);
  fs.writeFileSync(file, source.replace(patch.from, patch.to));
}

function makeWritable(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    fs.chmodSync(full, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) makeWritable(full);
  }
  fs.chmodSync(dir, 0o755);
}
