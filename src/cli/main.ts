import { isAppError } from '../errors/appError';
import { loadConfig } from '../config/config';
import { openDatabase } from '../database/openDatabase';
import { Gateway } from '../runtime/gateway';
import { accountsCommand } from './commands/accountsCommand';
import { importExportCommand } from './commands/importExportCommand';
import { keysCommand } from './commands/keysCommand';
import { parseArgs, UsageError } from './parseArgs';

const USAGE = `contentgate — run on the server host, against MONGODB_URI (or the embedded database)

  contentgate accounts list | plans | create --name N [--plan P] [--id ID] | set-plan --account A --plan P | usage --account A
  contentgate keys list|create|update|regenerate|remove|reveal --account A [--key ID] [--name N] [--rules JSON]
  contentgate import <dir> --account A      Flotiq export folder → account (idempotent)
  contentgate export <dir> --account A      account → Flotiq export folder`;

/** Runs one CLI command; returns the exit code (0 ok, 1 refused by the service, 2 usage). */
export async function runCli(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  const command = args.positional[0];
  if (args.options.help) {
    out(USAGE);
    return 0;
  }
  if (!command) {
    err(USAGE);
    return 2;
  }
  const handlers = { accounts: accountsCommand, keys: keysCommand, import: importExportCommand, export: importExportCommand } as const;
  const handler = handlers[command as keyof typeof handlers];
  if (!handler) {
    err(`unknown command ${command}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const opened = await openDatabase(config, err);
  const gateway = new Gateway(config, opened.database);
  try {
    await handler(gateway, args, out);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`usage: ${error.message}`);
      return 2;
    }
    if (isAppError(error)) {
      err(`refused: ${JSON.stringify(error.restBody())}`);
      return 1;
    }
    throw error;
  } finally {
    await gateway.stop();
    await opened.close();
  }
}

/** Runs the command line of this process and exits with its code. */
export function runFromProcess(): void {
  runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`))
    .then((code) => process.exit(code))
    .catch((error: Error) => {
      process.stderr.write(`contentgate: ${error.message}\n`);
      process.exit(1);
    });
}

if (require.main === module) runFromProcess();
