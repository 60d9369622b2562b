import type { XmlShape } from '../../generated/classic-resources.js';
import { computerApplications } from '../../state/inventory/computer-applications.js';
import type { Computer } from '../../state/inventory/computers.js';
import { seededRandom } from '../../state/inventory/seeded-random.js';
import type { Route } from '../route.js';
import { classicComputers } from './classic-computers.js';
import { daysWithin, parseClassicDateRange } from './classic-date-range.js';
import { classicError } from './classic-error.js';
import { classicResponse } from './classic-format.js';
import { classicNotFound, findClassicRow, guarded } from './classic-resource.js';

/**
 * The Classic schema `computer_application_usage`: a `usage` element per day, its `date` and its
 * `apps`, each `app` with `name`, `version`, `foreground` and `open` (minutes), in that order (a
 * public usage report script reads `foreground` two lines after `name` in the pretty-printed
 * XML). The JSON form is `{"computer_application_usage": [{date, apps: [...]}]}`, `[]` for no
 * usage: ruby-jss reads `day_hash[:date]` and `day_hash[:apps]` (`application_usage` in
 * `lib/jamf/api/classic/api_objects/computer.rb`), and public scripts test an empty answer for
 * `{"computer_application_usage":[]}` and read `//computer_application_usage/usage/apps/app/name`.
 */
const USAGE_SHAPE: XmlShape = {
  a: 'usage',
  i: {
    o: {
      date: 's',
      apps: { a: 'app', i: { o: { name: 's', version: 's', foreground: 'n', open: 'n' } } },
    },
  },
};

/** A day as the report writes it: `2018/01/29`, the schema's example (unverified on the wire). */
function usageDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10).replaceAll('-', '/');
}

/**
 * What `computer` did on `day`: each of its applications used that day with its foreground and
 * open minutes (open at least foreground), from the mock's seed, the computer's UDID and the day,
 * so the same request always gets the same answer. Invented: the mock records no usage.
 */
function usageOn(computer: Readonly<Computer>, seed: number, day: number) {
  let hash = (seed ^ Math.floor(day / 86_400_000)) >>> 0;
  for (const char of computer.udid) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  const random = seededRandom(hash);
  const apps: Record<string, unknown>[] = [];
  for (const app of computerApplications(computer, seed)) {
    if (random.next() < 0.4) continue;
    const foreground = random.int(1, 240);
    apps.push({
      name: app.name,
      version: app.version,
      foreground,
      open: foreground + random.int(0, 300),
    });
  }
  return apps;
}

/**
 * Classic `computerapplicationusage` (read only): `GET /{lookup}/{key}/{start}_{end}` by `id`,
 * `name`, `udid`, `serialnumber` and `macaddress` (the 11.30.1 Classic spec's five paths), the
 * dates `yyyy-mm-dd`. One `usage` per day of the range on which the computer used an application,
 * only days between its first inventory (`initial_entry_date`) and the mock clock's today; the
 * minutes are seeded, not recorded (unverified: the mock keeps no usage). An unknown computer is
 * the 404 page; a range that is not two real `yyyy-mm-dd` dates joined by `_` is 400 (unverified).
 * `Read Computers` (unverified; a public usage report script asks for Read Computers and Read
 * Computer Inventory Collection).
 */
export function classicApplicationUsageRoutes(): Route[] {
  return ['id', ...Object.keys(classicComputers.lookups)].map((by) => ({
    method: 'GET',
    path: `/JSSResource/computerapplicationusage/${by}/{key}/{range}`,
    handle: guarded(classicComputers, 'GET', (ctx) => {
      const computer = findClassicRow(classicComputers, ctx, by);
      if (computer === undefined) return classicNotFound();
      const range = parseClassicDateRange(ctx.params.range ?? '');
      if (range === undefined) return classicError(400, 'Date range must be yyyy-mm-dd_yyyy-mm-dd');
      const usage = daysWithin(range, computer.initialEntryDate, ctx.clock.now())
        .map((day) => ({ date: usageDate(day), apps: usageOn(computer, ctx.state.seed, day) }))
        .filter((entry) => entry.apps.length > 0);
      return classicResponse(ctx.request, 'computer_application_usage', usage, 200, USAGE_SHAPE);
    }),
  }));
}
