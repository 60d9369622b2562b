import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Adapts a `(Request) => Promise<Response>` handler (such as {@link createWebhookHandler}'s) to a
 * `node:http` request listener. The body is streamed into the `Request`, so the handler's size cap
 * applies while it arrives.
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handle)).listen(3000);
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: { onError?: (error: unknown) => void } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void respond(handler, req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error');
    });
  };
}

async function respond(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const url = requestUrl(req);
  if (url === undefined) {
    // A Host or request target no URL can hold is the client's error, not the handler's.
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end('Bad Request');
    return;
  }
  const controller = new AbortController();
  res.once('close', () => controller.abort());
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? requestBody(req) : null,
    signal: controller.signal,
    duplex: 'half',
  } as RequestInit);
  const response = await handler(request);
  // The handler may have stopped reading early (401, 413): close instead of draining the rest.
  if (hasBody && !req.readableEnded) res.setHeader('connection', 'close');
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    res.write(read.value);
  res.end();
}

/** `host[:port]`: a name or IPv4 address, or an IPv6 address in brackets (RFC 9110 §7.2). */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The URL of the request, or `undefined` when the client sent none a URL can hold: a malformed
 * `Host` (`[::1`) threw a TypeError, answered 500. An origin-form target (`/hook`) is appended to
 * the host rather than resolved, which would read `//other.example/hook` as another host.
 */
function requestUrl(req: IncomingMessage): URL | undefined {
  const target = req.url ?? '/';
  const host = req.headers.host ?? 'localhost';
  try {
    if (target.startsWith('/'))
      return HOST.test(host) ? new URL(`http://${host}${target}`) : undefined;
    const absolute = new URL(target);
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The request body as a web stream with backpressure. Written out rather than
 * `Readable.toWeb(req)`: that adapter throws "Controller is already closed" from a later `data`
 * event once the handler cancels the body early (a 401 or 413 while the client still sends),
 * which crashes the process.
 */
function requestBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  let isDone = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (isDone) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => {
          if (isDone) return;
          isDone = true;
          controller.close();
        });
        req.once('error', (error) => {
          if (isDone) return;
          isDone = true;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        // The rest is not read; the answer carries `connection: close`, so the socket goes.
        isDone = true;
        req.pause();
      },
    },
    { highWaterMark: 4 },
  );
}
