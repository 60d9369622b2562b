/**
 * One call's timeout through a `fetch` that is not Node's own (a caller's, msw's, Deno's, Bun's;
 * Node's is timed by a `DispatcherDeadline`): an abort controller aborted by its timer, or by the
 * caller's signal with the caller's reason. The caller's listener stays while the answer's body
 * can still be read, so an abort then still stops the read; it goes when the call fails, when
 * the answer has no body, or when the answer is collected. So one signal can serve any number of
 * calls without holding on to each (Node would also warn past 10 listeners on it).
 */
export class SignalDeadline extends AbortController {
  /** Whether the timer, not the caller, aborted the call. */
  expired = false;
  /**
   * The Request sent with this deadline's signal, kept while the timer or the caller's signal
   * can abort it (see {@link SignalDeadline.stop}), as what follows the signal holds it only weakly.
   */
  request: Request | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #callerSignal: AbortSignal | undefined;

  /** `callerSignal` is `undefined` when the request's own signal never aborts. */
  constructor(callerSignal: AbortSignal | undefined, timeoutMs: number) {
    super();
    if (callerSignal?.aborted) this.abort(callerSignal.reason);
    else if (callerSignal !== undefined) {
      allowManyListeners(callerSignal);
      callerSignal.addEventListener('abort', this, { once: true });
      this.#callerSignal = callerSignal;
    }
    this.#timer = setTimeout(expire, timeoutMs, this, timeoutMs);
  }

  /**
   * Ends the timer once the answer's headers are in (or the call failed), and lets go of the
   * caller's signal now, or once `response`, whose body may still be read, is collected.
   */
  stop(response: Response | undefined): void {
    clearTimeout(this.#timer);
    const callerSignal = this.#callerSignal;
    if (callerSignal === undefined) return;
    if (response?.body == null) callerSignal.removeEventListener('abort', this);
    else releaseWhenCollected(response, callerSignal, this);
  }

  /** The caller's signal aborted (an `EventListener` object, so no closure per call). */
  handleEvent(event: Event): void {
    this.abort((event.target as AbortSignal).reason);
  }
}

/** The part of Node's `events` that sets how many listeners a signal takes before a warning. */
interface NodeEvents {
  readonly defaultMaxListeners: number;
  getMaxListeners(target: EventTarget): number;
  setMaxListeners(count: number, target: EventTarget): void;
}

let nodeEvents: NodeEvents | null | undefined;

/**
 * Lets a caller's signal take as many listeners as Node's `fetch` lets it (1500), as one signal
 * may serve many calls at once: Node 20 warned `MaxListenersExceededWarning` at the 11th.
 * Nothing to do off Node (no `process.getBuiltinModule`).
 */
function allowManyListeners(signal: AbortSignal): void {
  if (nodeEvents === undefined) {
    const platform = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } })
      .process;
    nodeEvents = (platform?.getBuiltinModule?.('node:events') as NodeEvents | undefined) ?? null;
  }
  if (nodeEvents === null) return;
  if (nodeEvents.getMaxListeners(signal) === nodeEvents.defaultMaxListeners) {
    nodeEvents.setMaxListeners(1500, signal);
  }
}

/** What to take off a caller's signal once an answer is collected. */
interface HeldListener {
  signal: AbortSignal;
  listener: EventListenerObject;
}

let answersCollected: FinalizationRegistry<HeldListener> | undefined;

/** Removes `listener` from `signal` once `response` has been garbage collected. */
function releaseWhenCollected(
  response: Response,
  signal: AbortSignal,
  listener: EventListenerObject,
): void {
  answersCollected ??= new FinalizationRegistry((held) =>
    held.signal.removeEventListener('abort', held.listener),
  );
  answersCollected.register(response, { signal, listener });
}

/** The timer fired (a function, not a closure per call): a `TimeoutError` unless the caller aborted first. */
function expire(deadline: SignalDeadline, timeoutMs: number): void {
  if (deadline.signal.aborted) return;
  deadline.expired = true;
  deadline.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
}
