import { JamfAuthError } from './errors.js';

/** A Jamf Pro server as providers address it. */
export interface ServerUrl {
  /** `scheme://host[:port]`; credentials are only ever sent here. */
  origin: string;
  /** The server root without a trailing slash (origin plus any context path). */
  root: string;
}

/**
 * Loopback is `localhost`, `::1` and the IPv4 literals of 127.0.0.0/8, nothing else: not a name
 * that merely starts with "127." or "localhost". `URL` has already turned every IPv4 spelling
 * (`0x7f.1`, `2130706433`) into dotted decimal, so the test is on that form.
 */
function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = hostname.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
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
