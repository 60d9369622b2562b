import { type ParseJamfServerOptions, parseJamfServer } from '@jamf/core';

/**
 * The Classic API root (`https://host[/context]/JSSResource`) of what a user passes as the server
 * address (`https://host`, `…/JSSResource`, `…/api`, with or without a trailing slash), read by
 * `parseJamfServer` of `@jamf/core` so every package accepts and refuses the same addresses.
 *
 * @throws JamfServerUrlError `INVALID_BASE_URL` (not http(s), credentials, query or fragment) or
 * `INSECURE_TRANSPORT` (plain http to a host that is not loopback, unless allowed).
 */
export function classicBaseUrl(baseUrl: string | URL, options?: ParseJamfServerOptions): string {
  return parseJamfServer(baseUrl, options).classicRoot;
}
