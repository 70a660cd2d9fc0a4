import { AccountService } from '../../accounts/accountService';
import { planOf, unknownPlanMessage } from '../../config/plans';
import { readAccountUsage } from '../../quotas/usageReport';
import type { Gateway } from '../../runtime/gateway';
import { requireOption, UsageError, type ParsedArgs } from '../parseArgs';

const USAGE = 'accounts list | plans | create --name N [--plan P] [--id ID] | set-plan --account A --plan P | usage --account A';
const limit = (value: number | null) => (value === null ? 'unlimited' : String(value));

/** `contentgate accounts list | plans | create | set-plan | usage` */
export async function accountsCommand(gateway: Gateway, args: ParsedArgs, out: (line: string) => void): Promise<void> {
  const accounts = new AccountService(gateway.database);
  const plans = gateway.config.quotas.plans;
  const knownPlan = (plan: string) => {
    const unknown = unknownPlanMessage(plans, plan);
    if (unknown) throw new UsageError(unknown.toLowerCase());
  };
  switch (args.positional[1]) {
    case 'list':
      for (const account of await accounts.list()) out(`${account._id}\t${account.plan}\t${account.name}`);
      return;
    case 'create': {
      const plan = typeof args.options.plan === 'string' ? args.options.plan : 'free';
      knownPlan(plan);
      const id = typeof args.options.id === 'string' ? args.options.id : undefined;
      const { account, keys } = await gateway.createAccount({ name: requireOption(args, 'name'), plan, id });
      out(`account ${account._id} (${account.plan})`);
      out(`read-write key: ${keys.rw}`);
      out(`read-only key:  ${keys.ro}`);
      return;
    }
    case 'set-plan': {
      const plan = requireOption(args, 'plan');
      knownPlan(plan);
      const id = requireOption(args, 'account');
      if (!(await accounts.find(id))) throw new UsageError(`no account ${id}`);
      await gateway.database.models.accounts.updateOne({ _id: id }, { $set: { plan } }).exec();
      out(`account ${id} is on plan ${plan}`);
      return;
    }
    case 'plans':
      out('plan\tcalls/30 days\tburst/s\tuser keys');
      for (const plan of Object.values(plans)) out(`${plan.name}\t${limit(plan.callsPer30Days)}\t${limit(plan.burstPerSecond)}\t${plan.maxUserKeys}`);
      return;
    case 'usage': {
      const id = requireOption(args, 'account');
      const account = await accounts.find(id);
      if (!account) throw new UsageError(`no account ${id}`);
      const plan = planOf(plans, account.plan);
      const usage = await readAccountUsage(gateway.database, id, plan);
      out(`account ${id}, plan ${plan.name} (${limit(plan.callsPer30Days)} calls/30 days, ${limit(plan.burstPerSecond)}/s), ${usage.from} to ${usage.to}`);
      out(`calls ${usage.calls}, remaining ${usage.remaining === null ? 'unlimited' : usage.remaining}, refused 429: ${usage.refusedBurst}, refused 403: ${usage.refusedQuota}`);
      out('day\tcalls\trefused 429\trefused 403');
      for (const day of usage.days.filter((d) => d.calls || d.refusedBurst || d.refusedQuota)) out(`${day.day}\t${day.calls}\t${day.refusedBurst}\t${day.refusedQuota}`);
      out('key\tname\tcalls\trefused 429\trefused 403\tlast used');
      for (const key of usage.keys) out(`${key.keyId}\t${key.name}\t${key.calls}\t${key.refusedBurst}\t${key.refusedQuota}\t${key.lastUsedAt ?? 'never'}`);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}
