export type {
  ClientOptionErrorCode,
  FetchAuthorizer,
  FetchLayer,
  JamfErrorCode,
  Middleware,
  MiddlewareParams,
} from '@jamf/core';
export {
  ClientOptionError,
  JamfServerUrlError,
  MiddlewareError,
  requestTimeout,
  TimeoutOptionError,
} from '@jamf/core';
export { classicBaseUrl } from './base-url.js';
export {
  type ClassicClient,
  type ClassicClientOptions,
  createClassicClient,
} from './classic-client.js';
export {
  ClassicApiError,
  type ClassicApiErrorCode,
  type ClassicApiErrorDetails,
} from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export type { ClassicRequest } from './request.js';
export type {
  ClassicMethod,
  ClassicOperation,
  ClassicPath,
  ClassicRequestOptions,
  ClassicResponseData,
} from './request-types.js';
export type {
  ClassicListItem,
  ClassicLookup,
  ClassicObject,
  ClassicResourceClient,
  ClassicResourceName,
  DeepPartial,
} from './resource-client.js';
export {
  CLASSIC_UPLOAD_RESOURCES,
  type ClassicUpload,
  type ClassicUploadFile,
  type ClassicUploadIpaOption,
  type ClassicUploadOptions,
  type ClassicUploadResource,
  type ClassicUploadTarget,
} from './upload.js';
export { parseClassicXml, toClassicXml } from './xml-codec.js';
