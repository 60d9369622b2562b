import { ResilienceOptionError } from './resilience-option-error.js';

/** Gives back a slot; calling it more than once is harmless. */
export type ReleaseSlot = () => void;

/**
 * Counts slots for in-flight requests: `acquire` waits (first come, first served) until one is
 * free, and gives up with the signal's reason when `signal` aborts while waiting.
 */
export class Semaphore {
  #inUse = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) {
      throw new ResilienceOptionError(
        'INVALID_MAX_IN_FLIGHT',
        `concurrency max must be a positive integer, got ${String(max)}`,
      );
    }
  }

  /** Slots currently held. */
  get inUse(): number {
    return this.#inUse;
  }

  /** A free slot's release function at once, or `undefined` when all are taken. */
  tryAcquire(): ReleaseSlot | undefined {
    if (this.#inUse >= this.max || this.#waiting.length > 0) return undefined;
    this.#inUse++;
    return this.#releaser();
  }

  /** Waits for a free slot and returns its release function. */
  acquire(signal?: AbortSignal | null): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#inUse < this.max) {
      this.#inUse++;
      return Promise.resolve(this.#releaser());
    }
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        this.#inUse++;
        resolve(this.#releaser());
      };
      const onAbort = (): void => {
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(grant);
    });
  }

  #releaser(): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inUse--;
      this.#waiting.shift()?.();
    };
  }
}
