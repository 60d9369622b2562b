import { Agent, request } from 'node:http';

/** A minimal keep-alive HTTP/1.1 client for load generation: less client work than fetch, so the server is what is measured. */
export interface LoadClient {
  /** Sends one request and resolves once the whole body is read; rejects on a status other than `expectStatus`. */
  send(
    method: string,
    path: string,
    headers: Record<string, string>,
    expectStatus?: number,
  ): Promise<void>;
  close(): void;
}

/** Creates a client for one origin (`http://127.0.0.1:PORT`) with at most `maxSockets` connections. */
export function loadClient(origin: string, maxSockets: number): LoadClient {
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    send(method, path, headers, expectStatus = 200) {
      return new Promise<void>((resolve, reject) => {
        const req = request(
          { agent, host: url.hostname, port: url.port, method, path, headers },
          (res) => {
            res.resume();
            res.once('end', () =>
              res.statusCode === expectStatus
                ? resolve()
                : reject(
                    new Error(
                      `${method} ${path}: status ${res.statusCode}, expected ${expectStatus}`,
                    ),
                  ),
            );
            res.once('error', reject);
          },
        );
        req.once('error', reject);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}
