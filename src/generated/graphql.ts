export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date or date-time string as Flotiq stores it (YYYY-MM-DD or YYYY-MM-DDTHH:mm). */
  DateTime: { input: string; output: string; }
  /** Any JSON value (editor.js block values, custom fields). */
  JSON: { input: unknown; output: unknown; }
  /** A permission: `<type>:<action>` or `<type>.<property>:<read|create|update>` (see the README). */
  Scope: { input: string; output: string; }
};

/** A condition on a checkbox field. */
export type BooleanCondition = {
  filter?: InputMaybe<Scalars['Boolean']['input']>;
  type: FilterOperator;
};

/** Typed form of Flotiq's filters for category; conditions are ANDed. */
export type CategoryFilter = {
  id?: InputMaybe<StringCondition>;
  internal__contentType?: InputMaybe<StringCondition>;
  internal__createdAt?: InputMaybe<StringCondition>;
  internal__deletedAt?: InputMaybe<StringCondition>;
  internal__latestVersion?: InputMaybe<NumberCondition>;
  internal__objectTitle?: InputMaybe<StringCondition>;
  internal__status?: InputMaybe<StringCondition>;
  internal__updatedAt?: InputMaybe<StringCondition>;
  internal__workflowState?: InputMaybe<StringCondition>;
  name?: InputMaybe<StringCondition>;
};

