import type { HeadersOptions, Middleware } from 'openapi-fetch';
import createClient from 'openapi-fetch';
import { proApiBaseUrl } from './base-url.js';
import type { ProClientFor } from './pro-client-for.js';

export type { ProClientFor } from './pro-client-for.js';

/** Options for a Jamf Pro API client. */
export interface ProClientOptions {
  /**
   * The Jamf Pro server, e.g. `https://tenant.jamfcloud.com`, or its API root
   * `https://tenant.jamfcloud.com/api` (a trailing slash is fine either way).
   */
  baseUrl: string;
  /** The fetch to send requests with; defaults to `globalThis.fetch` at call time. */
  fetch?: (request: Request) => Promise<Response>;
  /** openapi-fetch middleware (for instance `@jamf/auth`'s), applied in order. */
  middleware?: readonly Middleware[];
  /** Headers sent with every request. */
  headers?: HeadersOptions;
}

/**
 * Creates an openapi-fetch client over any subset of the Jamf Pro API's paths.
 * Use it from per-area entry points so a consumer loads only the types it needs;
 * most users want `createProClient` instead.
 */
export function createClientFor<Paths extends {}>(options: ProClientOptions): ProClientFor<Paths> {
  const send = options.fetch;
  const client = createClient<Paths, 'application/json'>({
    baseUrl: proApiBaseUrl(options.baseUrl),
    // Resolve globalThis.fetch per request, so a fetch patched after creation (msw) still applies.
    fetch: send ?? ((request) => globalThis.fetch(request)),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
  if (options.middleware !== undefined && options.middleware.length > 0) {
    client.use(...options.middleware);
  }
  // The same object, with openapi-fetch's call signatures narrowed to name the closest real
  // paths when one is misspelt (see ProClientFor).
  return client as unknown as ProClientFor<Paths>;
}
