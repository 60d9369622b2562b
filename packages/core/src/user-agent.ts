import type { FetchLike } from './fetch-like.js';
import { toRequest } from './to-request.js';

/** The package that sends: named in the `User-Agent` so server logs tell SDK traffic apart. */
export interface SdkPackage {
  /** The npm name, e.g. `@jamf/pro-api`. */
  readonly name: string;
  /** Its version, e.g. `1.2.0`. */
  readonly version: string;
}

interface RuntimeGlobals {
  Bun?: { version?: string };
  Deno?: { version?: { deno?: string } };
  process?: { versions?: { node?: string } };
  document?: unknown;
  navigator?: { userAgent?: string };
}

/**
 * The runtime as a `User-Agent` product token: `bun/1.1.0`, `deno/2.0.0` or `node/20.20.2`;
 * `undefined` in a browser or anything unknown.
 */
export function runtimeProduct(
  globals: RuntimeGlobals = globalThis as RuntimeGlobals,
): string | undefined {
  if (typeof globals.Bun?.version === 'string') return `bun/${globals.Bun.version}`;
  if (typeof globals.Deno?.version?.deno === 'string') return `deno/${globals.Deno.version.deno}`;
  if (typeof globals.process?.versions?.node === 'string' && globals.document === undefined) {
    return `node/${globals.process.versions.node}`;
  }
  return undefined;
}

/**
 * Whether requests may carry a `User-Agent` of ours: on Node, Bun and Deno, not in a browser,
 * which sends its own (Chromium drops one set by a page).
 */
export function canSetUserAgent(globals: RuntimeGlobals = globalThis as RuntimeGlobals): boolean {
  return runtimeProduct(globals) !== undefined;
}

/**
 * The SDK's default `User-Agent`: `jamf-sdk-ts/<version> (<package>) <runtime>`, e.g.
 * `jamf-sdk-ts/1.2.0 (@jamf/pro-api) node/20.20.2`.
 */
export function defaultUserAgent(
  sdkPackage: SdkPackage,
  globals: RuntimeGlobals = globalThis as RuntimeGlobals,
): string {
  const runtime = runtimeProduct(globals);
  return runtime === undefined ? sdkProduct(sdkPackage) : `${sdkProduct(sdkPackage)} ${runtime}`;
}

/** The SDK and the sending package as product tokens: `jamf-sdk-ts/1.2.0 (@jamf/pro-api)`. */
function sdkProduct(sdkPackage: SdkPackage): string {
  return `jamf-sdk-ts/${sdkPackage.version} (${sdkPackage.name})`;
}

/**
 * The `User-Agent` a client sends: `false` sends none of ours, a string replaces the default,
 * `undefined` is {@link defaultUserAgent}. Always `undefined` where the runtime forbids setting it.
 */
export function resolveUserAgent(
  option: string | false | undefined,
  sdkPackage: SdkPackage,
  globals: RuntimeGlobals = globalThis as RuntimeGlobals,
): string | undefined {
  if (option === false) return undefined;
  // Looked up once: a runtime without a product token (a browser) does not allow the header.
  const runtime = runtimeProduct(globals);
  if (runtime === undefined) return undefined;
  return option ?? `${sdkProduct(sdkPackage)} ${runtime}`;
}

/**
 * Wraps a `fetch` so requests carry `userAgent` unless they already name one; with `undefined`
 * the `fetch` is returned as it is.
 */
export function withUserAgent(fetch: FetchLike, userAgent: string | undefined): FetchLike {
  if (userAgent === undefined) return fetch;
  return (input, init) => {
    const request = toRequest(input, init);
    if (request.headers.has('user-agent')) return fetch(request);
    // Set in place when the headers allow it: a Request copy per call was a measurable share of
    // the clients' overhead (bench P1). Immutable headers get a copy.
    try {
      request.headers.set('user-agent', userAgent);
      return fetch(request);
    } catch {
      const headers = new Headers(request.headers);
      headers.set('user-agent', userAgent);
      return fetch(new Request(request, { headers }));
    }
  };
}
