import QRCode from 'qrcode';
import type { FieldRights, KeyRule } from '../access/permissions';
import { AccountService } from '../accounts/accountService';
import { propertiesOf, type ContentTypeDefinition } from '../content-types/contentTypeDefinition';
import type { AccountRecord } from '../database/models/accountModel';
import { errors } from '../errors/errorFactory';
import type { KeyView } from '../keys/keyView';
import type { Resolvers } from '../generated/internal';
import { planOf, unknownPlanMessage } from '../config/plans';
import { readAccountUsage } from '../quotas/usageReport';
import type { Gateway } from '../runtime/gateway';

/** The actor internal changes are audited as. */
const ACTOR = 'internal-api';

interface FieldRuleInput {
  field: string;
  read?: boolean | null;
  create?: boolean | null;
  update?: boolean | null;
}
interface KeyRuleInput extends Omit<KeyRule, 'fields'> {
  fields?: FieldRuleInput[] | null;
}

/**
 * Resolvers of the internal schema (schema/internal.graphql). They translate to the account,
 * CTD and key services; every rule and limit is decided there.
 */
export function internalResolvers(gateway: Gateway): Resolvers {
  const accounts = new AccountService(gateway.database);
  const account = async (id: string): Promise<AccountRecord> => {
    const found = await accounts.find(id);
    if (!found) throw errors.notFound();
    return found;
  };
  const plans = () => gateway.config.quotas.plans;
  const knownPlan = (plan: string) => {
    const unknown = unknownPlanMessage(plans(), plan);
    if (unknown) throw errors.invalidField('plan', unknown);
  };
  const keysOf = async (accountId: string) => gateway.keyService((await account(accountId))._id, ACTOR);

  return {
    Query: {
      accounts: () => accounts.list(),
      account: async (_: unknown, args: { id: string }) => (await accounts.find(args.id)) ?? null,
      plans: () => Object.values(plans()),
      keyQrCode: async (_: unknown, args: { accountId: string; id: string }) =>
        QRCode.toString(await (await keysOf(args.accountId)).reveal(args.id), { type: 'svg', margin: 1, width: 200 }),
    },
    Mutation: {
      accounts: () => ({}),
      contentTypes: () => ({}),
      keys: () => ({}),
    },
    Account: {
      id: (record: AccountRecord) => record._id,
      createdAt: (record: AccountRecord) => new Date(record.createdAt).toISOString(),
      planLimits: (record: AccountRecord) => planOf(plans(), record.plan),
      usage: async (record: AccountRecord) => readAccountUsage(gateway.database, record._id, planOf(plans(), record.plan)),
      keys: async (record: AccountRecord) => (await gateway.keyService(record._id, ACTOR)).list().then((keys) => keys.map(toApiKey)),
      contentTypes: async (record: AccountRecord) => (await gateway.content(record._id).contentTypes.all()).map(toContentType),
      audit: async (record: AccountRecord, args: { limit?: number }) => (await gateway.keyService(record._id, ACTOR)).audit(args.limit ?? 50),
    },
    AccountMutations: {
      create: async (_: unknown, args: { name: string; plan?: string | null; id?: string | null }) => {
        if (args.plan) knownPlan(args.plan);
        if (args.id !== undefined && args.id !== null && !/^[a-zA-Z0-9_-]{1,64}$/.test(args.id)) {
          throw errors.invalidField('id', 'Only a-z, A-Z, 0-9, _ and - are allowed (at most 64)');
        }
        if (args.id && (await accounts.find(args.id))) throw errors.invalidField('id', 'This value is already used');
        const created = await gateway.createAccount({ name: args.name, plan: args.plan ?? 'free', id: args.id ?? undefined });
        const { rw, ro } = created.keys;
        if (!rw || !ro) throw errors.internal();
        return { account: created.account, readWriteKey: rw, readOnlyKey: ro };
      },
      setPlan: async (_: unknown, args: { id: string; plan: string }) => {
        knownPlan(args.plan);
        await account(args.id);
        await gateway.database.models.accounts.updateOne({ _id: args.id }, { $set: { plan: args.plan } }).exec();
        return account(args.id);
      },
    },
    ContentTypeMutations: {
      create: async (_: unknown, args: { accountId: string; definition: unknown }) =>
        toContentType(await gateway.content((await account(args.accountId))._id).contentTypes.create(args.definition)),
      update: async (_: unknown, args: { accountId: string; name: string; definition: unknown }) =>
        toContentType(await gateway.content((await account(args.accountId))._id).contentTypes.update(args.name, args.definition)),
      delete: async (_: unknown, args: { accountId: string; name: string }) => {
        await gateway.content((await account(args.accountId))._id).contentTypes.delete(args.name);
        return true;
      },
    },
    KeyMutations: {
      create: async (_: unknown, args: { accountId: string; name: string; rules: KeyRuleInput[] }) => {
        const made = await (await keysOf(args.accountId)).createUserKey({ name: args.name, rules: fromRuleInputs(args.rules) });
        return { key: toApiKey(made.key), secret: made.secret };
      },
      update: async (_: unknown, args: { accountId: string; id: string; name?: string | null; rules?: KeyRuleInput[] | null }) =>
        toApiKey(
          await (await keysOf(args.accountId)).update(args.id, {
            name: args.name ?? undefined,
            rules: args.rules ? fromRuleInputs(args.rules) : undefined,
          }),
        ),
      regenerate: async (_: unknown, args: { accountId: string; id: string }) => {
        const renewed = await (await keysOf(args.accountId)).regenerate(args.id);
        return { key: toApiKey(renewed.key), secret: renewed.secret };
      },
      remove: async (_: unknown, args: { accountId: string; id: string }) => {
        await (await keysOf(args.accountId)).remove(args.id);
        return true;
      },
      reveal: async (_: unknown, args: { accountId: string; id: string }) => {
        const keys = await keysOf(args.accountId);
        const secret = await keys.reveal(args.id);
        return { key: toApiKey(await keys.get(args.id)), secret };
      },
    },
  };
}

function toContentType(ctd: ContentTypeDefinition) {
  const properties = Object.keys(propertiesOf(ctd));
  const order = ctd.metaDefinition.order.filter((name) => properties.includes(name));
  return {
    name: ctd.name,
    label: ctd.label,
    internal: ctd.internal,
    fields: [...order, ...properties.filter((name) => !order.includes(name))],
    definition: ctd,
  };
}

function toApiKey(key: KeyView) {
  return {
    ...key,
    rules: key.rules.map((rule) => ({
      ...rule,
      fields: Object.entries(rule.fields ?? {}).map(([field, rights]) => ({
        field,
        read: rights.read ?? null,
        create: rights.create ?? null,
        update: rights.update ?? null,
      })),
    })),
  };
}

/** GraphQL rule inputs → the key service's rule shape (field rights keyed by field). */
function fromRuleInputs(rules: KeyRuleInput[]): unknown[] {
  return rules.map(({ fields, ...rule }) => {
    if (!fields || fields.length === 0) return { ...rule };
    const byField: Record<string, FieldRights> = {};
    for (const entry of fields) {
      if (byField[entry.field]) throw errors.invalidField(`fields.${entry.field}`, 'A field may appear once per rule');
      byField[entry.field] = Object.fromEntries(
        (['read', 'create', 'update'] as const).filter((right) => typeof entry[right] === 'boolean').map((right) => [right, entry[right]]),
      );
    }
    return { ...rule, fields: byField };
  });
}
