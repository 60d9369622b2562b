import {
  acceptsPreparedRequests,
  type FetchLike,
  isPreparedRequest,
  type MiddlewareHooks,
  toRequest,
} from '@jamf/core';
import { checkOptionsObject, checkWrappedFetch } from './resilience-option-error.js';
import { type ReleaseSlot, Semaphore } from './semaphore.js';

/** Options of {@link concurrency}. */
export interface ConcurrencyOptions {
  /** Most requests in flight at once; Jamf asks clients to stay at 5 or fewer. Default 5. */
  max?: number;
}

/** A concurrency limit usable both as openapi-fetch middleware and as a `fetch` wrapper. */
export interface ConcurrencyLayer extends MiddlewareHooks {
  /** Wraps `fetch` so calls through it share this layer's slots. */
  wrap(fetch: FetchLike): FetchLike;
  /** Slots currently held, for diagnostics. */
  readonly inFlight: number;
}

/**
 * Caps requests in flight (until response headers arrive, an error, or an abort). Use one layer
 * per Jamf Pro server and share it between clients; the slot is released on every path.
 * As middleware, keep it after every layer that may end a call in `onRequest` (by throwing, or by
 * answering itself), as the documented order `auth → retry → concurrency → sticky session` does:
 * openapi-fetch runs none of this layer's hooks for a call a later middleware ends there, and
 * that call's slot would stay taken.
 *
 * @example
 * const limit = concurrency({ max: 5 });
 * client.use(limit); // or: createClient({ fetch: limit.wrap(fetch) })
 */
export function concurrency(options: ConcurrencyOptions = {}): ConcurrencyLayer {
  checkOptionsObject('concurrency', options, ['max']);
  const slots = new Semaphore(options.max ?? 5);
  const held = new Map<string, ReleaseSlot>();
  const releaseHeld = (id: string): void => {
    held.get(id)?.();
    held.delete(id);
  };
  return acceptsPreparedRequests({
    get inFlight() {
      return slots.inUse;
    },
    wrap(fetch: FetchLike): FetchLike {
      checkWrappedFetch('concurrency', fetch);
      return async (input, init) => {
        // A client's prepared request passes as it is: only its signal matters here.
        const request =
          isPreparedRequest(input) && init === undefined ? input : toRequest(input, init);
        const { signal } = request;
        // A free slot is taken without a promise (bench P1); a full limiter queues.
        const release =
          (signal?.aborted === true ? undefined : slots.tryAcquire()) ??
          (await slots.acquire(signal));
        try {
          return await fetch(request as Request);
        } finally {
          release();
        }
      };
    },
    // Synchronous while a slot is free: openapi-fetch awaits what a hook returns, and the
    // common path should cost no promise (bench P1).
    onRequest({ request, id }) {
      const free = request.signal.aborted ? undefined : slots.tryAcquire();
      if (free !== undefined) {
        held.set(id, free);
        return undefined;
      }
      return slots.acquire(request.signal).then((release) => {
        held.set(id, release);
        return undefined;
      });
    },
    onResponse({ id }) {
      releaseHeld(id);
      return undefined;
    },
    onError({ id }) {
      releaseHeld(id);
      return undefined;
    },
  });
}

/** `fetch` limited to `max` requests in flight; shorthand for `concurrency(options).wrap(fetch)`. */
export function withConcurrency(fetch: FetchLike, options?: ConcurrencyOptions): FetchLike {
  return concurrency(options).wrap(fetch);
}
