/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ProgrammeOverview_programme on Programme {\n  id\n  key\n  name\n  description\n  launchedOn\n  editions {\n    id\n    year\n  }\n  stages {\n    key\n    label\n    kind\n    position\n  }\n}\n\nquery AnalyticsProgrammes {\n  programmes {\n    ...ProgrammeOverview_programme\n  }\n}\n\nfragment BudgetChart_money on MoneyTotal {\n  key\n  allocatedCents\n  spentCents\n}\n\nfragment PublishedFiguresTable_figure on PublishedFigure {\n  id\n  metric\n  period\n  value\n  check\n  speaker\n  sourceDocument\n}\n\nquery ProgrammeHeadlines($programmeKey: String!) {\n  funding(filter: {programmeKey: $programmeKey}) {\n    allocatedCents\n    spentCents\n    byYear {\n      ...BudgetChart_money\n    }\n  }\n  publishedFigures(programmeKey: $programmeKey) {\n    ...PublishedFiguresTable_figure\n  }\n}": typeof types.ProgrammeOverview_ProgrammeFragmentDoc,
    "fragment MyApplicationsTable_application on Application {\n  id\n  submittedAt\n  registrationType\n  companyCount\n  currentStage {\n    key\n    label\n    kind\n  }\n  programme {\n    id\n    key\n    name\n  }\n  edition {\n    id\n    year\n  }\n  organisation {\n    id\n    name\n  }\n}\n\nquery MyApplications($first: Int, $after: String, $filter: ApplicationFilter) {\n  applications(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...MyApplicationsTable_application\n      }\n    }\n  }\n}": typeof types.MyApplicationsTable_ApplicationFragmentDoc,
    "fragment AppShell_viewer on Viewer {\n  id\n  email\n  displayName\n  roles\n  programmeKeys\n  organisation {\n    id\n    name\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppShell_viewer\n  }\n}": typeof types.AppShell_ViewerFragmentDoc,
};
const documents: Documents = {
    "fragment ProgrammeOverview_programme on Programme {\n  id\n  key\n  name\n  description\n  launchedOn\n  editions {\n    id\n    year\n  }\n  stages {\n    key\n    label\n    kind\n    position\n  }\n}\n\nquery AnalyticsProgrammes {\n  programmes {\n    ...ProgrammeOverview_programme\n  }\n}\n\nfragment BudgetChart_money on MoneyTotal {\n  key\n  allocatedCents\n  spentCents\n}\n\nfragment PublishedFiguresTable_figure on PublishedFigure {\n  id\n  metric\n  period\n  value\n  check\n  speaker\n  sourceDocument\n}\n\nquery ProgrammeHeadlines($programmeKey: String!) {\n  funding(filter: {programmeKey: $programmeKey}) {\n    allocatedCents\n    spentCents\n    byYear {\n      ...BudgetChart_money\n    }\n  }\n  publishedFigures(programmeKey: $programmeKey) {\n    ...PublishedFiguresTable_figure\n  }\n}": types.ProgrammeOverview_ProgrammeFragmentDoc,
    "fragment MyApplicationsTable_application on Application {\n  id\n  submittedAt\n  registrationType\n  companyCount\n  currentStage {\n    key\n    label\n    kind\n  }\n  programme {\n    id\n    key\n    name\n  }\n  edition {\n    id\n    year\n  }\n  organisation {\n    id\n    name\n  }\n}\n\nquery MyApplications($first: Int, $after: String, $filter: ApplicationFilter) {\n  applications(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...MyApplicationsTable_application\n      }\n    }\n  }\n}": types.MyApplicationsTable_ApplicationFragmentDoc,
    "fragment AppShell_viewer on Viewer {\n  id\n  email\n  displayName\n  roles\n  programmeKeys\n  organisation {\n    id\n    name\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppShell_viewer\n  }\n}": types.AppShell_ViewerFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProgrammeOverview_programme on Programme {\n  id\n  key\n  name\n  description\n  launchedOn\n  editions {\n    id\n    year\n  }\n  stages {\n    key\n    label\n    kind\n    position\n  }\n}\n\nquery AnalyticsProgrammes {\n  programmes {\n    ...ProgrammeOverview_programme\n  }\n}\n\nfragment BudgetChart_money on MoneyTotal {\n  key\n  allocatedCents\n  spentCents\n}\n\nfragment PublishedFiguresTable_figure on PublishedFigure {\n  id\n  metric\n  period\n  value\n  check\n  speaker\n  sourceDocument\n}\n\nquery ProgrammeHeadlines($programmeKey: String!) {\n  funding(filter: {programmeKey: $programmeKey}) {\n    allocatedCents\n    spentCents\n    byYear {\n      ...BudgetChart_money\n    }\n  }\n  publishedFigures(programmeKey: $programmeKey) {\n    ...PublishedFiguresTable_figure\n  }\n}"): (typeof documents)["fragment ProgrammeOverview_programme on Programme {\n  id\n  key\n  name\n  description\n  launchedOn\n  editions {\n    id\n    year\n  }\n  stages {\n    key\n    label\n    kind\n    position\n  }\n}\n\nquery AnalyticsProgrammes {\n  programmes {\n    ...ProgrammeOverview_programme\n  }\n}\n\nfragment BudgetChart_money on MoneyTotal {\n  key\n  allocatedCents\n  spentCents\n}\n\nfragment PublishedFiguresTable_figure on PublishedFigure {\n  id\n  metric\n  period\n  value\n  check\n  speaker\n  sourceDocument\n}\n\nquery ProgrammeHeadlines($programmeKey: String!) {\n  funding(filter: {programmeKey: $programmeKey}) {\n    allocatedCents\n    spentCents\n    byYear {\n      ...BudgetChart_money\n    }\n  }\n  publishedFigures(programmeKey: $programmeKey) {\n    ...PublishedFiguresTable_figure\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MyApplicationsTable_application on Application {\n  id\n  submittedAt\n  registrationType\n  companyCount\n  currentStage {\n    key\n    label\n    kind\n  }\n  programme {\n    id\n    key\n    name\n  }\n  edition {\n    id\n    year\n  }\n  organisation {\n    id\n    name\n  }\n}\n\nquery MyApplications($first: Int, $after: String, $filter: ApplicationFilter) {\n  applications(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...MyApplicationsTable_application\n      }\n    }\n  }\n}"): (typeof documents)["fragment MyApplicationsTable_application on Application {\n  id\n  submittedAt\n  registrationType\n  companyCount\n  currentStage {\n    key\n    label\n    kind\n  }\n  programme {\n    id\n    key\n    name\n  }\n  edition {\n    id\n    year\n  }\n  organisation {\n    id\n    name\n  }\n}\n\nquery MyApplications($first: Int, $after: String, $filter: ApplicationFilter) {\n  applications(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...MyApplicationsTable_application\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AppShell_viewer on Viewer {\n  id\n  email\n  displayName\n  roles\n  programmeKeys\n  organisation {\n    id\n    name\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppShell_viewer\n  }\n}"): (typeof documents)["fragment AppShell_viewer on Viewer {\n  id\n  email\n  displayName\n  roles\n  programmeKeys\n  organisation {\n    id\n    name\n  }\n}\n\nquery Viewer {\n  viewer {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...AppShell_viewer\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppShell_viewer\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;