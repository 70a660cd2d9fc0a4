import { openAccountContent, type AccountContent } from '../../src/accounts/accountContent';
import { AccountService } from '../../src/accounts/accountService';
import type { Database } from '../../src/database/database';
import { fixtureContentType } from './fixtures';

/** Creates an account (with system types) and opens its content services. */
export async function newAccount(database: Database, name = 'Test account'): Promise<AccountContent> {
  const account = await new AccountService(database).create({ name });
  return openAccountContent(database, account._id);
}

/** Creates an account holding the `category` and `everything` fixture types. */
export async function accountWithFixtureTypes(database: Database, name?: string): Promise<AccountContent> {
  const content = await newAccount(database, name);
  await content.contentTypes.create(fixtureContentType('category'));
  await content.contentTypes.create(fixtureContentType('everything'));
  return content;
}

/** Runs a promise that must fail and returns its REST body and status. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; body: unknown; code: string }> {
  try {
    await promise;
  } catch (error) {
    const appError = error as { status?: number; restBody?: () => unknown; code?: string };
    if (typeof appError.restBody !== 'function') throw error;
    return { status: appError.status ?? 0, body: appError.restBody(), code: appError.code ?? '' };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
