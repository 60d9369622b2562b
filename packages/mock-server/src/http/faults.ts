import { checkWholeNumber, MockOptionError } from '../state/mock-option-error.js';
/** A fault to inject into matching requests, before any routing or authentication. */
export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /**
   * Which requests: a path such as `/api/v1/computers-inventory`, a template with `{param}`s
   * (`/api/v1/api-roles/{id}`), `*` as a wildcard within the path, or a RegExp tested against the
   * URL's pathname.
   */
  path: string | RegExp;
  /** Answer with this status (Jamf-shaped error body; 429 and 503 get `Retry-After`). */
  status?: number;
  /** `Retry-After` seconds for a 429 or 503; default 1. */
  retryAfterSeconds?: number;
  /** Delay the answer by this many milliseconds (timer based, so vitest fake timers control it). */
  latencyMs?: number;
  /** Fail as a network error (fetch rejects; the standalone server drops the connection). */
  networkError?: boolean;
  /** How many matching requests to affect; unlimited when omitted. */
  times?: number;
}

/** A fault that applies to the current request. */
export type Fault = Readonly<Omit<FaultSpec, 'times' | 'path'>>;

interface ActiveFault {
  spec: FaultSpec;
  pattern: RegExp;
  remaining: number;
}

/** Refuses a fault the registry could not apply as written, naming the field. */
function checkFault(spec: FaultSpec): void {
  const refuse = (message: string) => new MockOptionError('INVALID_MOCK_OPTION', message);
  if (typeof spec !== 'object' || spec === null) throw refuse('a fault is an object with a path');
  if (!(typeof spec.path === 'string' && spec.path !== '') && !(spec.path instanceof RegExp)) {
    throw refuse('a fault needs a path: a path, a template, a * glob or a RegExp');
  }
  if (spec.status === undefined && spec.latencyMs === undefined && !spec.networkError) {
    throw refuse('a fault needs status, latencyMs or networkError');
  }
  checkWholeNumber('a fault status', spec.status, 100, 599);
  checkWholeNumber('a fault times', spec.times, 1);
  for (const name of ['latencyMs', 'retryAfterSeconds'] as const) {
    const value = spec[name];
    if (
      value !== undefined &&
      !(typeof value === 'number' && Number.isFinite(value) && value >= 0)
    ) {
      throw refuse(`a fault ${name} must be a finite number >= 0, got ${String(value)}`);
    }
  }
}

/** The faults of one mock; `add` them in a test, `clear` them (or `mock.reset()`) after. */
export class FaultRegistry {
  #faults: ActiveFault[] = [];

  /** Adds a fault; returns a function that removes it. */
  add(spec: FaultSpec): () => void {
    checkFault(spec);
    const fault: ActiveFault = {
      spec: { ...spec },
      pattern: toPattern(spec.path),
      remaining: spec.times ?? Number.POSITIVE_INFINITY,
    };
    this.#faults.push(fault);
    return () => {
      this.#faults = this.#faults.filter((entry) => entry !== fault);
    };
  }

  /** Removes every fault. */
  clear(): void {
    this.#faults = [];
  }

  /** How many faults are still active. */
  get size(): number {
    return this.#faults.length;
  }

  /** The first fault matching this request, counted as used; undefined when none applies. */
  take(method: string, pathname: string): Fault | undefined {
    const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
    const fault = this.#faults.find(
      (entry) =>
        (entry.spec.method === undefined ||
          entry.spec.method.toUpperCase() === method.toUpperCase()) &&
        entry.pattern.test(path),
    );
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.#faults = this.#faults.filter((entry) => entry !== fault);
    const { times: _times, path: _path, ...rest } = fault.spec;
    return rest;
  }
}

function toPattern(path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path;
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const source = trimmed
    .split(/(\{[^}]*\}|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith('{') && part.endsWith('}')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}
