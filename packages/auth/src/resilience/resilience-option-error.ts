/** Which option of `retry` or `concurrency` was refused: see {@link ResilienceOptionError}. */
export type ResilienceOptionErrorCode = 'INVALID_MAX_ATTEMPTS' | 'INVALID_MAX_IN_FLIGHT';

/**
 * A `retry({ maxAttempts })` or `concurrency({ max })` that is not a positive whole number;
 * thrown when the layer is created.
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
