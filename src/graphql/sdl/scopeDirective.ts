import type { ScopeRequirement } from '../../access/scopes';

/** The name of the authorization directive the generated schema carries (Apollo Federation's). */
export const REQUIRES_SCOPES = 'requiresScopes';

/**
 * SDL of the directive and its scalar. Same name and argument as Apollo Federation's
 * `@requiresScopes` (also read by Hive Router and WunderGraph Cosmo); contentgate also places it on
 * input fields and input types (what a key may write or filter on), which Federation does not.
 */
export const SCOPE_DIRECTIVE_DEFS = `
"""A permission: \`<type>:<action>\` or \`<type>.<property>:<read|create|update>\` (see the README)."""
scalar Scope

"""What a field needs: any one inner list, all of its scopes. \`[[]]\`: nothing beyond reaching it."""
directive @${REQUIRES_SCOPES}(scopes: [[Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM | INPUT_FIELD_DEFINITION | INPUT_OBJECT
`;

/** The directive as written on a field or type: ` @requiresScopes(scopes: [["a", "b"], ["c"]])`. */
export function requiresScopes(requirement: ScopeRequirement): string {
  const alternatives = requirement.map((scopes) => `[${scopes.map((scope) => JSON.stringify(scope)).join(', ')}]`);
  return ` @${REQUIRES_SCOPES}(scopes: [${alternatives.join(', ')}])`;
}

/** The directive of shared types (`ObjectInternal`, `DataSource`, …): reaching them is enough. */
export const REACHABLE = requiresScopes([[]]);
