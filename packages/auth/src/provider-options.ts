import { checkTimeoutMs, TimeoutOptionError } from '@jamf/core';
import { JamfAuthError } from './errors.js';
import type { ProviderOptions } from './token-provider.js';

function invalid(message: string, cause?: unknown): JamfAuthError {
  return new JamfAuthError('INVALID_OPTIONS', message, cause === undefined ? undefined : { cause });
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return names.every((name) => isFunction(record[name]));
}

/**
 * Refuses provider options of the wrong kind with `INVALID_OPTIONS` when the provider is made,
 * instead of a platform `TypeError` on the first token request. Messages name the option,
 * never a value. `timeoutMs` follows the SDK's one rule (`checkTimeoutMs` of `@jamf/core`).
 */
export function checkProviderOptions(options: unknown): asserts options is ProviderOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('provider options must be an object ({ baseUrl, … })');
  }
  const given = options as Partial<Record<keyof ProviderOptions, unknown>>;
  if (given.timeoutMs !== undefined) {
    try {
      checkTimeoutMs(given.timeoutMs);
    } catch (error) {
      if (error instanceof TimeoutOptionError) throw invalid(error.message, error);
      throw error;
    }
  }
  for (const name of ['fetch', 'now', 'onBackgroundError'] as const) {
    if (given[name] !== undefined && !isFunction(given[name])) {
      throw invalid(`${name} must be a function`);
    }
  }
  if (given.store !== undefined && !hasMethods(given.store, ['get', 'set', 'delete', 'withLock'])) {
    throw invalid('store must be a TokenStore (get, set, delete and withLock methods)');
  }
  if (given.refreshPolicy !== undefined && !hasMethods(given.refreshPolicy, ['decide'])) {
    throw invalid('refreshPolicy must be a RefreshPolicy (a decide method)');
  }
}
