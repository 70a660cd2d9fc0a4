import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AccountRecord } from '../database/models/accountModel';
import type { AuditRecord as AuditRecordModel } from '../database/models/auditRecordModel';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Any JSON value (content type definitions, rules). */
  JSON: { input: unknown; output: unknown; }
};

export type Account = {
  __typename?: 'Account';
  /** The newest audit records of key changes. */
  audit: Array<AuditRecord>;
  /** Content type definitions (names and labels; the full definition as JSON). */
  contentTypes: Array<ContentType>;
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Keys, application keys first; secrets are masked. */
  keys: Array<ApiKey>;
  name: Scalars['String']['output'];
  plan: Scalars['String']['output'];
  /** The limits of the account's plan. */
  planLimits: Plan;
  /** Calls and refusals over the rolling window, per day and per key (at most one flush, about 0.5 s, old). */
  usage: AccountUsage;
};


export type AccountAuditArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
};

export type AccountCreated = {
  __typename?: 'AccountCreated';
  account: Account;
  readOnlyKey: Scalars['String']['output'];
  readWriteKey: Scalars['String']['output'];
};

export type AccountMutations = {
  __typename?: 'AccountMutations';
  /** Creates an account with its system types and two application keys (their secrets are returned once here). */
  create: AccountCreated;
  /** Assigns a plan. */
  setPlan: Account;
};


export type AccountMutationsCreateArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  plan?: InputMaybe<Scalars['String']['input']>;
};


export type AccountMutationsSetPlanArgs = {
  id: Scalars['ID']['input'];
  plan: Scalars['String']['input'];
};

/** An account's usage over the rolling window (today and the 29 days before). */
export type AccountUsage = {
  __typename?: 'AccountUsage';
  calls: Scalars['Int']['output'];
  /** Every day of the window, oldest first. */
  days: Array<UsageDay>;
  from: Scalars['String']['output'];
  /** Every key of the account (and removed keys that made calls in the window). */
  keys: Array<KeyUsage>;
  refusedBurst: Scalars['Int']['output'];
  refusedQuota: Scalars['Int']['output'];
  /** Calls left in the window; null when the plan has no quota. */
  remaining?: Maybe<Scalars['Int']['output']>;
  to: Scalars['String']['output'];
};

export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: KeyKind;
  /** The key with all but its prefix and last four characters hidden. */
  maskedKey: Scalars['String']['output'];
  name: Scalars['String']['output'];
  rules: Array<KeyRule>;
  updatedAt: Scalars['String']['output'];
};

export type AuditRecord = {
  __typename?: 'AuditRecord';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['String']['output'];
  keyId?: Maybe<Scalars['String']['output']>;
  keyName?: Maybe<Scalars['String']['output']>;
};

