import { type ParseJamfServerOptions, parseJamfServer } from '@jamf/core';

/**
 * The Jamf Pro API root (`…/api`, no trailing slash) of what a user passes as the server
 * address, read by `parseJamfServer` of `@jamf/core` so every package accepts and refuses the
 * same addresses (`…/JSSResource` gives `…/api` too).
 *
 * @throws JamfServerUrlError `INVALID_BASE_URL` or `INSECURE_TRANSPORT`.
 */
export function proApiBaseUrl(baseUrl: string, options?: ParseJamfServerOptions): string {
  return parseJamfServer(baseUrl, options).apiRoot;
}
