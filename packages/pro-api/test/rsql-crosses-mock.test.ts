import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProClient, type ProClient } from '../src/index.js';
import { rsql } from '../src/rsql.js';

// The builder (`rsql`) and the mock's parser share @jamf/core's one RSQL escape rule; this test
// crosses the two over HTTP: any value, however awkward, matches itself and nothing it would
// match if a `*` in it were taken for a wildcard.

let server: JamfMockServer;

beforeAll(async () => {
  server = await startJamfMockServer({
    accounts: [{ username: 'admin', password: 'admin-pass', privileges: 'all' }],
  });
});
afterAll(() => server.close());

/** A client on fresh mock state, logged in as the admin. */
async function freshClient(): Promise<ProClient> {
  server.mock.reset();
  const response = await fetch(`${server.url}/api/v1/auth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa('admin:admin-pass')}` },
  });
  const { token } = (await response.json()) as { token: string };
  return createProClient({ baseUrl: server.url, headers: { authorization: `Bearer ${token}` } });
}

async function createRole(pro: ProClient, displayName: string): Promise<void> {
  const { response } = await pro.POST('/v1/api-roles', { body: { displayName, privileges: [] } });
  expect(response.status).toBe(200);
}

async function matching(pro: ProClient, filter: string): Promise<string[]> {
  const { data, response } = await pro.GET('/v1/api-roles', {
    params: { query: { filter, 'page-size': 100 } },
  });
  expect(response.status).toBe(200);
  return (data?.results ?? []).map((role) => role.displayName);
}

/** Text full of what RSQL reserves or escapes, plus spaces and non-ASCII. */
const awkward = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('*', '\\', '"', "'", ',', '(', ')', ';', ' ', '=', '!', '<', '>', '~'),
      fc.constantFrom('é', 'ß', '漢', '🙂', 'Ω'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 16,
  })
  .filter((value) => value.trim() !== '');

/** The same text with every `*` turned into other characters: what a wildcard would match. */
const decoyOf = (value: string) => value.replaceAll('*', '#wild#');

describe('rsql builder against the mock parser', () => {
  // Each run is a few real HTTP exchanges; the property needs more than vitest's default 5 s.
  it('eq matches the value itself, never a wildcard reading of it', {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(awkward, async (value) => {
        const pro = await freshClient();
        await createRole(pro, value);
        if (value.includes('*')) await createRole(pro, decoyOf(value));
        expect(await matching(pro, String(rsql.eq('displayName', value)))).toEqual([value]);
        expect(await matching(pro, String(rsql.in('displayName', [value, 'none'])))).toEqual([
          value,
        ]);
      }),
      { numRuns: 60 },
    );
  });

  it('contains takes its text literally around its own wildcards', {
    timeout: 120_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(awkward, async (value) => {
        const pro = await freshClient();
        await createRole(pro, `<${value}>`);
        if (value.includes('*')) await createRole(pro, `<${decoyOf(value)}>`);
        expect(await matching(pro, String(rsql.contains('displayName', value)))).toEqual([
          `<${value}>`,
        ]);
      }),
      { numRuns: 40 },
    );
  });
});
