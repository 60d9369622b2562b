/**
 * Shares one in-flight promise among every caller that asks while it runs; the next call after
 * it settles starts a new one. A rejection reaches every caller that awaits it, and never
 * surfaces as an unhandled rejection on its own.
 */
export class SingleFlight<T> {
  #inflight: Promise<T> | undefined;

  /** True while a shared call is running. */
  get isActive(): boolean {
    return this.#inflight !== undefined;
  }

  /** Joins the running call, or starts `fn` when none runs. */
  run(fn: () => Promise<T>): Promise<T> {
    if (this.#inflight !== undefined) return this.#inflight;
    const started = (async () => fn())();
    this.#inflight = started;
    const clear = () => {
      if (this.#inflight === started) this.#inflight = undefined;
    };
    started.then(clear, clear);
    return started;
  }

  /** Resolves once the running call (if any) has settled, whatever its outcome. */
  async settled(): Promise<void> {
    await this.#inflight?.then(
      () => undefined,
      () => undefined,
    );
  }
}
