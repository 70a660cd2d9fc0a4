import path from 'node:path';
import { AccountService } from '../../accounts/accountService';
import { exportAccount } from '../../import/exportAccount';
import { importExportFolder } from '../../import/importExportFolder';
import type { Gateway } from '../../runtime/gateway';
import { progressBar } from '../progressBar';
import { requireOption, UsageError, type ParsedArgs } from '../parseArgs';

/** `contentgate import <dir> --account A` and `contentgate export <dir> --account A`. */
export async function importExportCommand(gateway: Gateway, args: ParsedArgs, out: (line: string) => void): Promise<void> {
  const [command, dir] = args.positional;
  if (!dir) throw new UsageError(`${command} <dir> --account A`);
  const accountId = requireOption(args, 'account');
  if (!(await new AccountService(gateway.database).find(accountId))) throw new UsageError(`no account ${accountId}`);
  const content = gateway.content(accountId);
  const folder = path.resolve(dir);
  const summary = command === 'import' ? await importExportFolder(content, folder, progressBar()) : await exportAccount(content, folder, progressBar());
  const verb = command === 'import' ? 'imported' : 'exported';
  out(`${verb} ${summary.contentTypes} content types and ${summary.objects} objects, ${summary.files} media files (${folder})`);
}
