const DAY_MS = 86_400_000;

/** The days a Classic report covers: midnight UTC of the first and of the last day, epoch ms. */
export interface ClassicDateRange {
  firstDay: number;
  lastDay: number;
}

const RANGE = /^(\d{4})-(\d{2})-(\d{2})_(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Midnight UTC of a calendar date, or undefined when the date does not exist (`2026-02-30`).
 * The year is set on its own: `Date.UTC` reads years 0–99 as 1900–1999, which refused
 * `0001-01-01` as a date that does not exist.
 */
function dayOf(year: string, month: string, day: string): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  const time = date.getTime();
  return date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
    ? time
    : undefined;
}

/**
 * Reads the `{start_date}_{end_date}` path segment of Classic's date-range reports
 * (`computerapplicationusage`, `computerhardwaresoftwarereports`): two `yyyy-mm-dd` dates joined
 * by `_`, as the 11.30.1 Classic spec writes them (`2016-01-01_2016-12-31`). Undefined for
 * anything else, a date that does not exist included.
 */
export function parseClassicDateRange(segment: string): ClassicDateRange | undefined {
  const match = RANGE.exec(segment);
  if (match === null) return undefined;
  const [, y1 = '', m1 = '', d1 = '', y2 = '', m2 = '', d2 = ''] = match;
  const firstDay = dayOf(y1, m1, d1);
  const lastDay = dayOf(y2, m2, d2);
  if (firstDay === undefined || lastDay === undefined) return undefined;
  return { firstDay, lastDay };
}

/**
 * The days of `range` that fall between `from` and `to` (epoch ms, their days included), as
 * midnight UTC: a report never covers days its computer did not exist, however wide the range.
 */
export function daysWithin(range: ClassicDateRange, from: number, to: number): number[] {
  const first = Math.max(range.firstDay, Math.floor(from / DAY_MS) * DAY_MS);
  const last = Math.min(range.lastDay, Math.floor(to / DAY_MS) * DAY_MS);
  const days: number[] = [];
  for (let day = first; day <= last; day += DAY_MS) days.push(day);
  return days;
}
