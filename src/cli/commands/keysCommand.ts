import { AccountService } from '../../accounts/accountService';
import type { KeyView } from '../../keys/keyView';
import type { Gateway } from '../../runtime/gateway';
import { requireOption, UsageError, type ParsedArgs } from '../parseArgs';

const USAGE =
  'keys list --account A | create --account A --name N [--rules JSON] | update --account A --key ID [--name N] [--rules JSON] | ' +
  'regenerate --account A --key ID | remove --account A --key ID | reveal --account A --key ID';

/** `contentgate keys …`: the key service from the server host (audited as `cli`). */
export async function keysCommand(gateway: Gateway, args: ParsedArgs, out: (line: string) => void): Promise<void> {
  const accountId = requireOption(args, 'account');
  if (!(await new AccountService(gateway.database).find(accountId))) throw new UsageError(`no account ${accountId}`);
  const keys = await gateway.keyService(accountId, 'cli');
  const rules = () => (typeof args.options.rules === 'string' ? parseJson(args.options.rules, '--rules') : undefined);
  switch (args.positional[1]) {
    case 'list':
      for (const key of await keys.list()) out(describe(key));
      return;
    case 'create': {
      const made = await keys.createUserKey({ name: requireOption(args, 'name'), rules: rules() ?? [] });
      out(describe(made.key));
      out(`secret: ${made.secret}`);
      return;
    }
    case 'update': {
      const name = typeof args.options.name === 'string' ? args.options.name : undefined;
      out(describe(await keys.update(requireOption(args, 'key'), { name, rules: rules() })));
      return;
    }
    case 'regenerate': {
      const renewed = await keys.regenerate(requireOption(args, 'key'));
      out(describe(renewed.key));
      out(`secret: ${renewed.secret}`);
      return;
    }
    case 'remove':
      await keys.remove(requireOption(args, 'key'));
      out('removed');
      return;
    case 'reveal':
      out(await keys.reveal(requireOption(args, 'key')));
      return;
    default:
      throw new UsageError(USAGE);
  }
}

function describe(key: KeyView): string {
  const rules = key.rules.map((rule) => {
    const rights = (['canRead', 'canCreate', 'canUpdate', 'canDelete'] as const).filter((right) => rule[right]).map((right) => right.slice(3, 4));
    const fields = Object.entries(rule.fields ?? {}).map(([field, r]) => `${field}:${Object.entries(r).map(([a, v]) => `${a}=${v}`).join(',')}`);
    return `${rule.contentTypeDefinitionName}[${rights.join('') || '-'}${fields.length ? ` ${fields.join(' ')}` : ''}]`;
  });
  return `${key.id}\t${key.kind}\t${key.maskedKey}\t${key.name}${rules.length ? `\t${rules.join(' ')}` : ''}`;
}

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${option} must be JSON`);
  }
}
