/**
 * The longest wait {@link parseRetryAfter} returns by default: one hour. A server asking for
 * longer is answered sooner, so a typo or a hostile header cannot park a caller for days (and
 * `setTimeout` fires at once beyond 2^31-1 ms).
 */
export const RETRY_AFTER_MAX_MS = 3_600_000;

/** `setTimeout`'s largest delay; a longer one fires immediately. */
const TIMER_MAX_MS = 2 ** 31 - 1;

/** Options of {@link parseRetryAfter}. */
export interface ParseRetryAfterOptions {
  /** Cap on the returned delay in ms; default {@link RETRY_AFTER_MAX_MS}, at most 2^31-1. */
  readonly maxMs?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Regex literals, not `new RegExp(String.raw…)`: a call at module level is a side effect to a
// bundler, which then keeps this module in every bundle that imports @jamf/core (bench P6).
/** RFC 9110 §5.6.7 IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
/** RFC 850 (obsolete): `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC850_DATE = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
/** ANSI C asctime (obsolete): `Sun Nov  6 08:49:37 1994`. */
const ASCTIME_DATE = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * Reads a `Retry-After` header — delay-seconds (`120`) or an HTTP-date in any of the three forms
 * RFC 9110 §10.2.3 allows — as the milliseconds to wait from `nowMs`. Use it wherever a 429 or
 * 503 is retried, with the client's injected clock.
 *
 * @returns the delay, at least 0 (a date in the past) and at most `maxMs`; `undefined` when the
 * header is absent, negative, fractional or not one of those forms.
 * @example
 * parseRetryAfter(response.headers.get('retry-after'), now()); // 120 → 120_000
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
  options: ParseRetryAfterOptions = {},
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const maxMs = Math.min(Math.max(0, options.maxMs ?? RETRY_AFTER_MAX_MS), TIMER_MAX_MS);
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, maxMs);
  const at = httpDate(text, nowMs);
  if (at === undefined) return undefined;
  return Math.min(Math.max(0, at - nowMs), maxMs);
}

/** An HTTP-date as epoch milliseconds, or `undefined` for anything else. */
function httpDate(text: string, nowMs: number): number | undefined {
  let match = IMF_FIXDATE.exec(text);
  if (match !== null) {
    const [, day, month, year, h, m, s] = match;
    return utc(Number(year), month!, Number(day), h!, m!, s!);
  }
  match = RFC850_DATE.exec(text);
  if (match !== null) {
    const [, day, month, yy, h, m, s] = match;
    // RFC 9110: a two-digit year more than 50 years ahead means the previous century.
    const year = 2000 + Number(yy);
    return utc(
      year > new Date(nowMs).getUTCFullYear() + 50 ? year - 100 : year,
      month!,
      Number(day),
      h!,
      m!,
      s!,
    );
  }
  match = ASCTIME_DATE.exec(text);
  if (match !== null) {
    const [, month, day, h, m, s, year] = match;
    return utc(Number(year), month!, Number(day!.trim()), h!, m!, s!);
  }
  return undefined;
}

function utc(year: number, monthName: string, day: number, h: string, m: string, s: string) {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  if (month < 0 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) {
    return undefined;
  }
  const at = Date.UTC(year, month, day, hours, minutes, seconds);
  // 31 Feb is not a date; Date.UTC would roll it into March.
  return new Date(at).getUTCDate() === day ? at : undefined;
}
