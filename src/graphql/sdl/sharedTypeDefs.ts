import { FILTER_OPERATORS } from '../../query/filterOperators';
import { REACHABLE, SCOPE_DIRECTIVE_DEFS } from './scopeDirective';

/**
 * SDL shared by every account schema: scalars, the `internal` block, relation references, geo
 * points, filter conditions, the delete result and the `@requiresScopes` directive. All names contain
 * capitals, so no CTD can clash. Shared types carry an empty requirement: whoever reaches them
 * through a guarded field may read them.
 */
export const SHARED_TYPE_DEFS = `${SCOPE_DIRECTIVE_DEFS}
"""Any JSON value (editor.js block values, custom fields)."""
scalar JSON

"""A date or date-time string as Flotiq stores it (YYYY-MM-DD or YYYY-MM-DDTHH:mm)."""
scalar DateTime

"""Default internal type: metadata of every content object."""
type ObjectInternal${REACHABLE} {
  status: String
  createdAt: String
  updatedAt: String
  deletedAt: String
  contentType: String
  objectTitle: String
  latestVersion: Int
}

"""A relation reference: /api/v1/content/{type}/{id}."""
type DataSource${REACHABLE} {
  dataUrl: String!
  type: String
}

input DataSourceInput${REACHABLE} {
  dataUrl: String!
  type: String
}

type Geo${REACHABLE} {
  lat: Float
  lon: Float
}

input GeoInput${REACHABLE} {
  lat: Float
  lon: Float
}

"""Flotiq's filter operators (REST \`filters\` types)."""
enum FilterOperator {
  ${FILTER_OPERATORS.join('\n  ')}
}

"""A condition on a text or date field. \`anyOf\` is \`filter\` as a list (equals/notEqual: any of)."""
input StringCondition${REACHABLE} {
  type: FilterOperator!
  filter: String
  anyOf: [String!]
  filter2: String
}

"""A condition on a number field."""
input NumberCondition${REACHABLE} {
  type: FilterOperator!
  filter: Float
  anyOf: [Float!]
  filter2: Float
}

"""A condition on a checkbox field."""
input BooleanCondition${REACHABLE} {
  type: FilterOperator!
  filter: Boolean
}

"""A condition on a list (simple lists, select with multiple values, relation dataUrls)."""
input ListCondition${REACHABLE} {
  type: FilterOperator!
  filter: String
  anyOf: [String!]
}

"""A condition on a whole value that only knows empty / notEmpty."""
input PresenceCondition${REACHABLE} {
  type: FilterOperator!
}

"""The result of a delete mutation."""
type DeleteResult${REACHABLE} {
  id: String!
  deleted: Boolean!
}
`;
