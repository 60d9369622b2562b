import { authMiddleware, userCredentials, withAuth } from '@jamf/auth';
import { setupJamfMock } from '@jamf/mock-server/vitest';
import { describe, expect, it } from 'vitest';
import { ClassicApiError, ClientOptionError, createClassicClient } from '../src/index.js';

const jamf = setupJamfMock();
const platformFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** A client authenticated the way users will do it: `@jamf/auth` tokens, same as the Pro API. */
function authenticatedClient() {
  const provider = userCredentials({
    baseUrl: jamf.baseUrl,
    username: 'admin',
    password: 'jamf1234',
  });
  return createClassicClient({ baseUrl: jamf.baseUrl, fetch: withAuth(platformFetch, provider) });
}

describe('against @jamf/mock-server with @jamf/auth', () => {
  it('reads computers as JSON: list, then by id and serial number', async () => {
    const classic = authenticatedClient();
    const computers = await classic.computers.list();
    expect(computers.length).toBeGreaterThan(0);
    const first = computers[0];
    if (first?.id === undefined) throw new Error('the mock lists no computer id');
    const computer = await classic.computers.get({ id: first.id });
    expect(computer.general?.name).toBe(first.name);
    const serial = computer.general?.serial_number;
    if (serial === undefined) throw new Error('the mock computer has no serial number');
    expect((await classic.computers.get({ serialnumber: serial })).general?.id).toBe(first.id);
  });

  it('reads a computer report under the root Jamf answers one with (computer_reports)', async () => {
    // classic-schemas.json names the computer_report schema computer_reports in XML, and
    // python-jamf reads a live server's report there; the client read computer_report.
    const classic = authenticatedClient();
    const [report] = await classic.computerreports.list();
    if (report?.id === undefined) throw new Error('the mock lists no computer report');
    const rows = await classic.computerreports.get({ id: report.id });
    expect(Array.isArray(rows)).toBe(true);
  });

  it('creates, reads, renames and deletes a category over XML', async () => {
    const classic = authenticatedClient();
    const id = await classic.categories.create({ name: 'Docs & <Guides>', priority: 4 });
    expect(await classic.categories.get({ id })).toMatchObject({
      id,
      name: 'Docs & <Guides>',
      priority: 4,
    });
    expect(await classic.categories.update({ id }, { name: 'Guides' })).toBe(id);
    expect((await classic.categories.get({ name: 'Guides' })).id).toBe(id);
    await classic.categories.delete({ id });
    const error = await classic.categories.get({ id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassicApiError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('turns the HTML 409 for a duplicate name into CONFLICT', async () => {
    const classic = authenticatedClient();
    await classic.departments.create({ name: 'Research' });
    const error = await classic.departments.create({ name: 'Research' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassicApiError);
    expect(error).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect((error as ClassicApiError).message).toMatch(/duplicate/i);
  });

  it('creates static and smart computer groups and reads them back', async () => {
    const classic = authenticatedClient();
    const [computer] = await classic.computers.list();
    if (computer?.id === undefined) throw new Error('the mock lists no computer id');
    const staticId = await classic.computergroups.create({
      name: 'Pinned',
      is_smart: false,
      computers: [{ id: computer.id }],
    });
    const pinned = await classic.computergroups.get({ id: staticId });
    expect(pinned).toMatchObject({ name: 'Pinned', is_smart: false });
    expect(pinned.computers?.map((c) => c.id)).toEqual([computer.id]);

    const smartId = await classic.computergroups.create({
      name: 'Named like the first',
      is_smart: true,
      criteria: [
        {
          name: 'Computer Name',
          priority: 0,
          and_or: 'and',
          search_type: 'is',
          value: computer.name ?? '',
        },
      ],
    });
    const smart = await classic.computergroups.get({ id: smartId });
    expect(smart.is_smart).toBe(true);
    expect(smart.criteria).toHaveLength(1);
    expect(smart.criteria?.[0]).toMatchObject({ name: 'Computer Name', search_type: 'is' });
  });

  it('answers UNAUTHORIZED without a token and keeps working after the server drops tokens', async () => {
    const anonymous = createClassicClient({
      baseUrl: `${jamf.baseUrl}/JSSResource`,
      fetch: platformFetch,
    });
    await expect(anonymous.buildings.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      status: 401,
    });
    const classic = authenticatedClient();
    await classic.buildings.list();
    jamf.expireTokens();
    expect(Array.isArray(await classic.buildings.list())).toBe(true);
  });

  it('also takes @jamf/auth as openapi-fetch-style middleware', async () => {
    const provider = userCredentials({
      baseUrl: jamf.baseUrl,
      username: 'admin',
      password: 'jamf1234',
    });
    const classic = createClassicClient({
      baseUrl: jamf.baseUrl,
      fetch: platformFetch,
      middleware: [authMiddleware(provider)],
    });
    const id = await classic.buildings.create({ name: 'Annex' });
    expect((await classic.buildings.get({ id })).name).toBe('Annex');
  });

  it('reads mobile devices and writes scripts and policies', async () => {
    const classic = authenticatedClient();
    const [device] = await classic.mobiledevices.list();
    if (device?.id === undefined) throw new Error('the mock lists no mobile device id');
    const read = await classic.mobiledevices.get({ id: device.id });
    expect(read.general?.name).toBe(device.name);

    const scriptId = await classic.scripts.create({
      name: 'hello.sh',
      priority: 'After',
      script_contents: '#!/bin/sh\necho "a & b" > /tmp/x',
    });
    // (The mock trims text values, so this script has no trailing newline.)
    expect((await classic.scripts.get({ id: scriptId })).script_contents).toBe(
      '#!/bin/sh\necho "a & b" > /tmp/x',
    );

    const policyId = await classic.policies.create({
      general: { name: 'Say hello', enabled: true, frequency: 'Ongoing' },
      scripts: [{ id: scriptId, priority: 'After' }],
    });
    const policy = await classic.policies.get({ id: policyId });
    expect(policy.general).toMatchObject({ name: 'Say hello', enabled: true });
    await classic.policies.delete({ id: policyId });
    await expect(classic.policies.get({ id: policyId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('createClassicClient({ auth })', () => {
  it('signs every call with the provider’s token; after the server drops it, one fresh token and one replay', async () => {
    await using provider = userCredentials({
      baseUrl: jamf.baseUrl,
      username: 'admin',
      password: 'jamf1234',
    });
    const classic = createClassicClient({ baseUrl: jamf.baseUrl, auth: provider });
    expect((await classic.computers.list()).length).toBeGreaterThan(0);
    const first = await provider.getToken();
    jamf.expireTokens();
    const id = await classic.categories.create({ name: 'Signed again', priority: 5 });
    expect((await classic.categories.get({ id })).name).toBe('Signed again');
    expect((await provider.getToken()).token).not.toBe(first.token);
  });

  it('refuses a provider for another server with ClientOptionError AUTH_ORIGIN_MISMATCH', async () => {
    await using elsewhere = userCredentials({
      baseUrl: 'https://other.jamfcloud.com',
      username: 'admin',
      password: 'never-shown',
    });
    const error = (() => {
      try {
        createClassicClient({ baseUrl: jamf.baseUrl, auth: elsewhere });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ClientOptionError);
    expect(error).toMatchObject({ code: 'AUTH_ORIGIN_MISMATCH' });
    expect(String(error)).not.toContain('never-shown');
  });
});
