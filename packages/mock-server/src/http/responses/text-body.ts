/** The text each {@link textResponse} was built from, by response. */
const texts = new WeakMap<Response, string>();

/**
 * A `Response` with a text body whose text stays readable without reading the body stream, for
 * a server that writes it out itself ({@link knownTextOf}). Reading the stream back
 * (`arrayBuffer()`) was the standalone server's largest cost per inventory page after the mock's
 * own work (bench P4's profile and its msw reference line).
 */
export function textResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  texts.set(response, text);
  return response;
}

/** The text `response` was built from by {@link textResponse}, or undefined for any other response. */
export function knownTextOf(response: Response): string | undefined {
  return texts.get(response);
}
