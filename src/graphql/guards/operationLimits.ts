import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Limits on the shape of one GraphQL document (THREATS E22–E27). */
export interface OperationLimits {
  /** Deepest field nesting, fragments included (relation depth bombs). */
  maxDepth: number;
  /**
   * Deepest nesting under `__schema`/`__type`: the standard introspection query (GraphiQL, Apollo
   * Sandbox, graphql-codegen) nests `ofType` about 13 levels deep; the schema bounds what it returns.
   */
  maxIntrospectionDepth: number;
  /** Aliases in the document (alias overloading). */
  maxAliases: number;
  /** Directives in the document (directive overloading). */
  maxDirectives: number;
  /** Lexer tokens in the document (field duplication, oversized queries); enforced by the parser. */
  maxTokens: number;
  /** UTF-8 bytes of the document, comments and whitespace included (the token count skips them); checked before parsing. */
  maxDocumentBytes: number;
}

/** The limits every public schema applies. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxIntrospectionDepth: 16,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 10_000,
  maxDocumentBytes: 32 * 1024,
};

/**
 * Decides whether a request's GraphQL document is over `maxDocumentBytes`, before anything parses it:
 * the POST body's `query` and every GET `?query=` value count; anything that is not a string is left
 * to the GraphQL server to refuse.
 */
export function exceedsDocumentBytes(body: unknown, queryParam: unknown, limits: OperationLimits = DEFAULT_OPERATION_LIMITS): boolean {
  const documents = [body !== null && typeof body === 'object' ? (body as { query?: unknown }).query : undefined, ...[queryParam].flat()];
  return documents.some((document) => typeof document === 'string' && Buffer.byteLength(document, 'utf8') > limits.maxDocumentBytes);
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * A validation rule that refuses documents deeper, or with more aliases or directives, than the
 * limits, before anything executes. Fragment spreads are followed (each fragment once per path, so
 * cycles cannot loop; cycles are refused by graphql-js's own rules anyway).
 */
export function operationLimitsRule(limits: OperationLimits) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let directives = 0;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    let tooDeepIntrospection = false;
    // Depth of a selection set, counted up to just past `limit`; introspection subtrees are measured on their own.
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: ReadonlySet<string>, limit: number): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(selection.name.value) && limit === limits.maxDepth) {
          if (1 + depthOf(selection.selectionSet, seen, limits.maxIntrospectionDepth) > limits.maxIntrospectionDepth) tooDeepIntrospection = true;
          deepest = Math.max(deepest, 1);
        } else if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen, limit) : 1);
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen, limit));
        else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set([...seen, name]), limit));
        }
        if (deepest > limit) return deepest;
      }
      return deepest;
    };
    return {
      Field(node) {
        if (node.alias && ++aliases === limits.maxAliases + 1) {
          context.reportError(new GraphQLError(`Too many aliases (at most ${limits.maxAliases})`, { extensions: { code: 'BAD_USER_INPUT' } }));
        }
      },
      Directive() {
        if (++directives === limits.maxDirectives + 1) {
          context.reportError(new GraphQLError(`Too many directives (at most ${limits.maxDirectives})`, { extensions: { code: 'BAD_USER_INPUT' } }));
        }
      },
      OperationDefinition(node) {
        if (depthOf(node.selectionSet, new Set(), limits.maxDepth) > limits.maxDepth || tooDeepIntrospection) {
          context.reportError(new GraphQLError(`Query is too deep (at most ${limits.maxDepth} levels)`, { extensions: { code: 'BAD_USER_INPUT' } }));
        }
      },
    };
  };
}
