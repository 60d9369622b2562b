import { inspect } from 'node:util';
import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authMiddleware,
  clientCredentials,
  isJamfAuthError,
  type TokenProvider,
  userCredentials,
  withAuth,
} from '../src/index.js';
import { legacyUserCredentials } from '../src/legacy-user-credentials.js';
import { staticToken } from '../src/static-token.js';
import { type FakeJamf, json, manualClock, startFakeJamf } from './support/fake-jamf.js';

// Characters that change under every encoding: space, $, quote, backslash, non-ASCII.
const PASSWORD = 'pw Sup3r$ecret "horse"\\ü';
const CLIENT_SECRET = 'cs-9f8e/7d6c+5b4a "secret"';
const STATIC_TOKEN = 'static-eyJhbGciOi-secret-token';

let jamf: FakeJamf | undefined;
afterEach(async () => {
  await jamf?.close();
  jamf = undefined;
});

/** Every text a user could see: messages, stacks, inspect (with causes) and JSON. */
class Collector {
  readonly outputs: string[] = [];

  error(error: unknown): void {
    this.outputs.push(inspect(error, { depth: 10, showHidden: true }));
    this.outputs.push(JSON.stringify(error) ?? '');
    if (error instanceof Error) {
      this.outputs.push(String(error), error.message, error.stack ?? '');
      if (error.cause !== undefined) this.error(error.cause);
    }
  }

  value(value: unknown): void {
    this.outputs.push(inspect(value, { depth: 10, showHidden: true }));
    this.outputs.push(JSON.stringify(value) ?? '', String(value), `${value}`);
  }

  async attempt(work: () => Promise<unknown>): Promise<void> {
    try {
      this.value(await work());
    } catch (error) {
      this.error(error);
    }
  }

  hits(secrets: string[]): string[] {
    const forms = secrets.flatMap((secret) => Object.entries(encodings(secret)));
    return this.outputs.flatMap((output) =>
      forms
        .filter(([, form]) => output.includes(form))
        .map(([encoding, form]) => `${encoding} ${form} in ${output}`),
    );
  }
}

/** Every spelling a secret can leak in; the scan looks for all of them. */
function encodings(secret: string): Record<string, string> {
  return {
    raw: secret,
    'base64 (Basic)': Buffer.from(secret, 'utf8').toString('base64'),
    'URL-encoded': encodeURIComponent(secret),
    'form-encoded': new URLSearchParams({ s: secret }).toString().slice(2),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
  };
}

