/**
 * msw's own cost, as a reference for the mock: a node:http server in a child process that turns
 * each request into a `Request`, asks a list of bare msw handlers (`http.get`/`http.post`, one per
 * configured route, answering a fixed body) through msw's `getResponse`, and writes the `Response`
 * back — the steps of `@jamf/mock-server`'s standalone adapter, without the mock. Uses the msw
 * that `@jamf/mock-server` itself resolves. Started by `startMswResponseServer`.
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FixedRoute } from './fixed-response-server.js';
import { loadMockMsw, type Msw, type MswHandler } from './mock-msw.js';

/** Origin the handlers are bound to; requests are re-addressed to it, as the mock's adapter does. */
const INTERNAL_ORIGIN = 'http://msw-reference.internal';

async function answer(
  msw: Msw,
  handlers: MswHandler[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const request = new Request(new URL(req.url ?? '/', INTERNAL_ORIGIN), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  } as RequestInit);
  const response = await msw.getResponse(handlers, request);
  if (!response) {
    res.writeHead(404).end();
    return;
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const payload = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, responseHeaders);
  res.end(payload);
}

if (process.send) {
  process.once('message', (message: { routes: FixedRoute[] }) => {
    const msw = loadMockMsw();
    const handlers = message.routes.map((route) => {
      const respond = () =>
        new msw.HttpResponse(route.body, {
          status: route.status,
          headers: { 'content-type': route.contentType },
        });
      const url = `${INTERNAL_ORIGIN}${route.path}`;
      return route.method === 'POST' ? msw.http.post(url, respond) : msw.http.get(url, respond);
    });
    const server = createServer((req, res) => {
      answer(msw, handlers, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') process.send?.({ port: address.port });
    });
    process.on('disconnect', () => process.exit(0));
  });
}