/** Data of a new category. */
export type CategoryInput = {
  id?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Fields of a category to change; absent fields stay as they are. */
export type CategoryPatchInput = {
  id?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A relation reference: /api/v1/content/{type}/{id}. */
export type DataSource = {
  __typename?: 'DataSource';
  dataUrl: Scalars['String']['output'];
  type: Maybe<Scalars['String']['output']>;
};

export type DataSourceInput = {
  dataUrl: Scalars['String']['input'];
  type?: InputMaybe<Scalars['String']['input']>;
};

/** The result of a delete mutation. */
export type DeleteResult = {
  __typename?: 'DeleteResult';
  deleted: Scalars['Boolean']['output'];
  id: Scalars['String']['output'];
};

/** Typed form of Flotiq's filters for everything; conditions are ANDed. */
export type EverythingFilter = {
  body?: InputMaybe<StringCondition>;
  categories?: InputMaybe<PresenceCondition>;
  categories__dataUrl?: InputMaybe<ListCondition>;
  colour?: InputMaybe<StringCondition>;
  contactEmail?: InputMaybe<StringCondition>;
  content?: InputMaybe<PresenceCondition>;
  cover?: InputMaybe<PresenceCondition>;
  cover__dataUrl?: InputMaybe<ListCondition>;
  extra?: InputMaybe<StringCondition>;
  flavours?: InputMaybe<ListCondition>;
  id?: InputMaybe<StringCondition>;
  inStock?: InputMaybe<BooleanCondition>;
  internal__contentType?: InputMaybe<StringCondition>;
  internal__createdAt?: InputMaybe<StringCondition>;
  internal__deletedAt?: InputMaybe<StringCondition>;
  internal__latestVersion?: InputMaybe<NumberCondition>;
  internal__objectTitle?: InputMaybe<StringCondition>;
  internal__status?: InputMaybe<StringCondition>;
  internal__updatedAt?: InputMaybe<StringCondition>;
  internal__workflowState?: InputMaybe<StringCondition>;
  keywords?: InputMaybe<ListCondition>;
  location?: InputMaybe<PresenceCondition>;
  location__lat?: InputMaybe<NumberCondition>;
  location__lon?: InputMaybe<NumberCondition>;
  notes?: InputMaybe<StringCondition>;
  price?: InputMaybe<NumberCondition>;
  publishedOn?: InputMaybe<StringCondition>;
  sections?: InputMaybe<PresenceCondition>;
  sections__heading?: InputMaybe<ListCondition>;
  sections__image?: InputMaybe<PresenceCondition>;
  sections__image__dataUrl?: InputMaybe<ListCondition>;
  sections__weight?: InputMaybe<NumberCondition>;
  size?: InputMaybe<StringCondition>;
  summary?: InputMaybe<StringCondition>;
  title?: InputMaybe<StringCondition>;
};

/** Data of a new everything. */
export type EverythingInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  categories?: InputMaybe<Array<DataSourceInput>>;
  colour?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  content?: InputMaybe<Scalars['JSON']['input']>;
  cover?: InputMaybe<Array<DataSourceInput>>;
  extra?: InputMaybe<Scalars['JSON']['input']>;
  flavours?: InputMaybe<Array<Scalars['String']['input']>>;
  id?: InputMaybe<Scalars['String']['input']>;
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  location?: InputMaybe<GeoInput>;
  notes?: InputMaybe<Scalars['String']['input']>;
  price?: InputMaybe<Scalars['Float']['input']>;
  publishedOn?: InputMaybe<Scalars['DateTime']['input']>;
  sections?: InputMaybe<Array<Everything_SectionsInput>>;
  size?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Fields of a everything to change; absent fields stay as they are. */
export type EverythingPatchInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  categories?: InputMaybe<Array<DataSourceInput>>;
  colour?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  content?: InputMaybe<Scalars['JSON']['input']>;
  cover?: InputMaybe<Array<DataSourceInput>>;
  extra?: InputMaybe<Scalars['JSON']['input']>;
  flavours?: InputMaybe<Array<Scalars['String']['input']>>;
  id?: InputMaybe<Scalars['String']['input']>;
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  location?: InputMaybe<GeoInput>;
  notes?: InputMaybe<Scalars['String']['input']>;
  price?: InputMaybe<Scalars['Float']['input']>;
  publishedOn?: InputMaybe<Scalars['DateTime']['input']>;
  sections?: InputMaybe<Array<Everything_SectionsInput>>;
  size?: InputMaybe<Scalars['String']['input']>;
  summary?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Sections (an item of everything.sections) */
export type Everything_Sections = {
  __typename?: 'Everything_sections';
  heading: Maybe<Scalars['String']['output']>;
  image: Maybe<Array<Maybe<_Media>>>;
  weight: Maybe<Scalars['Float']['output']>;
};

/** An item of everything.sections. */
export type Everything_SectionsInput = {
  heading?: InputMaybe<Scalars['String']['input']>;
  image?: InputMaybe<Array<DataSourceInput>>;
  weight?: InputMaybe<Scalars['Float']['input']>;
};

/** Flotiq's filter operators (REST `filters` types). */
export type FilterOperator =
  | 'contains'
  | 'empty'
  | 'endsWith'
  | 'equals'
  | 'greaterThan'
  | 'greaterThanOrEqual'
  | 'inRange'
  | 'includes'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'notContains'
  | 'notEmpty'
  | 'notEqual'
  | 'overlaps'
  | 'startsWith';

export type Geo = {
  __typename?: 'Geo';
  lat: Maybe<Scalars['Float']['output']>;
  lon: Maybe<Scalars['Float']['output']>;
};

export type GeoInput = {
  lat?: InputMaybe<Scalars['Float']['input']>;
  lon?: InputMaybe<Scalars['Float']['input']>;
};

/** A condition on a list (simple lists, select with multiple values, relation dataUrls). */
export type ListCondition = {
  anyOf?: InputMaybe<Array<Scalars['String']['input']>>;
  filter?: InputMaybe<Scalars['String']['input']>;
  type: FilterOperator;
};

export type Mutation = {
  __typename?: 'Mutation';
  createCategory: Category;
  createEverything: Everything;
  create_Media: _Media;
  create_Tag: _Tag;
  deleteCategory: DeleteResult;
  deleteEverything: DeleteResult;
  delete_Media: DeleteResult;
  delete_Tag: DeleteResult;
  updateCategory: Category;
  updateEverything: Everything;
  update_Media: _Media;
  update_Tag: _Tag;
};


export type MutationCreateCategoryArgs = {
  data: CategoryInput;
};


export type MutationCreateEverythingArgs = {
  data: EverythingInput;
};


export type MutationCreate_MediaArgs = {
  data: _MediaInput;
};


export type MutationCreate_TagArgs = {
  data: _TagInput;
};


export type MutationDeleteCategoryArgs = {
  id: Scalars['String']['input'];
};


export type MutationDeleteEverythingArgs = {
  id: Scalars['String']['input'];
};


export type MutationDelete_MediaArgs = {
  id: Scalars['String']['input'];
};


export type MutationDelete_TagArgs = {
  id: Scalars['String']['input'];
};


export type MutationUpdateCategoryArgs = {
  data: CategoryPatchInput;
  id: Scalars['String']['input'];
};


export type MutationUpdateEverythingArgs = {
  data: EverythingPatchInput;
  id: Scalars['String']['input'];
};


export type MutationUpdate_MediaArgs = {
  data: _MediaPatchInput;
  id: Scalars['String']['input'];
};


export type MutationUpdate_TagArgs = {
  data: _TagPatchInput;
  id: Scalars['String']['input'];
};

/** A condition on a number field. */
export type NumberCondition = {
  anyOf?: InputMaybe<Array<Scalars['Float']['input']>>;
  filter?: InputMaybe<Scalars['Float']['input']>;
  filter2?: InputMaybe<Scalars['Float']['input']>;
  type: FilterOperator;
};

/** Default internal type: metadata of every content object. */
export type ObjectInternal = {
  __typename?: 'ObjectInternal';
  contentType: Maybe<Scalars['String']['output']>;
  createdAt: Maybe<Scalars['String']['output']>;
  deletedAt: Maybe<Scalars['String']['output']>;
  latestVersion: Maybe<Scalars['Int']['output']>;
  objectTitle: Maybe<Scalars['String']['output']>;
  status: Maybe<Scalars['String']['output']>;
  updatedAt: Maybe<Scalars['String']['output']>;
};

/** A condition on a whole value that only knows empty / notEmpty. */
export type PresenceCondition = {
  type: FilterOperator;
};

export type Query = {
  __typename?: 'Query';
  /** One _media by id. */
  _media: Maybe<_Media>;
  /** How many _media objects match the filter. */
  _mediaCount: Scalars['Int']['output'];
  /** A page of _media objects (limit ≤ 1000; filter is Flotiq's JSON filters string, where its typed form). */
  _mediaList: Array<_Media>;
  /** One _tag by id. */
  _tag: Maybe<_Tag>;
  /** How many _tag objects match the filter. */
  _tagCount: Scalars['Int']['output'];
  /** A page of _tag objects (limit ≤ 1000; filter is Flotiq's JSON filters string, where its typed form). */
  _tagList: Array<_Tag>;
  /** One category by id. */
  category: Maybe<Category>;
  /** How many category objects match the filter. */
  categoryCount: Scalars['Int']['output'];
  /** A page of category objects (limit ≤ 1000; filter is Flotiq's JSON filters string, where its typed form). */
  categoryList: Array<Category>;
  /** One everything by id. */
  everything: Maybe<Everything>;
  /** How many everything objects match the filter. */
  everythingCount: Scalars['Int']['output'];
  /** A page of everything objects (limit ≤ 1000; filter is Flotiq's JSON filters string, where its typed form). */
  everythingList: Array<Everything>;
};


export type Query_MediaArgs = {
  id: Scalars['String']['input'];
};


export type Query_MediaCountArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  where?: InputMaybe<_MediaFilter>;
};


export type Query_MediaListArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Scalars['String']['input']>;
  order_direction?: InputMaybe<Scalars['String']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<_MediaFilter>;
};


