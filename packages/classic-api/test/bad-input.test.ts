import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ClassicApiError,
  createClassicClient,
  parseClassicXml,
  toClassicXml,
} from '../src/index.js';

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

  it('a character XML 1.0 cannot carry (a C0 control, a lone surrogate, U+FFFE): INVALID_REQUEST', () => {
    for (const name of [
      'a\u0001b',
      'nul\u0000',
      'form\u000Cfeed',
      'half \uD83D',
      '\uDE00 half',
      'x\uFFFE',
    ]) {
      expect(thrown(() => toClassicXml('category', { name })).code).toBe('INVALID_REQUEST');
    }
    // Tab, LF, CR and whole surrogate pairs are XML characters and still go through.
    expect(toClassicXml('category', { name: '\t\n\r😀' })).toContain('<name>\t\n&#13;😀</name>');
  });

  it('NaN and Infinity: INVALID_REQUEST, not the text "NaN" in a number element', () => {
    for (const priority of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(thrown(() => toClassicXml('category', { name: 'x', priority })).code).toBe(
        'INVALID_REQUEST',
      );
    }
  });

  it('undefined or an array as the whole object: INVALID_REQUEST, not a document with 0 or 2 roots', () => {
    expect(thrown(() => toClassicXml('category', undefined)).code).toBe('INVALID_REQUEST');
    expect(thrown(() => toClassicXml('category', [{ name: 'a' }, { name: 'b' }])).code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('a Date, Map or Set: INVALID_REQUEST, not an empty element that loses the value', () => {
    for (const value of [new Date(0), new Map([['a', 1]]), new Set([1]), /x/]) {
      expect(thrown(() => toClassicXml('category', { name: value })).code).toBe('INVALID_REQUEST');
    }
  });

  it('__proto__, constructor, prototype as names: INVALID_REQUEST, not an element silently dropped', () => {
    const parsed = JSON.parse('{"__proto__": {"name": "x"}}') as unknown;
    expect(thrown(() => toClassicXml('category', parsed)).code).toBe('INVALID_REQUEST');
    expect(thrown(() => toClassicXml('category', { constructor: 'c' })).code).toBe(
      'INVALID_REQUEST',
    );
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('nesting deeper than the reader accepts: INVALID_REQUEST, not a RangeError', () => {
    const deep = (levels: number) => {
      const top: Record<string, unknown> = {};
      let at = top;
      for (let i = 1; i < levels; i += 1) {
        const child: Record<string, unknown> = {};
        at.a = child;
        at = child;
      }
      return top;
    };
    for (const levels of [20_000, 101, 100]) {
      expect(thrown(() => toClassicXml('category', deep(levels))).code).toBe('INVALID_REQUEST');
    }
    // What the reader accepts is still written, and reads back.
    expect(parseClassicXml(toClassicXml('category', deep(90))).root).toBe('category');
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

  it('a lookup value "." or "..": INVALID_REQUEST, not a URL resolved to the list (DELETE /computers/)', async () => {
    const { requests, fetchImpl } = recording();
    const classic = createClassicClient({ baseUrl, fetch: fetchImpl });
    for (const value of ['.', '..']) {
      expect((await rejection(classic.categories.get({ name: value }))).code).toBe(
        'INVALID_REQUEST',
      );
      const deleting = classic.request('DELETE', '/computers/id/{id}', {
        params: { path: { id: value as unknown as number } },
      });
      expect((await rejection(deleting)).code).toBe('INVALID_REQUEST');
    }
    expect(requests).toHaveLength(0);
    // Dots inside a name are only text.
    await classic.categories.get({ name: '..hidden' }).catch(() => undefined);
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/JSSResource/categories/name/..hidden',
    ]);
  });

  it('request() without a method or path, or a query value that is an object: INVALID_REQUEST', async () => {
    const { requests, fetchImpl } = recording();
    const classic = createClassicClient({ baseUrl, fetch: fetchImpl });
    const loose = classic.request as unknown as (...args: unknown[]) => Promise<unknown>;
    for (const args of [[], ['GET'], ['GET', 'computers'], [undefined, '/computers']]) {
      expect((await rejection(loose(...args))).code).toBe('INVALID_REQUEST');
    }
    const withObject = loose('GET', '/computers', { params: { query: { a: { b: 1 } } } });
    expect((await rejection(withObject)).code).toBe('INVALID_REQUEST');
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

describe('a fetch that resolves with no Response', () => {
  it('is NETWORK_ERROR naming the call, not a TypeError reading .status', async () => {
    for (const answer of [undefined, null, { ok: true }]) {
      const classic = createClassicClient({
        baseUrl,
        fetch: (async () => answer) as unknown as typeof fetch,
      });
      const error = await rejection(classic.categories.get({ id: 1 }));
      expect(error.code).toBe('NETWORK_ERROR');
      expect(error.path).toBe('/categories/id/{id}');
    }
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
