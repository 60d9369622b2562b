import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createWebhookHandler,
  generateWebhook,
  serializeWebhook,
} from '../src/index.js';
import { toNodeListener } from '../src/node.js';

const auth = basicAuth({ username: 'jamf', password: 'hook-pass' });
const body = serializeWebhook(generateWebhook('ComputerAdded', { seed: 1 })).body;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Serves the receiver over node:http; resolves with its port and what the handlers saw. */
async function serve() {
  const urls: string[] = [];
  const errors: unknown[] = [];
  const handle = createWebhookHandler({
    auth,
    on: { ComputerAdded: (_payload, request) => void urls.push(request.url) },
  });
  server = createServer(toNodeListener(handle, { onError: (error) => errors.push(error) }));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, urls, errors };
}

/** Sends one raw HTTP/1.1 request (a client no library would let us write) and reads the status line. */
function statusLine(port: number, target: string, host: string): Promise<string> {
  const head = [
    `POST ${target} HTTP/1.1`,
    `Host: ${host}`,
    'Content-Type: application/json',
    `Authorization: ${auth.headersForSending().authorization}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head}\r\n\r\n${body}`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('toNodeListener and the request target', () => {
  it('a Host no URL can hold: 400, not a TypeError answered 500', async () => {
    const { port, urls, errors } = await serve();
    expect(await statusLine(port, '/hook', '[::1')).toBe('HTTP/1.1 400 Bad Request');
    expect(await statusLine(port, '/hook', 'a b')).toBe('HTTP/1.1 400 Bad Request');
    expect(urls).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a target starting with // stays a path of this host, not another host', async () => {
    const { port, urls } = await serve();
    expect(await statusLine(port, '//other.example/hook', 'receiver.test:8080')).toBe(
      'HTTP/1.1 200 OK',
    );
    expect(urls).toEqual(['http://receiver.test:8080//other.example/hook']);
  });
});
