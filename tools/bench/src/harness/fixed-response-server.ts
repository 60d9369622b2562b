/**
 * A plain node:http server in a child process: answers each configured `METHOD path` with a
 * fixed status, content type and body, 404 otherwise. Started by `startFixedResponseServer`.
 */
import { createServer } from 'node:http';

/** One canned answer. */
export interface FixedRoute {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  contentType: string;
  body: string;
}

if (process.send) {
  process.once('message', (message: { routes: FixedRoute[] }) => {
    const routes = new Map(
      message.routes.map((r) => [`${r.method} ${r.path}`, { ...r, bytes: Buffer.from(r.body) }]),
    );
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?', 1)[0];
      const route = routes.get(`${request.method} ${path}`);
      // Drain the request body so keep-alive connections stay usable.
      request.resume();
      request.on('end', () => {
        if (!route) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(route.status, {
          'content-type': route.contentType,
          'content-length': route.bytes.length,
        });
        response.end(route.bytes);
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
