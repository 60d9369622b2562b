import { hasPrivileges } from '../../state/principal.js';
import type { Route, RouteContext } from '../route.js';
import { classicError } from './classic-error.js';
import { classicResponse, readClassicXml } from './classic-format.js';
import { classicNotFound, xmlText } from './classic-resource.js';

// Classic `logflush`: paths and the XML body from the 11.30.1 Classic spec (`/logflush`,
// `/logflush/{log}/interval/{interval}`, `/logflush/{log}/id/{id}/interval/{interval}`): "Interval
// is a combination of Zero, One, Two, Three, Six, and Day, Week, Month, Year", e.g.
// `Three+Months`, and its body sample writes `<log>policy</log>` and `THREE MONTHS`, so both
// `policy` and `policies`, and `+` or spaces in any case, are accepted; the spec declares 200.
// The mock keeps no policy logs (the computer history's `policy_logs` is empty), so a flush
// checks its request and changes nothing. Unverified: the 400 and 404 refusals, and the answer's
// body (the request echoed as `<logflush>`).

/** The privilege Jamf lists for flushing logs (`Flush Policy Logs`, 11.25.2 privileges). */
const FLUSH_PRIVILEGE = 'Flush Policy Logs';

/** The logs the spec documents: policy logs, singular or plural. */
const LOGS: ReadonlySet<string> = new Set(['policy', 'policies']);

/** `Zero+Days`, `One Week`, `THREE MONTHS`: a count word and a unit, singular or plural. */
const INTERVAL = /^(zero|one|two|three|six)[+\s]+(day|week|month|year)s?$/i;

/** What one flush names; `policyId` only for one policy's log. */
interface LogFlushRequest {
  log: string;
  interval: string;
  policyId?: string;
}

function logFlush(ctx: RouteContext, request: LogFlushRequest): Response {
  const { principal } = ctx;
  if (principal === undefined || !hasPrivileges(principal, [FLUSH_PRIVILEGE]))
    return classicError(403, `The account lacks the privilege ${FLUSH_PRIVILEGE}`);
  if (!LOGS.has(request.log.trim().toLowerCase()))
    return classicError(400, `Unknown log ${request.log}: policy logs are flushed`);
  if (!INTERVAL.test(request.interval.trim()))
    return classicError(
      400,
      'Interval must be Zero, One, Two, Three or Six Days, Weeks, Months or Years',
    );
  const echo: Record<string, unknown> = { log: request.log, interval: request.interval };
  if (request.policyId !== undefined) {
    const id = request.policyId.trim();
    if (!/^\d{1,9}$/.test(id) || ctx.state.policies.get(Number(id)) === undefined)
      return classicNotFound();
    echo.log_id = Number(id);
  }
  return classicResponse(ctx.request, 'logflush', echo);
}

/**
 * Classic `logflush`: `DELETE …/{log}/interval/{interval}`, `…/{log}/id/{id}/interval/{interval}`
 * and `DELETE /JSSResource/logflush` with a `<logflush>` body, needing `Flush Policy Logs`. The
 * mock records no policy logs, so a valid flush answers 200 and changes nothing.
 */
export function classicLogFlushRoutes(): Route[] {
  return [
    {
      method: 'DELETE',
      path: '/JSSResource/logflush/{log}/interval/{interval}',
      handle: (ctx) =>
        logFlush(ctx, { log: ctx.params.log ?? '', interval: ctx.params.interval ?? '' }),
    },
    {
      method: 'DELETE',
      path: '/JSSResource/logflush/{log}/id/{id}/interval/{interval}',
      handle: (ctx) =>
        logFlush(ctx, {
          log: ctx.params.log ?? '',
          interval: ctx.params.interval ?? '',
          policyId: ctx.params.id ?? '',
        }),
    },
    {
      method: 'DELETE',
      path: '/JSSResource/logflush',
      handle: async (ctx) => {
        const read = await readClassicXml(ctx.request, 'logflush', ctx.maxBodyBytes);
        if ('error' in read) return read.error;
        return logFlush(ctx, {
          log: xmlText(read.value, 'log') ?? '',
          interval: xmlText(read.value, 'interval') ?? '',
          policyId: xmlText(read.value, 'log_id'),
        });
      },
    },
  ];
}
