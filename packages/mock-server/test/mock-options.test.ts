import { describe, expect, it } from 'vitest';
import { createJamfMock, MockOptionError, startJamfMockServer } from '../src/index.js';

function refusal(make: () => unknown): MockOptionError {
  try {
    make();
  } catch (error) {
    if (error instanceof MockOptionError) return error;
    throw new Error(`expected a MockOptionError, got ${String(error)}`);
  }
  throw new Error('expected a MockOptionError, nothing was thrown');
}

describe('createJamfMock refuses options it cannot use, naming them', () => {
  const bad: Array<[string, unknown]> = [
    ['null options', null],
    ['a negative count', { counts: { computers: -1 } }],
    ['a NaN count', { counts: { computers: Number.NaN } }],
    ['a count no array can hold', { counts: { computers: 1e12 } }],
    ['counts that are not an object', { counts: 'many' }],
    ['a zero token lifetime', { tokenLifetimeSeconds: 0 }],
    ['a NaN token lifetime', { tokenLifetimeSeconds: Number.NaN }],
    ['a negative body limit', { maxBodyBytes: -1 }],
    ['a fractional seed', { seed: 1.5 }],
    ['accounts that are not a list', { accounts: 'admin' }],
    ['an account without a password', { accounts: [{ username: 'ci' }] }],
    ['an account name with a colon', { accounts: [{ username: 'a:b', password: 'x' }] }],
    [
      'privileges that are not a list',
      { accounts: [{ username: 'ci', password: 'x', privileges: 'some' }] },
    ],
    ['routes that are not a list', { routes: 'x' }],
    ['a now that is not a function', { now: 5 }],
    ['a version that is not X.Y.Z', { jamfProVersion: 'latest' }],
  ];
  for (const [name, options] of bad) {
    it(`${name}: MockOptionError INVALID_MOCK_OPTION`, () => {
      expect(refusal(() => createJamfMock(options as never)).code).toBe('INVALID_MOCK_OPTION');
    });
  }

  it('takes what the README documents', () => {
    const mock = createJamfMock({
      counts: { computers: 0 },
      seed: 0,
      tokenLifetimeSeconds: 1,
      jamfProVersion: '11.25.2-t1772925731845',
      accounts: [{ username: 'ci', password: 'x', privileges: ['Read Computers'] }],
    });
    expect(mock.state.computers.size).toBe(0);
  });
});

describe('faults and the clock refuse values they would misapply', () => {
  const mock = createJamfMock();
  const bad: Array<[string, unknown]> = [
    ['no path', { status: 500 }],
    ['a number for a path', { path: 5, status: 500 }],
    ['nothing to inject', { path: '/api/x' }],
    ['a status outside HTTP', { path: '/api/x', status: 99 }],
    ['a status that is text', { path: '/api/x', status: '500' }],
    ['times of 0', { path: '/api/x', status: 500, times: 0 }],
    ['a NaN latency', { path: '/api/x', latencyMs: Number.NaN }],
    ['a negative Retry-After', { path: '/api/x', status: 429, retryAfterSeconds: -1 }],
  ];
  for (const [name, fault] of bad) {
    it(`faults.add with ${name}: MockOptionError, nothing added`, () => {
      expect(refusal(() => mock.faults.add(fault as never)).code).toBe('INVALID_MOCK_OPTION');
      expect(mock.faults.size).toBe(0);
    });
  }

  it('clock.advance with NaN, a negative or a string: MockOptionError, clock unchanged', () => {
    const fixed = createJamfMock({ now: () => 1_000 });
    for (const ms of [Number.NaN, -1, '10']) {
      expect(refusal(() => fixed.clock.advance(ms as never)).code).toBe('INVALID_MOCK_OPTION');
    }
    expect(fixed.clock.now()).toBe(1_000);
  });
});

describe('startJamfMockServer refuses a port or host it cannot listen on', () => {
  for (const [name, options] of [
    ['a negative port', { port: -1 }],
    ['a port above 65535', { port: 70_000 }],
    ['a port that is text', { port: '8080' }],
    ['an empty host', { host: '' }],
  ] as const) {
    it(`${name}: MockOptionError before listening`, async () => {
      const error = await startJamfMockServer(options as never).then(
        async (server) => {
          await server.close();
          return undefined;
        },
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MockOptionError);
    });
  }
});
