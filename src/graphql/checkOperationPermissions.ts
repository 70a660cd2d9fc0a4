import {
  GraphQLError,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { canPerform, canUseField, seesEverything } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import type { SchemaPlan } from './buildTypeDefs';

/** Fields every selection may carry. */
const ALWAYS_ALLOWED = new Set(['__typename']);

/**
 * Decides, once per request and before anything executes, whether the key may run the whole
 * operation: every root field needs its action on its type, every selected property needs read
 * on its field (through aliases, fragments and inline fragments alike), every relation needs read
 * on its target, and introspection needs a key that sees everything. Returns one FORBIDDEN error
 * naming the first refused field (only names the operation itself used), or undefined.
 */
export function checkOperationPermissions(
  schema: GraphQLSchema,
  document: DocumentNode,
  plan: SchemaPlan,
  permissions: Permissions,
): GraphQLError | undefined {
  const relationTargets = new Map(plan.relationFields.map((r) => [`${r.typeName}.${r.fieldName}`, r.target]));
  const typeInfo = new TypeInfo(schema);
  let refusal: GraphQLError | undefined;
  const refuse = (message: string) => {
    refusal = new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
    return false as const;
  };

  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (refusal) return false;
        const parent = typeInfo.getParentType()?.name;
        const field = node.name.value;
        if (!parent || ALWAYS_ALLOWED.has(field)) return undefined;
        if (field === '__schema' || field === '__type') {
          return seesEverything(permissions) ? false : refuse('Introspection is not allowed for this key');
        }
        const root = plan.rootFields.get(`${parent}.${field}`);
        if (root) {
          return canPerform(permissions, root.action, root.type) ? undefined : refuse(`Not allowed to ${root.action} ${root.type} (${field})`);
        }
        const owned = plan.propertyOfField.get(parent);
        if (!owned) return undefined; // shared types (ObjectInternal, Geo, DataSource…): their parent field was checked
        if (field === 'id') return undefined;
        if (field === 'internal') {
          return canPerform(permissions, 'read', owned.owner) ? undefined : refuse(`Not allowed to read ${parent}.internal`);
        }
        const property = owned.fields.get(field);
        if (property === undefined || !canUseField(permissions, 'read', owned.owner, property)) {
          return refuse(`Not allowed to read ${parent}.${field}`);
        }
        const target = relationTargets.get(`${parent}.${field}`);
        if (target && !canPerform(permissions, 'read', target)) return refuse(`Not allowed to read ${parent}.${field}`);
        return undefined;
      },
    }),
  );
  return refusal;
}