export type Query_TagArgs = {
  id: Scalars['String']['input'];
};


export type Query_TagCountArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  where?: InputMaybe<_TagFilter>;
};


export type Query_TagListArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Scalars['String']['input']>;
  order_direction?: InputMaybe<Scalars['String']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<_TagFilter>;
};


export type QueryCategoryArgs = {
  id: Scalars['String']['input'];
};


export type QueryCategoryCountArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  where?: InputMaybe<CategoryFilter>;
};


export type QueryCategoryListArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Scalars['String']['input']>;
  order_direction?: InputMaybe<Scalars['String']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<CategoryFilter>;
};


export type QueryEverythingArgs = {
  id: Scalars['String']['input'];
};


export type QueryEverythingCountArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  where?: InputMaybe<EverythingFilter>;
};


export type QueryEverythingListArgs = {
  filter?: InputMaybe<Scalars['String']['input']>;
  ids?: InputMaybe<Array<Scalars['String']['input']>>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Scalars['String']['input']>;
  order_direction?: InputMaybe<Scalars['String']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  where?: InputMaybe<EverythingFilter>;
};

/** A condition on a text or date field. `anyOf` is `filter` as a list (equals/notEqual: any of). */
export type StringCondition = {
  anyOf?: InputMaybe<Array<Scalars['String']['input']>>;
  filter?: InputMaybe<Scalars['String']['input']>;
  filter2?: InputMaybe<Scalars['String']['input']>;
  type: FilterOperator;
};

