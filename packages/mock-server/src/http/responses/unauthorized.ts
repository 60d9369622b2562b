/**
 * The Jamf Pro API's 401: `{"httpStatus":401,"errors":[]}`, the body a live server gives a bad or
 * expired token (a public record; see the fidelity ledger in the README). No error entry: a client
 * learns nothing about why.
 */
export function proUnauthorized(headers?: HeadersInit): Response {
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/json;charset=UTF-8');
  return new Response('{"httpStatus":401,"errors":[]}', {
    status: 401,
    headers: responseHeaders,
  });
}
