/** Why the mock refused an option: see {@link MockOptionError}. */
export type MockOptionErrorCode = 'INVALID_MOCK_OPTION';

/**
 * An option, fault or clock step the mock cannot use (a negative count, a fault without a path,
 * a `NaN` latency, …), thrown where it is given, naming the option.
 */
export class MockOptionError extends Error {
  override readonly name = 'MockOptionError';

  constructor(
    /** Stable classification of the failure. */
    readonly code: MockOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Fails with `INVALID_MOCK_OPTION` unless `value` is absent or a whole number in range. */
export function checkWholeNumber(
  name: string,
  value: unknown,
  minimum: number,
  maximum = Number.MAX_SAFE_INTEGER,
): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw new MockOptionError(
      'INVALID_MOCK_OPTION',
      `${name} must be a whole number from ${minimum} to ${maximum}, got ${String(value)}`,
    );
  }
}
