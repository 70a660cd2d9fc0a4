import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config/config';
import { lineDiff } from '../support/lineDiff';

/**
 * `src/generated/graphql.ts` is a committed artefact of `codegen.yml` (types generated from
 * `schema/everything.graphql`). This runs the same configuration in memory — through
 * src/graphql/cli/generateInMemory.ts, in its own process because @graphql-codegen/cli is loaded as
 * an ES module — writing no file and fetching nothing, and fails while a committed file differs.
 * Fix: `npm run codegen` (after `npm run schema:print` when the schema changed).
 * `npm run codegen:check` is the same check on the command line.
 */

interface InMemoryOutput {
  schema: unknown;
  files: { file: string; content: string }[];
}

function generateInMemory(): InMemoryOutput {
  const script = path.join(PROJECT_ROOT, 'src', 'graphql', 'cli', 'generateInMemory.ts');
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(stdout) as InMemoryOutput;
}

it('src/generated/*.ts are what codegen.yml generates from schema/everything.graphql and schema/internal.graphql', () => {
  const { schema, files } = generateInMemory();
  expect(schema).toBeUndefined(); // each output names its own schema
  expect(files.map((output) => output.file)).toEqual(['src/generated/graphql.ts', 'src/generated/internal.ts']);

  for (const { file, content } of files) {
    const absolute = path.join(PROJECT_ROOT, file);
    if (!fs.existsSync(absolute)) throw new Error(`${file} is missing: run npm run codegen`);
    const committed = fs.readFileSync(absolute, 'utf8');
    if (committed !== content) {
      throw new Error(
        `${file} is stale: run npm run codegen and commit the result.\n` +
          `--- ${file} (committed)\n+++ codegen.yml output (generated now)\n${lineDiff(committed, content) || '(only line ends differ)'}`,
      );
    }
  }
});
