import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config/config';
import { fixtureAccounts, snapshotPath } from '../fixtureSchemas';
import { printAccountSdl } from '../printAccountSdl';

/**
 * `npm run schema:print`: writes `schema/<fixture>.graphql`, the printed SDL of each fixture
 * account (see `fixtureSchemas.ts`). Run it whenever the GraphQL generator or a fixture CTD changes,
 * then `npm run codegen`; test/graphql/schemaSnapshots.test.ts fails while a snapshot is stale.
 * Only files whose text changed are rewritten.
 */
function main(): void {
  for (const account of fixtureAccounts()) {
    const file = snapshotPath(account.name);
    const sdl = printAccountSdl(account.ctds);
    const relative = path.relative(PROJECT_ROOT, file);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === sdl) {
      process.stdout.write(`unchanged ${relative}\n`);
      continue;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sdl);
    process.stdout.write(`${current === undefined ? 'wrote' : 'updated'} ${relative}\n`);
  }
}

main();
