/** Stable codes of {@link ObservabilityError}; branch on these, never on messages. */
export type ObservabilityErrorCode =
  /** A layer was given options it cannot use; thrown when it is made. */
  | 'INVALID_OPTIONS'
  /** A log sink threw; emitted as a process warning (never thrown into a call). */
  | 'LOG_SINK_FAILED';

/** A logging or tracing layer was configured with options it cannot use, or its sink failed. */
export class ObservabilityError extends Error {
  override readonly name = 'ObservabilityError';

  constructor(
    readonly code: ObservabilityErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
