/**
 * Normalises what a user passes as the server address (`https://host`, `https://host/JSSResource`,
 * with or without a trailing slash) to the Classic API root, `https://host/JSSResource`.
 */
export function classicBaseUrl(baseUrl: string | URL): string {
  const url = new URL(String(baseUrl));
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = /\/JSSResource$/i.test(path) ? path : `${path}/JSSResource`;
  return url.toString().replace(/\/+$/, '');
}
