import { type FetchLike, toRequest } from '@jamf/core';

/**
 * Carries a logical request's key from the outermost layer down to the client's `fetch`, where
 * it is removed before anything is sent. Retry and 401-replay layers copy requests with their
 * headers, so every copy they send still names the call it belongs to.
 */
const KEY_HEADER = 'x-jamf-sdk-attempt-key';

/** How many times one logical request went on the wire. */
export interface AttemptCount {
  /** Sends, the first included. */
  readonly attempts: number;
  /** Sends that followed a 401 (a token refresh and replay). */
  readonly replays: number;
  /** Other repeated sends (a retry after a 429/5xx or a network error). */
  readonly retries: number;
}

interface Tally {
  attempts: number;
  replays: number;
  lastStatus: number | undefined;
}

let instances = 0;

/** Counts the sends of each logical request, once its {@link AttemptCounter.wrap} is in use. */
export class AttemptCounter {
  readonly #prefix = `${++instances}.`;
  readonly #byKey = new Map<string, Tally>();
  #next = 0;
  #isCounting = false;

  /** Starts a logical request: the copy to send on carries its key while counting is on. */
  start(request: Request): { request: Request; key: string | undefined } {
    if (!this.#isCounting) return { request, key: undefined };
    const key = `${this.#prefix}${++this.#next}`;
    this.#byKey.set(key, { attempts: 0, replays: 0, lastStatus: undefined });
    const headers = new Headers(request.headers);
    headers.set(KEY_HEADER, key);
    return { request: new Request(request, { headers }), key };
  }

  /** Ends a logical request and returns its count (`undefined` when nothing was counted). */
  finish(key: string | undefined): AttemptCount | undefined {
    if (key === undefined) return undefined;
    const tally = this.#byKey.get(key);
    this.#byKey.delete(key);
    if (tally === undefined || tally.attempts === 0) return undefined;
    return {
      attempts: tally.attempts,
      replays: tally.replays,
      retries: tally.attempts - 1 - tally.replays,
    };
  }

  /** Wraps the client's `fetch` so each send is counted and the key header never leaves. */
  wrap(fetch: FetchLike): FetchLike {
    this.#isCounting = true;
    return async (input, init) => {
      const request = toRequest(input, init);
      const key = request.headers.get(KEY_HEADER);
      if (key === null) return fetch(request);
      const headers = new Headers(request.headers);
      headers.delete(KEY_HEADER);
      const tally = this.#byKey.get(key);
      if (tally !== undefined) {
        tally.attempts += 1;
        if (tally.lastStatus === 401) tally.replays += 1;
      }
      const response = await fetch(new Request(request, { headers }));
      if (tally !== undefined) tally.lastStatus = response.status;
      return response;
    };
  }
}
