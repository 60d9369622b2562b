import { JamfServerUrlError, parseJamfServer } from '@jamf/core';
import { JamfAuthError } from './errors.js';

/** A Jamf Pro server as providers address it. */
export interface ServerUrl {
  /** `scheme://host[:port]`; credentials are only ever sent here. */
  origin: string;
  /** The server root without a trailing slash (origin plus any context path). */
  root: string;
}

/**
 * The SDK's one server-address rule (`parseJamfServer` of `@jamf/core`: API suffixes dropped,
 * plain `http://` only to loopback unless allowed), with its refusals as {@link JamfAuthError}
 * of the same code, so auth callers keep catching one error class.
 */
export function parseServerUrl(baseUrl: string, allowInsecureHttp = false): ServerUrl {
  try {
    const { origin, root } = parseJamfServer(baseUrl, { allowInsecureHttp });
    return { origin, root };
  } catch (error) {
    if (error instanceof JamfServerUrlError) {
      throw new JamfAuthError(error.code, error.message, { cause: error });
    }
    throw error;
  }
}
