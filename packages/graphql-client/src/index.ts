export { type CreateApolloClientOptions, createApolloClient, createCache } from './client';
export {
  type ApiError,
  type ApiErrorCode,
  apiErrors,
  errorFieldName,
  firstApiError,
  isNetworkError,
} from './errors';
export * from './generated/graphql';
export type { MountLocale, RemoteMount, RemoteMountModule, RemoteMountOptions } from './mount';