export type ContentType = {
  __typename?: 'ContentType';
  definition: Scalars['JSON']['output'];
  /** Top-level property names, in order (for field rights). */
  fields: Array<Scalars['String']['output']>;
  internal: Scalars['Boolean']['output'];
  label: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

export type ContentTypeMutations = {
  __typename?: 'ContentTypeMutations';
  create: ContentType;
  delete: Scalars['Boolean']['output'];
  update: ContentType;
};


export type ContentTypeMutationsCreateArgs = {
  accountId: Scalars['ID']['input'];
  definition: Scalars['JSON']['input'];
};


export type ContentTypeMutationsDeleteArgs = {
  accountId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type ContentTypeMutationsUpdateArgs = {
  accountId: Scalars['ID']['input'];
  definition: Scalars['JSON']['input'];
  name: Scalars['String']['input'];
};

/** Per-field rights; null means "as the type". */
export type FieldRule = {
  __typename?: 'FieldRule';
  create?: Maybe<Scalars['Boolean']['output']>;
  field: Scalars['String']['output'];
  read?: Maybe<Scalars['Boolean']['output']>;
  update?: Maybe<Scalars['Boolean']['output']>;
};

export type FieldRuleInput = {
  create?: InputMaybe<Scalars['Boolean']['input']>;
  field: Scalars['String']['input'];
  read?: InputMaybe<Scalars['Boolean']['input']>;
  update?: InputMaybe<Scalars['Boolean']['input']>;
};

export type KeyKind =
  | 'ro'
  | 'rw'
  | 'user';

export type KeyMutations = {
  __typename?: 'KeyMutations';
  /** Creates a user-defined key (refused at the plan's cap). */
  create: KeyWithSecret;
  /** Makes a new secret; the old one stops working at once. */
  regenerate: KeyWithSecret;
  /** Removes a user-defined key (application keys cannot be removed). */
  remove: Scalars['Boolean']['output'];
  /** Shows a key's secret again (as Flotiq's panel does). */
  reveal: KeyWithSecret;
  /** Changes a key's name and/or rules; absent arguments stay as they are. */
  update: ApiKey;
};


export type KeyMutationsCreateArgs = {
  accountId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  rules: Array<KeyRuleInput>;
};


export type KeyMutationsRegenerateArgs = {
  accountId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type KeyMutationsRemoveArgs = {
  accountId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type KeyMutationsRevealArgs = {
  accountId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type KeyMutationsUpdateArgs = {
  accountId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  rules?: InputMaybe<Array<KeyRuleInput>>;
};

export type KeyRule = {
  __typename?: 'KeyRule';
  canCreate: Scalars['Boolean']['output'];
  canDelete: Scalars['Boolean']['output'];
  canRead: Scalars['Boolean']['output'];
  canUpdate: Scalars['Boolean']['output'];
  contentTypeDefinitionName: Scalars['String']['output'];
  fields: Array<FieldRule>;
};

export type KeyRuleInput = {
  canCreate: Scalars['Boolean']['input'];
  canDelete: Scalars['Boolean']['input'];
  canRead: Scalars['Boolean']['input'];
  canUpdate: Scalars['Boolean']['input'];
  contentTypeDefinitionName: Scalars['String']['input'];
  fields?: InputMaybe<Array<FieldRuleInput>>;
};

/** One key's usage over the window. */
export type KeyUsage = {
  __typename?: 'KeyUsage';
  calls: Scalars['Int']['output'];
  days: Array<UsageDay>;
  keyId: Scalars['ID']['output'];
  /** null for a removed key. */
  kind?: Maybe<KeyKind>;
  /** When the key was last used (written at most once per hour), or null. */
  lastUsedAt?: Maybe<Scalars['String']['output']>;
  /** The key's name, or "(removed key)". */
  name: Scalars['String']['output'];
  refusedBurst: Scalars['Int']['output'];
  refusedQuota: Scalars['Int']['output'];
};

/** A key together with its secret (returned by create and regenerate, and by reveal). */
export type KeyWithSecret = {
  __typename?: 'KeyWithSecret';
  key: ApiKey;
  secret: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Account management. */
  accounts: AccountMutations;
  /** Content type management through the CTD service (Flotiq's rules and messages). */
  contentTypes: ContentTypeMutations;
  /** API key management. */
  keys: KeyMutations;
};

export type Plan = {
  __typename?: 'Plan';
  /** Calls per second, account-wide; null: no limit. */
  burstPerSecond?: Maybe<Scalars['Int']['output']>;
  /** Calls per rolling 30 UTC days, all keys together; null: no limit. */
  callsPer30Days?: Maybe<Scalars['Int']['output']>;
  maxUserKeys: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One account, or null. */
  account?: Maybe<Account>;
  /** Every account, oldest first. */
  accounts: Array<Account>;
  /** A key's secret as an SVG QR code (for the admin page). */
  keyQrCode: Scalars['String']['output'];
  /** The plans: call quota, burst limit and how many user-defined keys each allows. */
  plans: Array<Plan>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryKeyQrCodeArgs = {
  accountId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};

/** Calls and refusals of one UTC day. */
export type UsageDay = {
  __typename?: 'UsageDay';
  calls: Scalars['Int']['output'];
  /** YYYY-MM-DD (UTC). */
  day: Scalars['String']['output'];
  /** Refused with 429 (burst limit). */
  refusedBurst: Scalars['Int']['output'];
  /** Refused with 403 (quota spent). */
  refusedQuota: Scalars['Int']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<AccountRecord>;
  AccountCreated: ResolverTypeWrapper<Omit<AccountCreated, 'account'> & { account: ResolversTypes['Account'] }>;
  AccountMutations: ResolverTypeWrapper<{}>;
  AccountUsage: ResolverTypeWrapper<AccountUsage>;
  ApiKey: ResolverTypeWrapper<ApiKey>;
  AuditRecord: ResolverTypeWrapper<AuditRecordModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ContentType: ResolverTypeWrapper<ContentType>;
  ContentTypeMutations: ResolverTypeWrapper<{}>;
  FieldRule: ResolverTypeWrapper<FieldRule>;
  FieldRuleInput: FieldRuleInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  KeyKind: KeyKind;
  KeyMutations: ResolverTypeWrapper<{}>;
  KeyRule: ResolverTypeWrapper<KeyRule>;
  KeyRuleInput: KeyRuleInput;
  KeyUsage: ResolverTypeWrapper<KeyUsage>;
  KeyWithSecret: ResolverTypeWrapper<KeyWithSecret>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Plan: ResolverTypeWrapper<Plan>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  UsageDay: ResolverTypeWrapper<UsageDay>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: AccountRecord;
  AccountCreated: Omit<AccountCreated, 'account'> & { account: ResolversParentTypes['Account'] };
  AccountMutations: {};
  AccountUsage: AccountUsage;
  ApiKey: ApiKey;
  AuditRecord: AuditRecordModel;
  Boolean: Scalars['Boolean']['output'];
  ContentType: ContentType;
  ContentTypeMutations: {};
  FieldRule: FieldRule;
  FieldRuleInput: FieldRuleInput;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  KeyMutations: {};
  KeyRule: KeyRule;
  KeyRuleInput: KeyRuleInput;
  KeyUsage: KeyUsage;
  KeyWithSecret: KeyWithSecret;
  Mutation: Record<PropertyKey, never>;
  Plan: Plan;
  Query: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  UsageDay: UsageDay;
};

export type AccountResolvers<ContextType = any, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  audit?: Resolver<Array<ResolversTypes['AuditRecord']>, ParentType, ContextType, RequireFields<AccountAuditArgs, 'limit'>>;
  contentTypes?: Resolver<Array<ResolversTypes['ContentType']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  planLimits?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['AccountUsage'], ParentType, ContextType>;
};

export type AccountCreatedResolvers<ContextType = any, ParentType extends ResolversParentTypes['AccountCreated'] = ResolversParentTypes['AccountCreated']> = {
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  readOnlyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  readWriteKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AccountMutationsResolvers<ContextType = any, ParentType extends ResolversParentTypes['AccountMutations'] = ResolversParentTypes['AccountMutations']> = {
  create?: Resolver<ResolversTypes['AccountCreated'], ParentType, ContextType, RequireFields<AccountMutationsCreateArgs, 'name' | 'plan'>>;
  setPlan?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<AccountMutationsSetPlanArgs, 'id' | 'plan'>>;
};

export type AccountUsageResolvers<ContextType = any, ParentType extends ResolversParentTypes['AccountUsage'] = ResolversParentTypes['AccountUsage']> = {
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  days?: Resolver<Array<ResolversTypes['UsageDay']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['KeyUsage']>, ParentType, ContextType>;
  refusedBurst?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refusedQuota?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remaining?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = any, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['KeyKind'], ParentType, ContextType>;
  maskedKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['KeyRule']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditRecordResolvers<ContextType = any, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keyId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  keyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContentTypeResolvers<ContextType = any, ParentType extends ResolversParentTypes['ContentType'] = ResolversParentTypes['ContentType']> = {
  definition?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  internal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ContentTypeMutationsResolvers<ContextType = any, ParentType extends ResolversParentTypes['ContentTypeMutations'] = ResolversParentTypes['ContentTypeMutations']> = {
  create?: Resolver<ResolversTypes['ContentType'], ParentType, ContextType, RequireFields<ContentTypeMutationsCreateArgs, 'accountId' | 'definition'>>;
  delete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<ContentTypeMutationsDeleteArgs, 'accountId' | 'name'>>;
  update?: Resolver<ResolversTypes['ContentType'], ParentType, ContextType, RequireFields<ContentTypeMutationsUpdateArgs, 'accountId' | 'definition' | 'name'>>;
};

export type FieldRuleResolvers<ContextType = any, ParentType extends ResolversParentTypes['FieldRule'] = ResolversParentTypes['FieldRule']> = {
  create?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  read?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  update?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KeyMutationsResolvers<ContextType = any, ParentType extends ResolversParentTypes['KeyMutations'] = ResolversParentTypes['KeyMutations']> = {
  create?: Resolver<ResolversTypes['KeyWithSecret'], ParentType, ContextType, RequireFields<KeyMutationsCreateArgs, 'accountId' | 'name' | 'rules'>>;
  regenerate?: Resolver<ResolversTypes['KeyWithSecret'], ParentType, ContextType, RequireFields<KeyMutationsRegenerateArgs, 'accountId' | 'id'>>;
  remove?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<KeyMutationsRemoveArgs, 'accountId' | 'id'>>;
  reveal?: Resolver<ResolversTypes['KeyWithSecret'], ParentType, ContextType, RequireFields<KeyMutationsRevealArgs, 'accountId' | 'id'>>;
  update?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<KeyMutationsUpdateArgs, 'accountId' | 'id'>>;
};

export type KeyRuleResolvers<ContextType = any, ParentType extends ResolversParentTypes['KeyRule'] = ResolversParentTypes['KeyRule']> = {
  canCreate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canDelete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canRead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canUpdate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contentTypeDefinitionName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['FieldRule']>, ParentType, ContextType>;
};

export type KeyUsageResolvers<ContextType = any, ParentType extends ResolversParentTypes['KeyUsage'] = ResolversParentTypes['KeyUsage']> = {
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  days?: Resolver<Array<ResolversTypes['UsageDay']>, ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['KeyKind']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refusedBurst?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refusedQuota?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeyWithSecretResolvers<ContextType = any, ParentType extends ResolversParentTypes['KeyWithSecret'] = ResolversParentTypes['KeyWithSecret']> = {
  key?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  accounts?: Resolver<ResolversTypes['AccountMutations'], ParentType, ContextType>;
  contentTypes?: Resolver<ResolversTypes['ContentTypeMutations'], ParentType, ContextType>;
  keys?: Resolver<ResolversTypes['KeyMutations'], ParentType, ContextType>;
};

export type PlanResolvers<ContextType = any, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = {
  burstPerSecond?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  callsPer30Days?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxUserKeys?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType, RequireFields<QueryAccountArgs, 'id'>>;
  accounts?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  keyQrCode?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<QueryKeyQrCodeArgs, 'accountId' | 'id'>>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
};

export type UsageDayResolvers<ContextType = any, ParentType extends ResolversParentTypes['UsageDay'] = ResolversParentTypes['UsageDay']> = {
  calls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refusedBurst?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refusedQuota?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = any> = {
  Account?: AccountResolvers<ContextType>;
  AccountCreated?: AccountCreatedResolvers<ContextType>;
  AccountMutations?: AccountMutationsResolvers<ContextType>;
  AccountUsage?: AccountUsageResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  ContentType?: ContentTypeResolvers<ContextType>;
  ContentTypeMutations?: ContentTypeMutationsResolvers<ContextType>;
  FieldRule?: FieldRuleResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KeyMutations?: KeyMutationsResolvers<ContextType>;
  KeyRule?: KeyRuleResolvers<ContextType>;
  KeyUsage?: KeyUsageResolvers<ContextType>;
  KeyWithSecret?: KeyWithSecretResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UsageDay?: UsageDayResolvers<ContextType>;
};

