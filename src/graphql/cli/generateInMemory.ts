import path from 'node:path';
import { PROJECT_ROOT } from '../../config/config';

/**
 * Runs `codegen.yml` exactly as `npm run codegen` does, but writes nothing: prints the configured
 * schema and the generated outputs as JSON on stdout,
 * `{"schema": ..., "files": [{"file": "<path relative to the project root>", "content": "..."}]}`.
 * test/graphql/codegenFresh.test.ts compares them with the committed files. It runs as its own
 * process because @graphql-codegen/cli loads ES modules, which Jest's module system cannot.
 */
async function main(): Promise<void> {
  // A dynamic import loads the CLI's ES module build, which works on every supported Node version.
  const { generate, loadCodegenConfig } = await import('@graphql-codegen/cli');
  const { config } = await loadCodegenConfig({ configFilePath: path.join(PROJECT_ROOT, 'codegen.yml') });
  // `generate` is typed loosely (it also serves watch mode); without saving it returns the outputs.
  const outputs = (await generate({ ...config, cwd: PROJECT_ROOT, silent: true, watch: false }, false)) as {
    filename: string;
    content: string;
  }[];
  const files = outputs
    .map((output) => ({ file: toProjectPath(output.filename), content: output.content }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  process.stdout.write(`${JSON.stringify({ schema: config.schema, files })}\n`);
}

/** A path relative to the project root with `/` separators. */
function toProjectPath(file: string): string {
  return path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, file)).split(path.sep).join('/');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
