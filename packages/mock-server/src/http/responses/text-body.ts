/** The text each {@link textResponse} was built from, by response. */
const texts = new WeakMap<Response, string>();

/**
 * A `Response` whose text body is held beside it instead of in a body stream: building a stream
 * for a string body (`new Response(text)`) cost ~30 µs, more than the rest of a token request's
 * work in the standalone server, which writes the text out itself ({@link knownTextOf}; bench P4's
 * profile: `makeTransferable` and undici's body extraction). Such a response must leave the mock
 * through {@link withTextBody} wherever anyone may read its body (msw's in-process path).
 */
export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(null, init);
  texts.set(response, text);
  return response;
}

/** The text `response` was built from by {@link textResponse}, or undefined for any other response. */
export function knownTextOf(response: Response): string | undefined {
  return texts.get(response);
}

/**
 * `response` with its body readable as a stream: a {@link textResponse} gets a copy with the
 * text as its body (status, status text and headers as they are now); any other response is
 * returned as it is.
 */
export function withTextBody(response: Response): Response {
  const text = texts.get(response);
  if (text === undefined || response.body !== null) return response;
  const readable = new Response(text, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  texts.set(readable, text);
  return readable;
}
