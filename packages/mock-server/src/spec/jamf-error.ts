/**
 * Builds Jamf Pro's error response: `{httpStatus, errors:[{code, field, description, id}]}`.
 * `field` is `''` when no field is at fault: the spec's ApiErrorCause requires a string.
 */
export function jamfError(
  status: number,
  code: string,
  description?: string,
  field?: string | null,
  headers?: HeadersInit,
): Response {
  const body = {
    httpStatus: status,
    errors: [{ code, field: field ?? '', description: description ?? code, id: '0' }],
  };
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/json;charset=UTF-8');
  return new Response(JSON.stringify(body), { status, headers: responseHeaders });
}
