/**
 * A body's text whose UTF-8 bytes are kept once it is served a second time: for an answer that
 * may be served many times over (a memoised inventory page), so the standalone server does not
 * encode ~60 KB per request. A body served once is written as text (node encodes it into the
 * socket's own buffer): encoding every page of a scan that never repeats would only allocate.
 */
export class EncodedText {
  #bytes: Uint8Array | undefined;
  #served = false;

  constructor(readonly text: string) {}

  /** The body to write out: the text the first time, its kept UTF-8 bytes from then on. */
  served(): string | Uint8Array {
    if (this.#bytes !== undefined) return this.#bytes;
    if (!this.#served) {
      this.#served = true;
      return this.text;
    }
    this.#bytes = Buffer.from(this.text);
    return this.#bytes;
  }
}

/** The body each {@link textResponse} was built from, by response. */
const bodies = new WeakMap<Response, string | EncodedText>();

/**
 * A `Response` whose text body is held beside it instead of in a body stream: building a stream
 * for a string body (`new Response(text)`) cost ~30 µs, more than the rest of a token request's
 * work in the standalone server, which writes the body out itself ({@link knownBodyOf}; bench P4's
 * profile: `makeTransferable` and undici's body extraction). Such a response must leave the mock
 * through {@link withTextBody} wherever anyone may read its body (msw's in-process path).
 */
export function textResponse(body: string | EncodedText, init: ResponseInit): Response {
  const response = new Response(null, init);
  bodies.set(response, body);
  return response;
}

/**
 * The body `response` was built from by {@link textResponse}, to write out (see
 * {@link EncodedText.served}); undefined for any other response.
 */
export function knownBodyOf(response: Response): string | Uint8Array | undefined {
  const body = bodies.get(response);
  return typeof body === 'object' ? body.served() : body;
}

/** The text a {@link textResponse} holds, without counting it as served; undefined for others. */
export function heldTextOf(response: Response): string | undefined {
  const body = bodies.get(response);
  return typeof body === 'object' ? body.text : body;
}

/**
 * `response` with its body readable as a stream: a {@link textResponse} gets a copy with the
 * text as its body (status, status text and headers as they are now); any other response is
 * returned as it is.
 */
export function withTextBody(response: Response): Response {
  const body = bodies.get(response);
  if (body === undefined || response.body !== null) return response;
  const readable = new Response(typeof body === 'object' ? body.text : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  bodies.set(readable, body);
  return readable;
}
