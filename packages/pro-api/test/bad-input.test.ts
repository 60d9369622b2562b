import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createProClient, JamfApiError, unwrap } from '../src/index.js';
import { leastPrivileges, UnknownOperationError } from '../src/privileges.js';
import { RsqlError, rsql } from '../src/rsql.js';

function thrown(make: () => unknown): unknown {
  try {
    make();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('rsql refuses values it would write as text that means something else', () => {
  it.each([
    ['an object', {}],
    ['null', null],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date('not a date')],
  ])('%s: RsqlError INVALID_RSQL (not "[object Object]", "NaN" or a RangeError)', (_, value) => {
    const error = thrown(() => String(rsql.eq('general.name', value as never)));
    expect(error).toBeInstanceOf(RsqlError);
    expect((error as RsqlError).code).toBe('INVALID_RSQL');
    expect(thrown(() => rsql.in('general.name', ['Lab', value as never]))).toBeInstanceOf(
      RsqlError,
    );
  });

  it('a field that is not a string: INVALID_RSQL_FIELD (undefined was written as "undefined")', () => {
    const error = thrown(() => rsql.eq(undefined as never, 'x'));
    expect((error as RsqlError).code).toBe('INVALID_RSQL_FIELD');
  });

  it('=in= given one value instead of a list: INVALID_RSQL', () => {
    expect((thrown(() => rsql.in('id', '12' as never)) as RsqlError).code).toBe('INVALID_RSQL');
  });

  it('still writes every documented kind of value', () => {
    expect(String(rsql.eq('id', 0))).toBe('id==0');
    expect(String(rsql.in('id', [1, 2n, 'x']))).toBe('id=in=(1,2,x)');
  });
});

describe('leastPrivileges given one operation, or nothing usable', () => {
  it('a single operation string counts as one operation, not as its characters', () => {
    expect(leastPrivileges('GET /v1/computers-inventory' as never)).toEqual(
      leastPrivileges(['GET /v1/computers-inventory']),
    );
  });

  it('null or a number: UnknownOperationError, not a TypeError', () => {
    for (const operations of [null, 5, undefined]) {
      expect(thrown(() => leastPrivileges(operations as never))).toBeInstanceOf(
        UnknownOperationError,
      );
    }
  });
});

describe('unwrap given something that is not a call result', () => {
  it.each([
    ['null', null],
    ['a number', 5],
    ['an empty object', {}],
  ])('%s: JamfApiError INVALID_RESPONSE, not a TypeError', async (_, value) => {
    const error = await unwrap(value as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JamfApiError);
    expect((error as JamfApiError).code).toBe('INVALID_RESPONSE');
  });
});

describe('createProClient: options and failed sends', () => {
  it('refuses options it cannot use with ClientOptionError INVALID_OPTION', () => {
    const made = [
      () => createProClient(undefined as never),
      () => createProClient({ baseUrl: 'https://jamf.test', fetch: 'x' as never }),
      () => createProClient({ baseUrl: 'https://jamf.test', middleware: 'x' as never }),
      () => createProClient({ baseUrl: 'https://jamf.test', middleware: [null] as never }),
    ];
    for (const make of made) {
      expect(make).toThrow(
        expect.objectContaining({ name: 'ClientOptionError', code: 'INVALID_OPTION' }),
      );
    }
  });

  it('a connection that drops without an answer is JamfApiError NETWORK_ERROR, with the cause', async () => {
    const server = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const pro = createProClient({ baseUrl: `http://127.0.0.1:${port}` });
      const error = await pro.GET('/v1/jamf-pro-version').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JamfApiError);
      expect(error).toMatchObject({
        code: 'NETWORK_ERROR',
        status: 0,
        url: `http://127.0.0.1:${port}/api/v1/jamf-pro-version`,
      });
      expect((error as JamfApiError).message).toMatch(
        /^GET \/api\/v1\/jamf-pro-version: no answer/,
      );
      expect((error as JamfApiError).cause).toBeInstanceOf(Error);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
