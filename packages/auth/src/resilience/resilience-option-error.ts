/**
 * Which option of `retry`, `concurrency` or `stickySession` was refused: see
 * {@link ResilienceOptionError}.
 */
export type ResilienceOptionErrorCode =
  | 'INVALID_MAX_ATTEMPTS'
  | 'INVALID_MAX_IN_FLIGHT'
  | 'INVALID_DELAY'
  | 'INVALID_OPTION';

/**
 * A resilience option of the wrong kind, thrown when the layer is created: `retry({ maxAttempts })`
 * or `concurrency({ max })` not a positive whole number (`INVALID_MAX_ATTEMPTS`,
 * `INVALID_MAX_IN_FLIGHT`), a `baseDelayMs`/`maxDelayMs` not a finite number ≥ 0
 * (`INVALID_DELAY`), or a list or function option of another type (`INVALID_OPTION`).
 */
export class ResilienceOptionError extends Error {
  override readonly name = 'ResilienceOptionError';

  constructor(
    /** Stable classification of the failure. */
    readonly code: ResilienceOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fails with `INVALID_OPTION` unless `options` is absent or an object (`null` is neither) whose
 * keys are all among `known`: a misspelt option (`retry({ retries: 3 })`) would otherwise be
 * ignored without a word.
 */
export function checkOptionsObject(
  layer: string,
  options: unknown,
  known: readonly string[],
): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) {
    throw new ResilienceOptionError('INVALID_OPTION', `${layer} options must be an object`);
  }
  const unknown = Object.keys(options).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new ResilienceOptionError(
      'INVALID_OPTION',
      `${layer} has no option ${JSON.stringify(unknown)} (it takes ${known.join(', ')})`,
    );
  }
}

/** Fails with `INVALID_OPTION` unless `fetch`, given to a layer's `wrap`, is a function. */
export function checkWrappedFetch(layer: string, fetch: unknown): void {
  if (typeof fetch !== 'function') {
    throw new ResilienceOptionError(
      'INVALID_OPTION',
      `${layer} wrap(fetch) needs a fetch function`,
    );
  }
}

/** Fails with `INVALID_OPTION` unless `value` is absent or a function. */
export function checkFunctionOption(layer: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new ResilienceOptionError('INVALID_OPTION', `${layer} ${name} must be a function`);
  }
}

/** Fails with `INVALID_OPTION` unless `value` is absent or an array whose items pass `isItem`. */
export function checkListOption(
  layer: string,
  name: string,
  value: unknown,
  isItem: (item: unknown) => boolean,
  what: string,
): void {
  if (value !== undefined && !(Array.isArray(value) && value.every(isItem))) {
    throw new ResilienceOptionError(
      'INVALID_OPTION',
      `${layer} ${name} must be an array of ${what}`,
    );
  }
}
