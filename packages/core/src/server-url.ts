import { isLoopbackHost } from './loopback-host.js';
import { JamfServerUrlError } from './server-url-error.js';

/** A Jamf Pro server's addresses, as every client and provider of the SDK builds its URLs. */
export interface JamfServer {
  /** `scheme://host[:port]`: the only place credentials and tokens are sent. */
  readonly origin: string;
  /** The server root without a trailing slash: the origin plus any context path (`/jamf`). */
  readonly root: string;
  /** The Jamf Pro API root, `root + '/api'`. */
  readonly apiRoot: string;
  /** The Classic API root, `root + '/JSSResource'`. */
  readonly classicRoot: string;
}

/** Options of {@link parseJamfServer}. */
export interface ParseJamfServerOptions {
  /**
   * Allow plain `http://` to a host that is not loopback, so credentials and tokens cross the
   * network in clear text. Default `false`.
   */
  readonly allowInsecureHttp?: boolean;
}

/** A suffix naming one of the server's APIs rather than the server: `/api`, `/JSSResource`, `/uapi`. */
const API_SUFFIX = /\/(?:api|JSSResource|uapi)$/i;

/**
 * Reads what a user gives as their Jamf Pro server — the server (`https://tenant.jamfcloud.com`),
 * a server under a context path (`https://h:8443/jamf`), or either API root (`…/api`,
 * `…/JSSResource`, legacy `…/uapi`), with or without a trailing slash — into its origin and API
 * roots. Every package parses server addresses with it, so they all accept and refuse the same.
 *
 * Policy: `https:`, or `http:` only to a loopback host (see {@link isLoopbackHost}) unless
 * `allowInsecureHttp`; no user name or password in the URL; no query or fragment.
 *
 * @throws JamfServerUrlError `INVALID_BASE_URL` or `INSECURE_TRANSPORT`; the message never
 * contains the address.
 * @example
 * parseJamfServer('https://h:8443/ctx/JSSResource/');
 * // { origin: 'https://h:8443', root: 'https://h:8443/ctx',
 * //   apiRoot: 'https://h:8443/ctx/api', classicRoot: 'https://h:8443/ctx/JSSResource' }
 */
export function parseJamfServer(
  baseUrl: string | URL,
  options: ParseJamfServerOptions = {},
): JamfServer {
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    // No cause: URL's own message quotes the input, which may hold credentials.
    throw new JamfServerUrlError(
      'INVALID_BASE_URL',
      'the Jamf Pro server address is not an absolute URL (expected https://host)',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new JamfServerUrlError(
      'INVALID_BASE_URL',
      'the Jamf Pro server address must use https: (or http: to a loopback host)',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new JamfServerUrlError(
      'INVALID_BASE_URL',
      'the Jamf Pro server address must not embed credentials; pass them as options',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new JamfServerUrlError(
      'INVALID_BASE_URL',
      'the Jamf Pro server address must not carry a query string or fragment',
    );
  }
  if (
    url.protocol === 'http:' &&
    options.allowInsecureHttp !== true &&
    !isLoopbackHost(url.hostname)
  ) {
    throw new JamfServerUrlError(
      'INSECURE_TRANSPORT',
      `refusing plain http to ${url.host}: credentials would cross the network in clear text; use https or set allowInsecureHttp: true`,
    );
  }
  const path = url.pathname.replace(/\/+$/, '').replace(API_SUFFIX, '').replace(/\/+$/, '');
  const root = `${url.origin}${path}`;
  return { origin: url.origin, root, apiRoot: `${root}/api`, classicRoot: `${root}/JSSResource` };
}
