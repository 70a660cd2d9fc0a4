import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { canPerform, canUseField } from '../access/decisions';
import type { Permissions } from '../access/permissions';
import type { SchemaPlan } from './buildTypeDefs';

/**
 * The part of an account schema a key may see: root fields of actions it may perform, fields it
 * may read, relations into types it may read, input fields it may write or filter on; unreachable
 * types are pruned. Used for the SDL a
 * user-defined key downloads, so it never learns names it cannot read.
 */
export function readableSchema(schema: GraphQLSchema, plan: SchemaPlan, permissions: Permissions): GraphQLSchema {
  const relationTargets = new Map(plan.relationFields.map((r) => [`${r.typeName}.${r.fieldName}`, r.target]));
  const mapped = mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const root = plan.rootFields.get(`${typeName}.${fieldName}`);
      return root && canPerform(permissions, root.action, root.type) ? fieldConfig : null;
    },
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const owned = plan.propertyOfField.get(typeName);
      if (!owned || fieldName === 'id') return fieldConfig;
      if (fieldName === 'internal') return canPerform(permissions, 'read', owned.owner) ? fieldConfig : null;
      const property = owned.fields.get(fieldName);
      if (property === undefined || !canUseField(permissions, 'read', owned.owner, property)) return null;
      const target = relationTargets.get(`${typeName}.${fieldName}`);
      return target && !canPerform(permissions, 'read', target) ? null : fieldConfig;
    },
    [MapperKind.INPUT_OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const input = plan.inputFields.get(typeName);
      const property = input?.fields.get(fieldName);
      if (!input || property === null || property === undefined) return fieldConfig;
      // A field the key may write (or filter on) it must be able to name.
      return canUseField(permissions, input.action, input.owner, property) ? fieldConfig : null;
    },
  });
  return pruneSchema(mapped);
}
