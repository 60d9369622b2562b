import { type EncodedText, textResponse } from './text-body.js';

/** A JSON response with Jamf's content type. */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  return jsonTextResponse(JSON.stringify(body), status, headers);
}

/** A JSON response with Jamf's content type from JSON text already serialised (and maybe encoded). */
export function jsonTextResponse(
  text: string | EncodedText,
  status = 200,
  headers?: HeadersInit,
): Response {
  if (headers === undefined) return textResponse(text, { status, headers: JSON_HEADERS });
  const responseHeaders = new Headers(headers);
  responseHeaders.set('content-type', 'application/json;charset=UTF-8');
  return textResponse(text, { status, headers: responseHeaders });
}

const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json;charset=UTF-8',
};
