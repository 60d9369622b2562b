import { describe, expect, it } from 'vitest';
import { isJamfAuthError } from '../src/index.js';
import {
  concurrency,
  ResilienceOptionError,
  retry,
  stickySession,
} from '../src/resilience/index.js';
import { fromAwsSecretsManager } from '../src/sources/aws-secrets-manager.js';
import { fromEnv, fromKeychain, fromPrompt, providerFor } from '../src/sources/index.js';

async function codeOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isJamfAuthError(error) || error instanceof ResilienceOptionError) return error.code;
    throw new Error(`expected a typed error, got ${String(error)}`);
  }
  throw new Error('expected a refusal, nothing was thrown');
}

const sdk = {
  SecretsManagerClient: class {
    async send() {
      return {};
    }
  },
  GetSecretValueCommand: class {},
};

describe('credential sources given no usable options: typed errors, never a TypeError', () => {
  it('fromEnv(null), providerFor(null)', async () => {
    expect(await codeOf(() => fromEnv(null as never))).toBe('INVALID_OPTIONS');
    expect(await codeOf(() => providerFor(null as never))).toBe('MISSING_CREDENTIALS');
  });

  it('fromKeychain() and fromKeychain without service or account, on any platform', async () => {
    for (const options of [
      undefined,
      null,
      {},
      { service: 'jamf' },
      { service: 'jamf', account: '' },
    ]) {
      expect(await codeOf(() => fromKeychain(options as never))).toBe('INVALID_OPTIONS');
    }
  });

  it('fromKeychain whose execFile resolves with no text: CREDENTIALS_DOCUMENT_INVALID', async () => {
    for (const answer of [undefined, {}, { stdout: 5 }]) {
      const execFile = async () => answer as never;
      expect(
        await codeOf(() =>
          fromKeychain({ service: 's', account: 'a', platform: 'darwin', execFile }),
        ),
      ).toBe('CREDENTIALS_DOCUMENT_INVALID');
    }
  });

  it('fromPrompt(null)', async () => {
    expect(await codeOf(() => fromPrompt(null as never))).toBe('INVALID_OPTIONS');
  });

  it('fromAwsSecretsManager() and without a secretId', async () => {
    for (const options of [undefined, null, {}, { secretId: '' }]) {
      expect(await codeOf(() => fromAwsSecretsManager(options as never))).toBe('INVALID_OPTIONS');
    }
  });

  it('fromAwsSecretsManager whose client resolves with nothing: CREDENTIALS_DOCUMENT_INVALID', async () => {
    const client = { send: async () => undefined as never };
    expect(
      await codeOf(() =>
        fromAwsSecretsManager({ secretId: 'jamf', client, loadSdk: async () => sdk }),
      ),
    ).toBe('CREDENTIALS_DOCUMENT_INVALID');
  });
});

describe('resilience layers given null options or a wrap() of no fetch: INVALID_OPTION', () => {
  it('retry(null), concurrency(null), stickySession(null)', async () => {
    for (const make of [retry, concurrency, stickySession]) {
      expect(await codeOf(() => make(null as never))).toBe('INVALID_OPTION');
    }
  });

  it('a misspelt option is refused, naming it and the options the layer takes', () => {
    expect(() => retry({ retries: 3 } as never)).toThrow(
      'retry has no option "retries" (it takes maxAttempts, baseDelayMs, maxDelayMs, methods, statuses, random, sleep, now)',
    );
    expect(() => concurrency({ maxInFlight: 5 } as never)).toThrow(ResilienceOptionError);
    expect(() => stickySession({ cookies: ['APBALANCEID'] } as never)).toThrow(
      /no option "cookies"/,
    );
    // Every documented option is still taken.
    retry({
      maxAttempts: 2,
      baseDelayMs: 1,
      maxDelayMs: 2,
      methods: ['GET'],
      statuses: [503],
      random: Math.random,
      sleep: async () => {},
      now: Date.now,
    });
    concurrency({ max: 3 });
    stickySession({ cookieNames: ['APBALANCEID'], now: Date.now });
  });

  it('wrap(5) refuses when wrapping, not with a TypeError on the first call', async () => {
    for (const layer of [retry(), concurrency(), stickySession()]) {
      expect(await codeOf(() => layer.wrap(5 as never))).toBe('INVALID_OPTION');
    }
  });
});
