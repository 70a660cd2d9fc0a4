import { randomBytes } from 'node:crypto';
import { Database } from '../../src/database/database';

/** The MongoDB-wire server of this test run (set by globalSetup). */
export function testMongoUri(): string {
  const uri = process.env.CONTENTGATE_TEST_MONGODB_URI;
  if (!uri) throw new Error('CONTENTGATE_TEST_MONGODB_URI is not set: run the tests through jest (globalSetup)');
  return uri;
}

/** A fresh, uniquely named database for one test file. Call `drop()` in afterAll. */
export async function openTestDatabase(): Promise<Database> {
  return Database.connect(testMongoUri(), `cgtest_${randomBytes(6).toString('hex')}`);
}

/** Drops and closes a test database. */
export async function dropTestDatabase(database: Database | undefined): Promise<void> {
  if (!database) return;
  await database.drop();
  await database.close();
}