/** Typed form of Flotiq's filters for _media; conditions are ANDed. */
export type _MediaFilter = {
  alt?: InputMaybe<StringCondition>;
  extension?: InputMaybe<StringCondition>;
  externalId?: InputMaybe<StringCondition>;
  fileName?: InputMaybe<StringCondition>;
  height?: InputMaybe<NumberCondition>;
  id?: InputMaybe<StringCondition>;
  internal__contentType?: InputMaybe<StringCondition>;
  internal__createdAt?: InputMaybe<StringCondition>;
  internal__deletedAt?: InputMaybe<StringCondition>;
  internal__latestVersion?: InputMaybe<NumberCondition>;
  internal__objectTitle?: InputMaybe<StringCondition>;
  internal__status?: InputMaybe<StringCondition>;
  internal__updatedAt?: InputMaybe<StringCondition>;
  internal__workflowState?: InputMaybe<StringCondition>;
  mimeType?: InputMaybe<StringCondition>;
  size?: InputMaybe<NumberCondition>;
  source?: InputMaybe<StringCondition>;
  tags?: InputMaybe<PresenceCondition>;
  tags__dataUrl?: InputMaybe<ListCondition>;
  type?: InputMaybe<StringCondition>;
  url?: InputMaybe<StringCondition>;
  variants?: InputMaybe<PresenceCondition>;
  variants__name?: InputMaybe<ListCondition>;
  variants__trim?: InputMaybe<PresenceCondition>;
  width?: InputMaybe<NumberCondition>;
};

/** Data of a new _media. */
export type _MediaInput = {
  alt?: InputMaybe<Scalars['String']['input']>;
  extension?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  fileName?: InputMaybe<Scalars['String']['input']>;
  height?: InputMaybe<Scalars['Float']['input']>;
  id?: InputMaybe<Scalars['String']['input']>;
  mimeType?: InputMaybe<Scalars['String']['input']>;
  size?: InputMaybe<Scalars['Float']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<DataSourceInput>>;
  type?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  variants?: InputMaybe<Array<_Media_VariantsInput>>;
  width?: InputMaybe<Scalars['Float']['input']>;
};

/** Fields of a _media to change; absent fields stay as they are. */
export type _MediaPatchInput = {
  alt?: InputMaybe<Scalars['String']['input']>;
  extension?: InputMaybe<Scalars['String']['input']>;
  externalId?: InputMaybe<Scalars['String']['input']>;
  fileName?: InputMaybe<Scalars['String']['input']>;
  height?: InputMaybe<Scalars['Float']['input']>;
  id?: InputMaybe<Scalars['String']['input']>;
  mimeType?: InputMaybe<Scalars['String']['input']>;
  size?: InputMaybe<Scalars['Float']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<DataSourceInput>>;
  type?: InputMaybe<Scalars['String']['input']>;
  url?: InputMaybe<Scalars['String']['input']>;
  variants?: InputMaybe<Array<_Media_VariantsInput>>;
  width?: InputMaybe<Scalars['Float']['input']>;
};

