/** Cookies Jamf Pro's load balancers use to pin a client to one node. */
export const STICKY_COOKIE_NAMES: readonly string[] = ['APBALANCEID', 'jpro-ingress'];

/** The largest cookie (name and value) kept, as browsers do (RFC 6265 §6.1). */
const MAX_COOKIE_BYTES = 4096;

/**
 * Keeps the load-balancer cookies of each origin, and nothing else: other cookies a server sets
 * are ignored, so session cookies never leak between origins or into logs.
 */
export class StickyCookieJar {
  readonly #names: ReadonlySet<string>;
  readonly #byOrigin = new Map<string, Map<string, string>>();

  constructor(names: readonly string[] = STICKY_COOKIE_NAMES) {
    this.#names = new Set(names);
  }

  /** Records the sticky cookies `response` sets for the origin of `url`. */
  capture(url: string, response: Response, nowMs: number): void {
    const origin = new URL(url).origin;
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      if (!this.#names.has(name)) continue;
      const value = pair.slice(eq + 1).trim();
      // Larger than a browser keeps (RFC 6265 §6.1: 4096 bytes per cookie): sent back with every
      // request, it would make each one a header the server refuses (431).
      if (name.length + value.length > MAX_COOKIE_BYTES) continue;
      const jar = this.#byOrigin.get(origin) ?? new Map<string, string>();
      this.#byOrigin.set(origin, jar);
      if (value === '' || isExpiry(attributes, nowMs)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  /** The `Cookie` header value for `url` merged with `existing`, or `undefined` when unchanged. */
  cookieHeaderFor(url: string, existing: string | null): string | undefined {
    const jar = this.#byOrigin.get(new URL(url).origin);
    if (jar === undefined || jar.size === 0) return undefined;
    const kept = (existing ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '' && !jar.has(part.slice(0, part.indexOf('=')).trim()));
    for (const [name, value] of jar) kept.push(`${name}=${value}`);
    return kept.join('; ');
  }
}

function isExpiry(attributes: string[], nowMs: number): boolean {
  for (const attribute of attributes) {
    const eq = attribute.indexOf('=');
    const key = (eq < 0 ? attribute : attribute.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : attribute.slice(eq + 1).trim();
    // RFC 6265 §5.2.2: a Max-Age that is not an optional `-` and digits is ignored (`Max-Age=`
    // is no expiry).
    if (key === 'max-age' && /^-?\d+$/.test(value) && Number(value) <= 0) return true;
    if (key === 'expires') {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && at <= nowMs) return true;
    }
  }
  return false;
}
