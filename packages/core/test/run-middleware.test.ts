import fc from 'fast-check';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { type Middleware, MiddlewareError, runMiddleware } from '../src/index.js';

/** What one middleware of a generated stack does in each hook. */
interface Behaviour {
  onRequest: 'absent' | 'pass' | 'replace' | 'answer';
  onResponse: 'absent' | 'pass' | 'replace';
  onError: 'absent' | 'pass' | 'replace' | 'recover';
}

/** Builds the stack; every hook call is written to `trace` so two runners can be compared. */
function stack(behaviours: readonly Behaviour[], trace: string[]): Middleware[] {
  return behaviours.map((b, i) => {
    const m: Record<string, unknown> = {};
    if (b.onRequest !== 'absent') {
      m.onRequest = ({ request }: { request: Request }) => {
        trace.push(`req${i}:${request.headers.get('x-seen') ?? ''}`);
        if (b.onRequest === 'replace') {
          const headers = new Headers(request.headers);
          headers.set('x-seen', `${headers.get('x-seen') ?? ''}${i}`);
          return new Request(request, { headers });
        }
        if (b.onRequest === 'answer') return new Response(null, { status: 203 });
        return undefined;
      };
    }
    if (b.onResponse !== 'absent') {
      m.onResponse = async ({ response }: { response: Response }) => {
        trace.push(`res${i}:${response.status}`);
        if (b.onResponse === 'replace') return new Response(null, { status: 200 + i });
        return undefined;
      };
    }
    if (b.onError !== 'absent') {
      m.onError = ({ error }: { error: unknown }) => {
        trace.push(`err${i}:${(error as Error).message}`);
        if (b.onError === 'replace') return new Error(`replaced by ${i}`);
        if (b.onError === 'recover') return new Response(null, { status: 250 + i });
        return undefined;
      };
    }
    return m as Middleware;
  });
}

type Outcome = { trace: string[]; status?: number; error?: string };

function sender(fails: boolean, trace: string[]) {
  return async (request: Request) => {
    trace.push(`fetch:${request.headers.get('x-seen') ?? ''}`);
    if (fails) throw new Error('offline');
    return new Response(null, { status: 299 });
  };
}

async function throughOpenapiFetch(behaviours: Behaviour[], fails: boolean): Promise<Outcome> {
  const trace: string[] = [];
  const client = createClient<Record<string, never>>({
    baseUrl: 'https://jamf.example.test/api',
    fetch: sender(fails, trace),
  });
  client.use(...stack(behaviours, trace));
  try {
    const { response } = await client.request('get', '/v1/ping' as never);
    return { trace, status: response.status };
  } catch (error) {
    return { trace, error: (error as Error).message };
  }
}

async function throughCore(behaviours: Behaviour[], fails: boolean): Promise<Outcome> {
  const trace: string[] = [];
  const send = sender(fails, trace);
  try {
    const response = await runMiddleware(
      new Request('https://jamf.example.test/api/v1/ping'),
      stack(behaviours, trace),
      {
        id: '1',
        schemaPath: '/v1/ping',
        params: {},
        options: { baseUrl: 'https://jamf.example.test/api', fetch: send as typeof fetch },
      },
    );
    return { trace, status: response.status };
  } catch (error) {
    return { trace, error: (error as Error).message };
  }
}

const behaviour = fc
  .record<Behaviour>({
    onRequest: fc.constantFrom('absent', 'pass', 'replace', 'answer'),
    onResponse: fc.constantFrom('absent', 'pass', 'replace'),
    onError: fc.constantFrom('absent', 'pass', 'replace', 'recover'),
  })
  // openapi-fetch's `use()` refuses a middleware without hooks, as the Middleware type does.
  .filter((b) => b.onRequest !== 'absent' || b.onResponse !== 'absent' || b.onError !== 'absent');

describe('runMiddleware', () => {
  it('calls hooks exactly as openapi-fetch 0.17 does, for any stack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(behaviour, { maxLength: 4 }), fc.boolean(), async (b, fails) => {
        expect(await throughCore(b, fails)).toEqual(await throughOpenapiFetch(b, fails));
      }),
      { numRuns: 300 },
    );
  });

  it('skips later onRequest hooks, fetch and every onResponse hook once onRequest answers', async () => {
    const b: Behaviour[] = [
      { onRequest: 'pass', onResponse: 'pass', onError: 'absent' },
      { onRequest: 'answer', onResponse: 'replace', onError: 'absent' },
      { onRequest: 'pass', onResponse: 'pass', onError: 'absent' },
    ];
    expect(await throughCore(b, false)).toEqual({ trace: ['req0:', 'req1:'], status: 203 });
  });

  it('lets onError recover and then runs the onResponse hooks', async () => {
    const b: Behaviour[] = [
      { onRequest: 'absent', onResponse: 'pass', onError: 'pass' },
      { onRequest: 'absent', onResponse: 'pass', onError: 'recover' },
    ];
    expect(await throughCore(b, true)).toEqual({
      trace: ['fetch:', 'err1:offline', 'res1:251', 'res0:251'],
      status: 251,
    });
  });

  it.each([
    ['onRequest', { onRequest: () => 'nope' }],
    ['onResponse', { onResponse: () => ({ status: 200 }) }],
    ['onError', { onError: () => 'nope' }],
  ])('refuses what %s may not return with a typed error', async (hook, m) => {
    const run = runMiddleware(
      new Request('https://jamf.example.test/'),
      [m as unknown as Middleware],
      {
        id: '1',
        schemaPath: '/',
        params: {},
        options: {
          baseUrl: 'https://jamf.example.test',
          fetch: (async () => {
            throw new Error('offline');
          }) as unknown as typeof fetch,
        },
      },
    );
    if (hook === 'onResponse') {
      // A fetch that fails never reaches onResponse; answer instead.
      const answered = runMiddleware(
        new Request('https://jamf.example.test/'),
        [m as unknown as Middleware],
        {
          id: '1',
          schemaPath: '/',
          params: {},
          options: {
            baseUrl: 'https://jamf.example.test',
            fetch: (async () => new Response(null)) as unknown as typeof fetch,
          },
        },
      );
      await run.catch(() => undefined);
      await expect(answered).rejects.toMatchObject({ code: 'INVALID_MIDDLEWARE_RESULT', hook });
      return;
    }
    await expect(run).rejects.toBeInstanceOf(MiddlewareError);
    await expect(run).rejects.toMatchObject({ code: 'INVALID_MIDDLEWARE_RESULT', hook });
  });
});
