/**
 * Reads a `Retry-After` header (delay in seconds or an HTTP date) as milliseconds from `nowMs`;
 * `undefined` when absent or unreadable, never negative.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
