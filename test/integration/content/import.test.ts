import path from 'node:path';
import fs from 'node:fs';
import type { AccountContent } from '../../../src/accounts/accountContent';
import type { Database } from '../../../src/database/database';
import { importExportFolder } from '../../../src/import/importExportFolder';
import { newAccount } from '../../support/accounts';
import { FLOTIQ_FIXTURES, readNdjson } from '../../support/fixtures';
import { dropTestDatabase, openTestDatabase } from '../../support/testDatabase';

/** Every type folder of an export with its CTD and objects as the files hold them. */
function expectedFromFiles(folder: string) {
  return fs.readdirSync(folder).map((typeFolder) => {
    const dir = path.join(folder, typeFolder);
    const definition = JSON.parse(fs.readFileSync(path.join(dir, 'ContentTypeDefinition.json'), 'utf8'));
    const objectFile = fs.readdirSync(dir).find((name) => name.startsWith('contentObject'))!;
    return { definition, objects: readNdjson(path.join(dir, objectFile)) };
  });
}

describe.each(['blog', 'recipe'])('importing the Flotiq %s export', (fixture) => {
  let database: Database;
  let content: AccountContent;
  const folder = path.join(FLOTIQ_FIXTURES, fixture);

  beforeAll(async () => {
    database = await openTestDatabase();
    content = await newAccount(database);
  });
  afterAll(async () => dropTestDatabase(database));

  it('imports, and every CTD and object reads back equal to the files', async () => {
    const summary = await importExportFolder(content, folder);
    const expected = expectedFromFiles(folder);
    expect(summary.contentTypes).toBe(expected.length);
    for (const { definition, objects } of expected) {
      const stored = await content.contentTypes.get(definition.name);
      expect(stored.schemaDefinition).toEqual(definition.schemaDefinition);
      expect(stored.metaDefinition).toEqual(definition.metaDefinition);
      expect(stored.label).toBe(definition.label);
      for (const object of objects) {
        const { internal: _internal, ...readBack } = await content.objects.get(definition.name, String(object.id));
        const { internal: _ignored, ...fromFile } = object;
        expect(readBack).toEqual(fromFile);
      }
      expect((await content.objects.list(definition.name, { limit: 1000 })).total).toBe(objects.length);
    }
  });

  it('is idempotent: a second import leaves the same objects', async () => {
    const before = await database.models.contentObjects.countDocuments({ accountId: content.scope.accountId }).exec();
    await importExportFolder(content, folder);
    const after = await database.models.contentObjects.countDocuments({ accountId: content.scope.accountId }).exec();
    expect(after).toBe(before);
  });
});
