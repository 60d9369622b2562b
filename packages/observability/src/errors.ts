/** Stable codes of {@link ObservabilityError}; branch on these, never on messages. */
export type ObservabilityErrorCode = 'INVALID_OPTIONS';

/** A logging or tracing layer was configured with options it cannot use. */
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
