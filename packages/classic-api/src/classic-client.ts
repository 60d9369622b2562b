import {
  ClientOptionError,
  composeFetch,
  type FetchAuthorizer,
  type FetchLayer,
  type Middleware,
  platformFetch,
  resolveUserAgent,
  type TimedOutCall,
  withTimeout,
  withUserAgent,
} from '@jamf/core';
import { classicBaseUrl } from './base-url.js';
import { ClassicApiError } from './errors.js';
import { classicResourceTable } from './generated/resources.js';
import { type ClassicRequest, checkedHeaders, createRequest } from './request.js';
import {
  type ClassicResourceClient,
  type ClassicResourceName,
  createResourceClient,
} from './resource-client.js';
import { CLASSIC_API_PACKAGE } from './sdk-package.js';
import { type ClassicUpload, createUpload } from './upload.js';

/** Options of `createClassicClient`. */
export interface ClassicClientOptions {
  /**
   * `https://host`, `https://host/JSSResource` or either with a trailing slash; `https:`, or
   * `http:` only to a loopback host (see `allowInsecureHttp`).
   */
  baseUrl: string | URL;
  /** Allow plain `http://` to a host that is not loopback (traffic in clear text). Default false. */
  allowInsecureHttp?: boolean;
  /**
   * Signs every request: a token provider of `@jamf/auth` (`clientCredentials`,
   * `userCredentials`, …) for the same server; a 401 brings one fresh token and one replay.
   */
  auth?: FetchAuthorizer;
  /**
   * Layers around the client's `fetch`, first outermost, inside `auth` and outside the timeout:
   * `retry()` and `concurrency({ max: 5 })` of `@jamf/auth/resilience`, or yours.
   */
  layers?: readonly FetchLayer[];
  /** The fetch to send with (a proxy's, msw's, …); defaults to the platform's. */
  fetch?: typeof fetch;
  /** openapi-fetch-style hooks around each exchange (`authMiddleware(provider)` works too). */
  middleware?: readonly Middleware[];
  /** Headers sent with every call. */
  headers?: HeadersInit;
  /**
   * Milliseconds to wait for each answer, `0` for no limit; default 60 000. One call sets its own
   * with `headers: requestTimeout(ms)` (exported here). A call that times out rejects with a
   * `ClassicApiError` of code `TIMEOUT` naming its method and path.
   */
  timeoutMs?: number;
  /**
   * The `User-Agent` to send: default `jamf-sdk-ts/<version> (@jamf/classic-api) <runtime>`;
   * `false` sends none of ours. Never set in browsers, which do not allow it.
   */
  userAgent?: string | false;
}

/** The error of a call that got no answer within its timeout; `path` relative to `/JSSResource`. */
function timeoutErrorFor(baseUrl: string): (call: TimedOutCall) => ClassicApiError {
  const root = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return (call) => {
    const path = call.path.startsWith(`${root}/`) ? call.path.slice(root.length) : call.path;
    return new ClassicApiError(
      'TIMEOUT',
      `${call.method} ${path}: no answer within ${call.timeoutMs} ms`,
      { cause: call.cause, method: call.method, path },
    );
  };
}

/** The `middleware` option as a list of hooks; anything else is refused with `INVALID_OPTION`. */
function checkedMiddleware(middleware: unknown): Middleware[] {
  if (middleware === undefined) return [];
  if (Array.isArray(middleware) && middleware.every((m) => typeof m === 'object' && m !== null)) {
    return [...middleware];
  }
  throw new ClientOptionError('INVALID_OPTION', 'middleware must be a list of middleware objects');
}

/**
 * A Classic API client: one typed object per resource (`classic.computers.get({ id })`) and
 * `classic.request(method, path, options)` for every swagger path.
 */
export type ClassicClient = { readonly [R in ClassicResourceName]: ClassicResourceClient<R> } & {
  /** Calls any Classic path with typed path and query parameters. */
  readonly request: ClassicRequest;
  /** The normalised API root, `https://host/JSSResource`. */
  readonly baseUrl: string;
  /**
   * Uploads a file (`POST /fileuploads/{resource}/{idType}/{id}`, multipart part `name`): a
   * policy's icon, a computer's attachment, an app's IPA… with the client's auth and options.
   * @example
   * await classic.upload({ resource: 'policies', id: 5, file: new File([png], 'icon.png') });
   */
  readonly upload: ClassicUpload;
};

/**
 * Creates a typed client for Jamf's Classic API (`/JSSResource`): reads ask for JSON, writes send
 * XML built from your objects, and Jamf's HTML error pages become `ClassicApiError`s.
 * @example
 * const classic = createClassicClient({ baseUrl: 'https://example.jamfcloud.com', auth: provider });
 * const id = await classic.categories.create({ name: 'Utilities' });
 */
export function createClassicClient(given: ClassicClientOptions): ClassicClient {
  // No options at all is an unusable address, refused as such below (not a TypeError here).
  const options: Partial<ClassicClientOptions> = given ?? {};
  const baseUrl = classicBaseUrl(options.baseUrl as string, {
    allowInsecureHttp: options.allowInsecureHttp === true,
  });
  const timed = withTimeout(options.fetch ?? platformFetch, {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    timeoutError: timeoutErrorFor(baseUrl),
  });
  // Auth and layers outside the timeout: a retry or the replay after a 401 is timed on its own.
  const signed = composeFetch(timed, {
    auth: options.auth,
    layers: options.layers,
    serverOrigin: new URL(baseUrl).origin,
  });
  const request = createRequest({
    baseUrl,
    fetch: withUserAgent(
      signed,
      resolveUserAgent(options.userAgent, CLASSIC_API_PACKAGE),
    ) as typeof fetch,
    middleware: checkedMiddleware(options.middleware),
    headers: checkedHeaders(options.headers, 'createClassicClient'),
  });
  const client: Record<string, unknown> = { request, baseUrl, upload: createUpload(request) };
  for (const name of Object.keys(classicResourceTable) as ClassicResourceName[]) {
    client[name] = createResourceClient(name, request);
  }
  return client as ClassicClient;
}