describe('secret scan', () => {
  it('the collector finds a secret when one leaks (control)', () => {
    const collector = new Collector();
    collector.error(new Error('oops', { cause: new Error(`bad ${PASSWORD}`) }));
    expect(collector.hits([PASSWORD]).length).toBeGreaterThan(0);
    expect(collector.hits([CLIENT_SECRET])).toEqual([]);
  });

  // Mutation check: what a removed redaction would leave behind, one encoding at a time. Each
  // form differs from the others for these secrets, so each is caught by its own search.
  it.each(Object.keys(encodings(PASSWORD)))(
    'the scan catches a leak in %s form (mutation check)',
    (encoding) => {
      const basic = `admin:${PASSWORD}`;
      for (const secret of [PASSWORD, CLIENT_SECRET, basic]) {
        const form = encodings(secret)[encoding] as string;
        const others = Object.entries(encodings(secret)).filter(([name]) => name !== encoding);
        expect(others.every(([, other]) => !form.includes(other) || other === form)).toBe(true);
        const collector = new Collector();
        // As a message would carry it with its redaction removed, and inside a cause.
        collector.error(new Error('token request failed', { cause: new Error(`sent ${form}`) }));
        expect(collector.hits([secret]).some((hit) => hit.startsWith(encoding))).toBe(true);
      }
    },
  );

  it('a server token with CR/LF fails as TOKEN_RESPONSE_INVALID, never a platform error quoting it', async () => {
    const server = await startFakeJamf();
    jamf = server;
    const leaky = 'tok-abc\r\nx-injected: 1';
    server.overrides.set('/api/v1/auth/token', (_req, res) =>
      json(res, 200, { token: leaky, expires: new Date(Date.now() + 600_000).toISOString() }),
    );
    const provider = userCredentials({ baseUrl: server.url, username: 'admin', password: 'pw' });
    const error = await withAuth(
      fetch,
      provider,
    )(`${server.url}/api/v1/sites`).catch((e: unknown) => e);
    expect(isJamfAuthError(error, 'TOKEN_RESPONSE_INVALID')).toBe(true);
    const collector = new Collector();
    collector.error(error);
    expect(collector.hits(['tok-abc'])).toEqual([]);
  });

  it('no password, client secret or token appears in any error, inspect or JSON output', async () => {
    const server = await startFakeJamf({ password: PASSWORD, clientSecret: CLIENT_SECRET });
    jamf = server;
    const collector = new Collector();
    const reported = (error: unknown) => collector.error(error);
    const clock = manualClock();
    const user = (password = PASSWORD, extra = {}) =>
      userCredentials({
        baseUrl: server.url,
        username: 'admin',
        password,
        now: clock.now,
        onBackgroundError: reported,
        ...extra,
      });
    const oauth = (clientSecret = CLIENT_SECRET) =>
      clientCredentials({
        baseUrl: server.url,
        clientId: 'client-1',
        clientSecret,
        now: clock.now,
        onBackgroundError: reported,
      });
    const providers: TokenProvider[] = [
      user(),
      oauth(),
      legacyUserCredentials({ baseUrl: server.url, username: 'admin', password: PASSWORD }),
      staticToken(STATIC_TOKEN, { baseUrl: server.url }),
    ];

    // Happy paths: providers and tokens, inspected and serialised.
    for (const provider of providers) {
      collector.value(provider);
      await collector.attempt(() => provider.getToken());
      collector.value(provider);
    }
    // Wrong secrets (the wrong values are secrets too).
    await collector.attempt(() => user(`${PASSWORD}-wrong`).getToken());
    await collector.attempt(() => oauth(`${CLIENT_SECRET}-wrong`).getToken());
    // A server echoing the secret in error_description.
    server.overrides.set('/api/oauth/token', (_req, res) =>
      json(res, 401, { error: 'invalid_client', error_description: `bad secret ${CLIENT_SECRET}` }),
    );
    await collector.attempt(() => oauth().getToken());
    server.overrides.delete('/api/oauth/token');
    // Faults on the token endpoint, some echoing the submitted credentials back.
    const faults: Array<(res: import('node:http').ServerResponse) => void> = [
      (res) => res.writeHead(500).end(`internal error for ${PASSWORD}`),
      (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<p>${PASSWORD}</p>`);
      },
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"token":"${PASSWORD}"`);
      },
      (res) => json(res, 200, { token: 'leaky-token-value', expires: 'never' }),
      (res) => res.writeHead(429, { 'retry-after': '5' }).end(),
    ];
    for (const fault of faults) {
      server.overrides.set('/api/v1/auth/token', (_req, res) => fault(res));
      await collector.attempt(() => user().getToken());
    }
    server.overrides.delete('/api/v1/auth/token');
    // A custom fetch whose error carries the whole request: headers, body, and the request.
    const tattler: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const body = await request.text();
      const headers = JSON.stringify(Object.fromEntries(request.headers));
      const form = JSON.stringify(Object.fromEntries(new URLSearchParams(body)));
      const error = new TypeError(`cannot reach ${request.url}: ${headers} ${body} ${form}`);
      Object.assign(error, { request: { headers: Object.fromEntries(request.headers), body } });
      throw new Error('fetch failed', { cause: error });
    };
    await collector.attempt(() => user(PASSWORD, { fetch: tattler }).getToken());
    await collector.attempt(() =>
      clientCredentials({
        baseUrl: server.url,
        clientId: 'client-1',
        clientSecret: CLIENT_SECRET,
        fetch: tattler,
      }).getToken(),
    );
    await collector.attempt(() =>
      userCredentials({
        baseUrl: 'http://127.0.0.1:9',
        username: 'admin',
        password: PASSWORD,
      }).getToken(),
    );
    await collector.attempt(async () =>
      userCredentials({ baseUrl: 'http://server.example.com', username: 'a', password: PASSWORD }),
    );

    // Background refresh failure reported through onBackgroundError.
    const background = user();
    await background.getToken();
    server.overrides.set('/api/v1/auth/keep-alive', (_req, res) => {
      res.writeHead(500).end();
    });
    clock.advance(1_170_000);
    await collector.attempt(() => background.getToken());
    await expect.poll(() => collector.outputs.some((o) => o.includes('keep-alive'))).toBe(true);
    server.overrides.delete('/api/v1/auth/keep-alive');
    clock.advance(-1_170_000);

    // Middleware errors: a second 401 on both forms.
    server.overrides.set('/api/v1/sites', (_req, res) => json(res, 401, {}));
    const api = user();
    await collector.attempt(() => withAuth(fetch, api)(`${server.url}/api/v1/sites`));
    const client = createClient({ baseUrl: `${server.url}/api` });
    client.use(authMiddleware(api));
    await collector.attempt(() => client.GET('/v1/sites' as never));
    await collector.attempt(() =>
      withAuth(fetch, providers[3] as TokenProvider)(`${server.url}/api/v1/sites`),
    );
    // Closed providers.
    for (const provider of providers) await provider.close();
    for (const provider of providers) await collector.attempt(() => provider.getToken());

    const secrets = [
      PASSWORD,
      `admin:${PASSWORD}`,
      CLIENT_SECRET,
      STATIC_TOKEN,
      'leaky-token-value',
      ...server.issued,
    ];
    expect(server.issued.length).toBeGreaterThan(5);
    expect(collector.outputs.length).toBeGreaterThan(100);
    expect(collector.hits(secrets)).toEqual([]);
  });
});
