import { JamfWebhookError } from '../errors.js';

const decoder = new TextDecoder('utf-8');

/**
 * Reads a request body as UTF-8 text, stopping as soon as more than `maxBytes` have arrived: the
 * cap holds while the stream is read, so an oversized body is never buffered whole.
 * @throws {JamfWebhookError} `BODY_TOO_LARGE`, or `MALFORMED_BODY` when the stream fails midway.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      // The sender went away mid-body: a body cut off is not a payload, and the handler answers
      // 400 instead of rejecting (an unhandled rejection in Bun, Deno and workers).
      throw new JamfWebhookError('MALFORMED_BODY', 'The body could not be read to its end.', {
        cause,
      });
    }
    const { done, value } = chunk;
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  // One decode at the end (a body usually arrives in one chunk); at most maxBytes are held.
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(whole);
}

function tooLarge(maxBytes: number): JamfWebhookError {
  return new JamfWebhookError('BODY_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
}
