import { spawnSync } from 'node:child_process';
import path from 'node:path';

const SHIM = path.resolve(__dirname, '..', '..', 'src', 'cli', 'contentgate.cjs');

describe('the contentgate command (package bin)', () => {
  it('runs the CLI: --help prints the usage and exits 0', () => {
    const result = spawnSync(process.execPath, [SHIM, '--help'], { encoding: 'utf8', timeout: 30000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('contentgate accounts list');
  });

  it('an unknown command exits 2 with the usage on stderr', () => {
    const result = spawnSync(process.execPath, [SHIM, 'frobnicate'], { encoding: 'utf8', timeout: 30000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown command frobnicate');
  });
});
