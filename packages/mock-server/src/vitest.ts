import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createJamfMock, type JamfMock, type JamfMockOptions } from './mock.js';

/** The msw server `setupServer` returns (`SetupServerApi` in msw 2, `SetupServer` in msw 3). */
export type MswServer = ReturnType<typeof setupServer>;

/**
 * Fail on a request no handler answers: msw 2 reads `onUnhandledRequest`, msw 3
 * `onUnhandledFrame`; each ignores the other's option.
 */
const FAIL_ON_UNHANDLED = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;

/** A mock wired into vitest's lifecycle, with the msw server that serves it. */
export interface VitestJamfMock extends JamfMock {
  /** The msw server; `server.use(...)` adds per-test overrides (removed after each test). */
  readonly server: MswServer;
}

/**
 * Creates a Jamf mock for the current vitest file: msw listens in `beforeAll` (unhandled
 * requests fail the test), handlers and state reset after each test, the server closes in `afterAll`.
 * @example
 * const jamf = setupJamfMock();
 * it('gets a token', async () => {
 *   const response = await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
 *     method: 'POST',
 *     headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
 *   });
 *   expect(response.status).toBe(200);
 * });
 */
export function setupJamfMock(options: JamfMockOptions = {}): VitestJamfMock {
  const mock = createJamfMock(options);
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen(FAIL_ON_UNHANDLED));
  afterEach(() => {
    server.resetHandlers();
    mock.reset();
  });
  afterAll(() => server.close());
  return Object.defineProperty(mock, 'server', {
    value: server,
    enumerable: true,
  }) as VitestJamfMock;
}
