import { JamfWebhookError } from '../errors.js';

/**
 * Reads a request body as UTF-8 text, stopping as soon as more than `maxBytes` have arrived: the
 * cap holds while the stream is read, so an oversized body is never buffered whole.
 * @throws {JamfWebhookError} `BODY_TOO_LARGE`.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function tooLarge(maxBytes: number): JamfWebhookError {
  return new JamfWebhookError('BODY_TOO_LARGE', `The body is larger than ${maxBytes} bytes.`);
}
