/**
 * Normalises a Jamf Pro server address to its API root (`…/api`, no trailing slash).
 * Accepts the server (`https://tenant.jamfcloud.com`) or its API root, with or without a
 * trailing slash; throws a `TypeError` for anything that is not an absolute http(s) URL.
 */
export function proApiBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new TypeError(`baseUrl must be an absolute URL, got ${JSON.stringify(baseUrl)}`, {
      cause,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`baseUrl must use http or https, got ${url.protocol}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError('baseUrl must not carry a query string or fragment');
  }
  const path = url.pathname.replace(/\/+$/, '');
  const root = path.endsWith('/api') ? path : `${path}/api`;
  return `${url.origin}${root}`;
}
