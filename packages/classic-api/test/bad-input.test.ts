import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ClassicApiError, createClassicClient, toClassicXml } from '../src/index.js';

const baseUrl = 'https://jamf.example.test';

/** A fetch that records what it was asked to send and answers `answer()`. */
function recording(answer: () => Response = () => new Response(null, { status: 204 })) {
  const requests: Request[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    requests.push(new Request(input, init));
    return answer();
  };
  return { requests, fetchImpl };
}

async function rejection(promise: Promise<unknown>): Promise<ClassicApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ClassicApiError)) {
    throw new Error(`expected a ClassicApiError, got ${String(error)}`);
  }
  return error;
}

function thrown(make: () => unknown): ClassicApiError {
  try {
    make();
  } catch (error) {
    if (error instanceof ClassicApiError) return error;
    throw new Error(`expected a ClassicApiError, got ${String(error)}`);
  }
  throw new Error('expected a ClassicApiError, nothing was thrown');
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('toClassicXml refuses what it cannot write as XML', () => {
  it('an element name with spaces or markup: INVALID_REQUEST, not a malformed document', () => {
    expect(thrown(() => toClassicXml('computer', { 'a b<': 1 })).code).toBe('INVALID_REQUEST');
    expect(thrown(() => toClassicXml('a><b', { name: 'x' })).code).toBe('INVALID_REQUEST');
    expect(thrown(() => toClassicXml('computer', { general: { '1st': 'x' } })).code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('an object that refers to itself: INVALID_REQUEST, not a stack overflow', () => {
    const looped: Record<string, unknown> = { name: 'x' };
    looped.general = looped;
    expect(thrown(() => toClassicXml('computer', looped)).code).toBe('INVALID_REQUEST');
  });

  it('a function: INVALID_REQUEST, not its source text', () => {
    expect(thrown(() => toClassicXml('category', { name: () => 'x' })).code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('still writes an object seen twice that is not its own ancestor', () => {
    const site = { id: 1, name: 'HQ' };
    expect(toClassicXml('policy', { general: { site }, scope: { site } })).toContain(
      '<scope><site><id>1</id><name>HQ</name></site></scope>',
    );
  });
});

describe('resource calls refuse bad input before sending anything', () => {
  it('create(null), create(5) and update with an array: INVALID_REQUEST, nothing sent', async () => {
    const { requests, fetchImpl } = recording();
    const classic = createClassicClient({ baseUrl, fetch: fetchImpl });
    for (const body of [null, 5, undefined]) {
      const error = await rejection(classic.departments.create(body as never));
      expect(error.code).toBe('INVALID_REQUEST');
    }
    const error = await rejection(classic.departments.update({ id: 1 }, [] as never));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(requests).toHaveLength(0);
  });

  it('a missing lookup, a null or NaN value: INVALID_REQUEST, nothing sent', async () => {
    const { requests, fetchImpl } = recording();
    const classic = createClassicClient({ baseUrl, fetch: fetchImpl });
    for (const lookup of [null, undefined, { id: null }, { id: Number.NaN }, { name: '' }]) {
      const error = await rejection(classic.computers.get(lookup as never));
      expect(error.code).toBe('INVALID_REQUEST');
    }
    expect(requests).toHaveLength(0);
  });

  it('a header value with a line break: INVALID_REQUEST that does not quote the value', async () => {
    const secret = 'Bearer SECRET-TOKEN-1234\nX-Injected: 1';
    const { fetchImpl } = recording();
    const made = () =>
      createClassicClient({ baseUrl, fetch: fetchImpl, headers: { authorization: secret } });
    const atCreation = thrown(made);
    const classic = createClassicClient({ baseUrl, fetch: fetchImpl });
    const atCall = await rejection(
      classic.request('GET', '/computers', { headers: { authorization: secret } }),
    );
    for (const error of [atCreation, atCall]) {
      expect(error.code).toBe('INVALID_REQUEST');
      for (const view of [error.message, error.stack ?? '', inspect(error, { depth: 10 })]) {
        expect(view).not.toContain('SECRET-TOKEN-1234');
      }
    }
  });

  it('no options at all: the typed refusal of an unusable address', () => {
    expect(() => createClassicClient(undefined as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_BASE_URL' }),
    );
  });
});

describe('an answer cut off mid-body', () => {
  it('is NETWORK_ERROR with its status, not a TypeError from the body stream', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"computers":[');
      setImmediate(() => res.socket?.destroy());
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const classic = createClassicClient({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await rejection(classic.computers.list());
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(200);
  });
});

describe('createClassicClient middleware option', () => {
  it('refuses middleware that is not a list of hooks with ClientOptionError INVALID_OPTION', () => {
    for (const middleware of ['x', [null], { onRequest() {} }]) {
      expect(() =>
        createClassicClient({ baseUrl: 'https://jamf.test', middleware: middleware as never }),
      ).toThrow(expect.objectContaining({ name: 'ClientOptionError', code: 'INVALID_OPTION' }));
    }
  });
});