/** Variants (an item of _media.variants) */
export type _Media_Variants = {
  __typename?: '_Media_variants';
  name: Maybe<Scalars['String']['output']>;
  trim: Maybe<Scalars['JSON']['output']>;
};

/** An item of _media.variants. */
export type _Media_VariantsInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  trim?: InputMaybe<Scalars['JSON']['input']>;
};

/** Typed form of Flotiq's filters for _tag; conditions are ANDed. */
export type _TagFilter = {
  id?: InputMaybe<StringCondition>;
  internal__contentType?: InputMaybe<StringCondition>;
  internal__createdAt?: InputMaybe<StringCondition>;
  internal__deletedAt?: InputMaybe<StringCondition>;
  internal__latestVersion?: InputMaybe<NumberCondition>;
  internal__objectTitle?: InputMaybe<StringCondition>;
  internal__status?: InputMaybe<StringCondition>;
  internal__updatedAt?: InputMaybe<StringCondition>;
  internal__workflowState?: InputMaybe<StringCondition>;
  name?: InputMaybe<StringCondition>;
};

/** Data of a new _tag. */
export type _TagInput = {
  id?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Fields of a _tag to change; absent fields stay as they are. */
export type _TagPatchInput = {
  id?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Content type: Media (internal) (_media) */
export type _Media = {
  __typename?: '_media';
  alt: Maybe<Scalars['String']['output']>;
  extension: Maybe<Scalars['String']['output']>;
  externalId: Maybe<Scalars['String']['output']>;
  fileName: Maybe<Scalars['String']['output']>;
  height: Maybe<Scalars['Float']['output']>;
  id: Scalars['String']['output'];
  internal: Maybe<ObjectInternal>;
  mimeType: Maybe<Scalars['String']['output']>;
  size: Maybe<Scalars['Float']['output']>;
  source: Maybe<Scalars['String']['output']>;
  tags: Maybe<Array<Maybe<_Tag>>>;
  type: Maybe<Scalars['String']['output']>;
  url: Maybe<Scalars['String']['output']>;
  variants: Maybe<Array<Maybe<_Media_Variants>>>;
  width: Maybe<Scalars['Float']['output']>;
};

/** Content type: Tag (internal) (_tag) */
export type _Tag = {
  __typename?: '_tag';
  id: Scalars['String']['output'];
  internal: Maybe<ObjectInternal>;
  name: Maybe<Scalars['String']['output']>;
};

/** Content type: Category (category) */
export type Category = {
  __typename?: 'category';
  id: Scalars['String']['output'];
  internal: Maybe<ObjectInternal>;
  name: Maybe<Scalars['String']['output']>;
};

/** Content type: Every input type (everything) */
export type Everything = {
  __typename?: 'everything';
  body: Maybe<Scalars['String']['output']>;
  categories: Maybe<Array<Maybe<Category>>>;
  colour: Maybe<Scalars['String']['output']>;
  contactEmail: Maybe<Scalars['String']['output']>;
  content: Maybe<Scalars['JSON']['output']>;
  cover: Maybe<Array<Maybe<_Media>>>;
  extra: Maybe<Scalars['JSON']['output']>;
  flavours: Maybe<Array<Maybe<Scalars['String']['output']>>>;
  id: Scalars['String']['output'];
  inStock: Maybe<Scalars['Boolean']['output']>;
  internal: Maybe<ObjectInternal>;
  keywords: Maybe<Array<Maybe<Scalars['String']['output']>>>;
  location: Maybe<Geo>;
  notes: Maybe<Scalars['String']['output']>;
  price: Maybe<Scalars['Float']['output']>;
  publishedOn: Maybe<Scalars['DateTime']['output']>;
  sections: Maybe<Array<Maybe<Everything_Sections>>>;
  size: Maybe<Scalars['String']['output']>;
  summary: Maybe<Scalars['String']['output']>;
  title: Maybe<Scalars['String']['output']>;
};
