import { GraphQLError, Kind, isIntrospectionType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { meetsRequirement, type ScopeRequirement } from '../../access/scopes';
import type { GuardedContext } from './guardedContext';
import { runAtOnce, type Steps } from '../../utils/slicedWork';
import { firstRefusal } from './operationGuard';
import { requirementOf } from './schemaGuards';

/** The error a shield denial raises (a GraphQLError, so it keeps its code). */
export function forbiddenError(message = 'Access denied'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

type ShieldRule = ReturnType<ReturnType<typeof rule>>;

/**
 * The graphql-shield rule map of a schema, generated from its `@requiresScopes` directives: every
 * field with a declared resolver gets the rule its directive states. A root field's rule also walks
 * everything selected beneath it (the same walk as the operation check), so the shield alone denies
 * every field a key may not read although plain fields are not wrapped (wrapping every field costs
 * ~2× on lists). A resolver field without a directive gets no rule and falls back to deny.
 */
export function buildShieldRules(schema: GraphQLSchema): IRules {
  return runAtOnce(shieldRuleSteps(schema));
}

/** `buildShieldRules` one type per step. */
function* shieldRuleSteps(schema: GraphQLSchema): Steps<IRules> {
  const byRequirement = new Map<string, ShieldRule>();
  const rules: Record<string, Record<string, ShieldRule>> = {};
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const requirement = field.resolve && requirementOf(schema, type, field);
      if (!requirement) continue;
      (rules[type.name] ??= {})[field.name] = roots.has(type.name) ? rootRule(`${type.name}.${field.name}`) : requirementRule(byRequirement, requirement);
    }
    yield;
  }
  return rules as IRules;
}

function requirementRule(known: Map<string, ShieldRule>, requirement: ScopeRequirement): ShieldRule {
  const name = JSON.stringify(requirement);
  let made = known.get(name);
  if (!made) {
    made = rule(name, { cache: 'no_cache' })((_parent, _args, ctx: GuardedContext) =>
      meetsRequirement(ctx.permissions, requirement) ? true : forbiddenError(),
    );
    known.set(name, made);
  }
  return made;
}

function rootRule(coordinate: string): ShieldRule {
  return rule(coordinate, { cache: 'no_cache' })((_parent, _args, ctx: GuardedContext, info: GraphQLResolveInfo) => {
    const walk = { schema: info.schema, permissions: ctx.permissions, fragments: info.fragments, variables: info.variableValues };
    const refusal = firstRefusal(walk, info.parentType, { kind: Kind.SELECTION_SET, selections: info.fieldNodes });
    return refusal ? forbiddenError(refusal) : true;
  });
}

/** The shield middleware of a schema: deny by default, FORBIDDEN errors, no debug. */
export function buildShield(schema: GraphQLSchema) {
  return runAtOnce(buildShieldSteps(schema));
}

/** `buildShield` in steps (the rule map one type per step). */
export function* buildShieldSteps(schema: GraphQLSchema) {
  return shield(yield* shieldRuleSteps(schema), {
    fallbackRule: deny,
    fallbackError: forbiddenError(),
    allowExternalErrors: true,
    debug: false,
  });
}
