import { MockOptionError } from './mock-option-error.js';
/** The mock's sense of time: token expiry and `iat`/`exp` claims read it. */
export interface MockClock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Moves this clock forward by `ms` without touching the platform's timers. */
  advance(ms: number): void;
}

/** A clock whose owner can take back what `advance` added. */
export interface ResettableMockClock extends MockClock {
  /** Forgets every `advance`. */
  reset(): void;
}

/**
 * Creates a clock that reads `now` (default `Date.now`, so vitest's `vi.setSystemTime` applies)
 * plus whatever `advance` has added.
 */
export function createMockClock(now: () => number = () => Date.now()): ResettableMockClock {
  if (typeof now !== 'function') {
    throw new MockOptionError('INVALID_MOCK_OPTION', 'now must be a function returning epoch ms');
  }
  let offsetMs = 0;
  return {
    now: () => now() + offsetMs,
    reset() {
      offsetMs = 0;
    },
    advance(ms: number) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new MockOptionError('INVALID_MOCK_OPTION', 'advance(ms) needs a finite ms >= 0');
      }
      offsetMs += ms;
    },
  };
}
