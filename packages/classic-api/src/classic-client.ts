import type { Middleware } from '@jamf/core';
import { classicBaseUrl } from './base-url.js';
import { classicResourceTable } from './generated/resources.js';
import { type ClassicRequest, createRequest } from './request.js';
import {
  type ClassicResourceClient,
  type ClassicResourceName,
  createResourceClient,
} from './resource-client.js';

/** Options of `createClassicClient`. */
export interface ClassicClientOptions {
  /**
   * `https://host`, `https://host/JSSResource` or either with a trailing slash; `https:`, or
   * `http:` only to a loopback host (see `allowInsecureHttp`).
   */
  baseUrl: string | URL;
  /** Allow plain `http://` to a host that is not loopback (traffic in clear text). Default false. */
  allowInsecureHttp?: boolean;
  /** The fetch to send with, e.g. `withAuth(fetch, provider)` from `@jamf/auth`; defaults to the platform's. */
  fetch?: typeof fetch;
  /** openapi-fetch-style hooks around each exchange (`authMiddleware(provider)` works too). */
  middleware?: readonly Middleware[];
  /** Headers sent with every call. */
  headers?: HeadersInit;
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
};

/**
 * Creates a typed client for Jamf's Classic API (`/JSSResource`): reads ask for JSON, writes send
 * XML built from your objects, and Jamf's HTML error pages become `ClassicApiError`s.
 * @example
 * const classic = createClassicClient({ baseUrl: 'https://example.jamfcloud.com', fetch: withAuth(fetch, provider) });
 * const id = await classic.categories.create({ name: 'Utilities' });
 */
export function createClassicClient(options: ClassicClientOptions): ClassicClient {
  const baseUrl = classicBaseUrl(options.baseUrl, {
    allowInsecureHttp: options.allowInsecureHttp === true,
  });
  const request = createRequest({
    baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    middleware: [...(options.middleware ?? [])],
    headers: new Headers(options.headers),
  });
  const client: Record<string, unknown> = { request, baseUrl };
  for (const name of Object.keys(classicResourceTable) as ClassicResourceName[]) {
    client[name] = createResourceClient(name, request);
  }
  return client as ClassicClient;
}
