/** Why a timeout option was refused: see {@link TimeoutOptionError}. */
export type TimeoutOptionErrorCode = 'INVALID_TIMEOUT';

/** A `timeoutMs` (or per-call timeout) that is not a whole number of milliseconds ≥ 0. */
export class TimeoutOptionError extends Error {
  override readonly name = 'TimeoutOptionError';

  constructor(
    /** Stable classification of the failure. */
    readonly code: TimeoutOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
