import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildFerretdb, builtFromCurrentRecipe, hasGo } from './buildFerretdb';

/**
 * Finds a FerretDB binary: `FERRETDB_BIN`, then the project's own build in `<toolsDir>/bin` when it was
 * built from the current recipe, then a new build when Go is available, then (slower, unpatched) an
 * older build of the project's or `ferretdb` on PATH. Returns undefined when none can be had.
 */
export function locateFerretdb(options: {
  explicitBin?: string;
  toolsDir: string;
  log: (line: string) => void;
}): string | undefined {
  if (options.explicitBin) {
    if (!isExecutable(options.explicitBin)) throw new Error(`FERRETDB_BIN is not an executable file: ${options.explicitBin}`);
    return options.explicitBin;
  }
  const local = path.join(options.toolsDir, 'bin', 'ferretdb');
  if (isExecutable(local) && builtFromCurrentRecipe(local)) return local;
  if (hasGo()) return buildFerretdb(options.toolsDir, options.log);
  if (isExecutable(local)) return local;
  return whichFerretdb();
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function whichFerretdb(): string | undefined {
  try {
    const found = execFileSync('sh', ['-c', 'command -v ferretdb'], { encoding: 'utf8' }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}
