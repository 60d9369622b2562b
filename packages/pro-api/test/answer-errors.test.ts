import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createProClient, JamfApiError } from '../src/index.js';

const baseUrl = 'https://jamf.test';

/** A client whose transport answers every call with `answer()`. */
const answering = (answer: () => Response) =>
  createProClient({ baseUrl, fetch: async () => answer() });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** A loopback server that sends a computer record's headers and the first bytes of its body. */
async function halfAnswer(finish: (res: ServerResponse) => void) {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    // Once the first bytes are on their way (a socket destroyed at once would drop them).
    res.write('{"id":"1","general":', () => finish(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('an answer whose body cannot be read', () => {
  it('a successful answer that is not JSON (a maintenance page) is JamfApiError INVALID_RESPONSE', async () => {
    const page = () =>
      new Response('<html><body>Jamf Pro is starting up</body></html>', {
        headers: { 'content-type': 'text/html' },
      });
    const error = await answering(page)
      .GET('/v1/jamf-pro-version')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JamfApiError);
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
      url: 'https://jamf.test/api/v1/jamf-pro-version',
      message: 'GET /api/v1/jamf-pro-version: the answer (HTTP 200) is not JSON',
    });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
    // With a Content-Length, openapi-fetch parses with response.json(): the same error.
    const sized = () => new Response('{"version":', { headers: { 'content-length': '11' } });
    await expect(answering(sized).GET('/v1/jamf-pro-version')).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
    });
  });

  it('a body cut off while it is read is JamfApiError NETWORK_ERROR with the answer’s status', async () => {
    const origin = await halfAnswer((res) => res.socket?.destroy());
    const pro = createProClient({ baseUrl: origin });
    const error = await pro
      .GET('/v1/computers-inventory-detail/{id}', { params: { path: { id: '1' } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JamfApiError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', status: 200 });
    expect((error as Error).message).toBe(
      'GET /api/v1/computers-inventory-detail/1: the answer (HTTP 200) was cut off while it was read',
    );
  });

  it('the caller’s own abort while the body is read rejects with the caller’s reason', async () => {
    const caller = new AbortController();
    // A TypeError of the caller's own is still the caller's, not a cut-off body.
    const reason = new TypeError('the user went away');
    const origin = await halfAnswer(() => undefined); // the rest of the body never comes
    // The caller gives up once the answer's headers are in, while its body is being read.
    const fetch = async (request: Request) => {
      const response = await globalThis.fetch(request);
      caller.abort(reason);
      return response;
    };
    const pro = createProClient({ baseUrl: origin, fetch });
    const error = await pro
      .GET('/v1/computers-inventory-detail/{id}', {
        params: { path: { id: '1' } },
        signal: caller.signal,
      })
      .catch((e: unknown) => e);
    // Node 20's undici rejects the read with its AbortError, later runtimes with the reason.
    expect(error).not.toBeInstanceOf(JamfApiError);
    expect(error === reason || (error as Error).name === 'AbortError').toBe(true);
  });
});
