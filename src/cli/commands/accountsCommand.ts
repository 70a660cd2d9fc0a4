import { AccountService } from '../../accounts/accountService';
import { PLAN_KEY_LIMITS, type Gateway } from '../../runtime/gateway';
import { requireOption, UsageError, type ParsedArgs } from '../parseArgs';

/** `contentgate accounts list | create --name N [--plan P] [--id ID] | set-plan --account A --plan P` */
export async function accountsCommand(gateway: Gateway, args: ParsedArgs, out: (line: string) => void): Promise<void> {
  const accounts = new AccountService(gateway.database);
  switch (args.positional[1]) {
    case 'list':
      for (const account of await accounts.list()) out(`${account._id}\t${account.plan}\t${account.name}`);
      return;
    case 'create': {
      const plan = typeof args.options.plan === 'string' ? args.options.plan : 'free';
      if (!(plan in PLAN_KEY_LIMITS)) throw new UsageError(`unknown plan ${plan} (plans: ${Object.keys(PLAN_KEY_LIMITS).join(', ')})`);
      const id = typeof args.options.id === 'string' ? args.options.id : undefined;
      const { account, keys } = await gateway.createAccount({ name: requireOption(args, 'name'), plan, id });
      out(`account ${account._id} (${account.plan})`);
      out(`read-write key: ${keys.rw}`);
      out(`read-only key:  ${keys.ro}`);
      return;
    }
    case 'set-plan': {
      const plan = requireOption(args, 'plan');
      if (!(plan in PLAN_KEY_LIMITS)) throw new UsageError(`unknown plan ${plan}`);
      const id = requireOption(args, 'account');
      if (!(await accounts.find(id))) throw new UsageError(`no account ${id}`);
      await gateway.database.models.accounts.updateOne({ _id: id }, { $set: { plan } }).exec();
      out(`account ${id} is on plan ${plan}`);
      return;
    }
    default:
      throw new UsageError('accounts list | create --name N [--plan P] [--id ID] | set-plan --account A --plan P');
  }
}
