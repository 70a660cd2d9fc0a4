import { FILTER_OPERATORS } from '../query/filterOperators';

/**
 * SDL shared by every account schema: scalars, the `internal` block, relation references, geo
 * points, filter conditions and the delete result. All names contain capitals, so no CTD can clash.
 */
export const SHARED_TYPE_DEFS = `
"""Any JSON value (editor.js block values, custom fields)."""
scalar JSON

"""A date or date-time string as Flotiq stores it (YYYY-MM-DD or YYYY-MM-DDTHH:mm)."""
scalar DateTime

"""Default internal type: metadata of every content object."""
type ObjectInternal {
  status: String
  createdAt: String
  updatedAt: String
  deletedAt: String
  contentType: String
  objectTitle: String
  latestVersion: Int
}

"""A relation reference: /api/v1/content/{type}/{id}."""
type DataSource {
  dataUrl: String!
  type: String
}

input DataSourceInput {
  dataUrl: String!
  type: String
}

type Geo {
  lat: Float
  lon: Float
}

input GeoInput {
  lat: Float
  lon: Float
}

"""Flotiq's filter operators (REST \`filters\` types)."""
enum FilterOperator {
  ${FILTER_OPERATORS.join('\n  ')}
}

"""A condition on a text or date field. \`anyOf\` is \`filter\` as a list (equals/notEqual: any of)."""
input StringCondition {
  type: FilterOperator!
  filter: String
  anyOf: [String!]
  filter2: String
}

"""A condition on a number field."""
input NumberCondition {
  type: FilterOperator!
  filter: Float
  anyOf: [Float!]
  filter2: Float
}

"""A condition on a checkbox field."""
input BooleanCondition {
  type: FilterOperator!
  filter: Boolean
}

"""A condition on a list (simple lists, select with multiple values, relation dataUrls)."""
input ListCondition {
  type: FilterOperator!
  filter: String
  anyOf: [String!]
}

"""A condition on a whole value that only knows empty / notEmpty."""
input PresenceCondition {
  type: FilterOperator!
}

"""The result of a delete mutation."""
type DeleteResult {
  id: String!
  deleted: Boolean!
}
`;
