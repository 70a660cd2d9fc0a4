import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildFerretdb, hasGo } from './buildFerretdb';

/**
 * Finds a FerretDB binary: `FERRETDB_BIN`, then the project's own build in `<toolsDir>/bin`, then
 * `ferretdb` on PATH, and finally builds one when Go is available. Returns undefined when none can be had.
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
  if (isExecutable(local)) return local;
  const onPath = whichFerretdb();
  if (onPath) return onPath;
  if (hasGo()) return buildFerretdb(options.toolsDir, options.log);
  return undefined;
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
