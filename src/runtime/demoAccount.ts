import path from 'node:path';
import { PROJECT_ROOT } from '../config/config';
import { importExportFolder } from '../import/importExportFolder';
import { addPlaceholderImages } from '../media/placeholderImages';
import type { Gateway } from './gateway';

/** Where the demo content comes from: the Flotiq export fixtures shipped with the project. */
export const DEMO_FOLDERS = ['blog', 'recipe'].map((name) => path.join(PROJECT_ROOT, 'test', 'fixtures', 'flotiq', name));
export const DEMO_ACCOUNT_ID = 'demo';

/**
 * On an empty database, creates the demo account with the blog and recipe fixtures, and gives its
 * image `_media` objects generated files. Returns the demo account's application keys (also on
 * later starts, for development convenience), or undefined when the database holds other accounts
 * but no demo.
 */
export async function ensureDemoAccount(gateway: Gateway): Promise<{ rw: string; ro: string } | undefined> {
  const accounts = gateway.database.models.accounts;
  const demo = await accounts.findOne({ _id: DEMO_ACCOUNT_ID }).lean().exec();
  if (!demo) {
    if ((await accounts.countDocuments({}).exec()) > 0) return undefined;
    await gateway.createAccount({ id: DEMO_ACCOUNT_ID, name: 'Demo account', plan: 'free' });
    const content = gateway.content(DEMO_ACCOUNT_ID);
    for (const folder of DEMO_FOLDERS) await importExportFolder(content, folder);
  }
  // The fixtures carry media metadata only: generated images make the demo's URLs load (also for
  // demo accounts made before media files existed).
  await addPlaceholderImages(gateway.content(DEMO_ACCOUNT_ID));
  const keys = await gateway.keyService(DEMO_ACCOUNT_ID);
  return { rw: (await keys.applicationKey('rw')).secret, ro: (await keys.applicationKey('ro')).secret };
}
