/**
 * The three GraphQL permission layers, each read from the schema's `@requiresScopes` directives:
 * the key's pruned schema view (validation), the once-per-request operation check, and the
 * graphql-shield rules at execution. All are on in every running server; tests switch single
 * layers off to show that each one alone denies what it must.
 */
export interface GuardLayers {
  views: boolean;
  operationCheck: boolean;
  shield: boolean;
}

/** Every layer on: what the server always runs. */
export const ALL_GUARD_LAYERS: GuardLayers = Object.freeze({ views: true, operationCheck: true, shield: true });
