import { JamfAuthError } from './errors.js';

/** A Jamf Pro server as providers address it. */
export interface ServerUrl {
  /** `scheme://host[:port]`; credentials are only ever sent here. */
  origin: string;
  /** The server root without a trailing slash (origin plus any context path). */
  root: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost') || /^127\./.test(hostname);
}

/**
 * Normalises `https://host`, `https://host/api` or `https://host/JSSResource` (trailing slash or
 * not) to the server root, and refuses plain `http://` to a non-loopback host unless allowed.
 */
export function parseServerUrl(baseUrl: string, allowInsecureHttp = false): ServerUrl {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new JamfAuthError('INVALID_BASE_URL', 'baseUrl is not an absolute URL', { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new JamfAuthError('INVALID_BASE_URL', `baseUrl must use https:, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new JamfAuthError(
      'INVALID_BASE_URL',
      'baseUrl must not embed credentials; pass them as options',
    );
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new JamfAuthError(
      'INSECURE_TRANSPORT',
      `refusing to send credentials over plain http to ${url.host}; use https or set allowInsecureHttp: true`,
    );
  }
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/(api|JSSResource|uapi)$/i, '')
    .replace(/\/+$/, '');
  return { origin: url.origin, root: `${url.origin}${path}` };
}
