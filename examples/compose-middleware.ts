/**
 * Example: an app's Jamf client with the full middleware stack — auth, retry, concurrency and
 * sticky sessions — reading the computers' operating systems.
 *
 *   npx tsx examples/compose-middleware.ts      (offline mock, or JAMF_URL/JAMF_USERNAME/JAMF_PASSWORD)
 */
import { pathToFileURL } from 'node:url';
import { authMiddleware, type TokenProvider, userCredentials } from '@jamf/auth';
import {
  type RetryOptions,
  retry,
  withConcurrency,
  withStickySession,
} from '@jamf/auth/resilience';
import { createProClient, type ProClient, paginate } from '@jamf/pro-api';
import { resolveTarget } from './demo/target.js';

/**
 * Order matters: auth is outermost so a 401 replay goes through the rest; retry sits outside
 * concurrency so a back-off wait never holds one of Jamf's five slots; the sticky-session cookie
 * is set on every physical request. Concurrency and sticky sessions wrap the client's `fetch`, so
 * the retries `retry()` sends pass through them too.
 */
export function createAppClient(
  baseUrl: string,
  provider: TokenProvider,
  retryOptions?: RetryOptions,
): ProClient {
  return createProClient({
    baseUrl,
    fetch: withConcurrency(withStickySession(fetch), { max: 5 }),
    middleware: [authMiddleware(provider), retry(retryOptions)],
  });
}

/** Counts computers per macOS version. */
export async function osVersionReport(jamf: ProClient): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const computer of paginate(jamf, '/v1/computers-inventory', {
    params: { query: { section: ['OPERATING_SYSTEM'] } },
    concurrency: 5,
  })) {
    const version = computer.operatingSystem?.version ?? 'unknown';
    counts.set(version, (counts.get(version) ?? 0) + 1);
  }
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = await resolveTarget(process.env);
  try {
    await using provider = userCredentials({ ...target, allowInsecureHttp: true });
    const report = await osVersionReport(createAppClient(target.baseUrl, provider));
    for (const [version, count] of report) console.log(`macOS ${version.padEnd(8)} ${count}`);
  } finally {
    await target.close();
  }
}
