import { GraphQLError } from 'graphql';
import { deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { canPerform } from '../access/decisions';
import type { Action } from '../access/permissions';
import type { SchemaPlan } from './buildTypeDefs';
import type { GraphQLContext } from './graphqlContext';

/** The error every shield denial raises (a GraphQLError, so it keeps its code). */
export function forbiddenError(): GraphQLError {
  return new GraphQLError('Access denied', { extensions: { code: 'FORBIDDEN' } });
}

/**
 * The graphql-shield rule map of an account schema, generated from the permission engine:
 * root queries need read on their type, mutations the action on theirs, relation fields read on
 * the target type (or on the owner for untyped relations), renamed plain fields read on their
 * owner. Everything else with a resolver falls back to deny.
 *
 * The middleware is applied to declared resolvers only (plain fields are not wrapped: wrapping
 * every field costs ~2× on lists). Field-level read rights are decided once per request by
 * `checkOperationPermissions`, which calls the same engine.
 */
export function buildShieldRules(plan: SchemaPlan): IRules {
  const cache = new Map<string, ReturnType<ReturnType<typeof rule>>>();
  const can = (action: Action, type: string) => {
    const name = `${action}:${type}`;
    let made = cache.get(name);
    if (!made) {
      made = rule(name, { cache: 'no_cache' })((_parent, _args, ctx: GraphQLContext) =>
        canPerform(ctx.permissions, action, type) ? true : forbiddenError(),
      );
      cache.set(name, made);
    }
    return made;
  };
  const rules: Record<string, Record<string, unknown>> = { Query: {}, Mutation: {} };
  for (const [coordinate, { action, type }] of plan.rootFields) {
    const [parent, field] = coordinate.split('.');
    rules[parent][field] = can(action, type);
  }
  for (const relation of plan.relationFields) {
    (rules[relation.typeName] ??= {})[relation.fieldName] = can('read', relation.target ?? relation.owner);
  }
  for (const [typeName, { owner, fields }] of plan.propertyOfField) {
    for (const [field, property] of fields) {
      if (field !== property && !rules[typeName]?.[field]) (rules[typeName] ??= {})[field] = can('read', owner);
    }
  }
  return rules as IRules;
}

/** The shield middleware for an account schema: deny by default, FORBIDDEN errors, no debug. */
export function buildShield(plan: SchemaPlan) {
  return shield(buildShieldRules(plan), {
    fallbackRule: deny,
    fallbackError: forbiddenError(),
    allowExternalErrors: true,
    debug: false,
  });
}
