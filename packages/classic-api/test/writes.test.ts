import { XMLParser } from 'fast-xml-parser';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClassicApiError, createClassicClient } from '../src/index.js';
import { bearerFetch, classicEmulation, ORIGIN } from './support/classic-emulation.js';

const emulation = classicEmulation({
  categories: [{ id: 1, name: 'Utilities', priority: 9 }],
  departments: [{ id: 2, name: 'Finance' }],
  buildings: [{ id: 3, name: 'HQ', city: 'Minneapolis' }],
  scripts: [{ id: 4, name: 'cleanup.sh', priority: 'After' }],
  computergroups: [{ id: 5, name: 'Lab', is_smart: false, computers: [{ id: 1, name: 'mac-1' }] }],
  policies: [{ id: 6, general: { id: 6, name: 'Update Inventory', enabled: true } }],
  accountusers: [{ id: 8, name: 'auditor', access_level: 'Full Access', privilege_set: 'Auditor' }],
  accountgroups: [{ id: 9, name: 'Helpdesk', access_level: 'Full Access' }],
});
const server = setupServer(...emulation.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  emulation.received.length = 0;
});
afterAll(() => server.close());

const classic = createClassicClient({ baseUrl: `${ORIGIN}/JSSResource/`, fetch: bearerFetch });
const lastWrite = () => {
  const write = emulation.received.at(-1);
  if (!write) throw new Error('nothing received');
  return write;
};
const parsedBody = () =>
  new XMLParser({ parseTagValue: false, trimValues: false, ignoreDeclaration: true }).parse(
    lastWrite().body,
  ) as Record<string, unknown>;

describe('categories, departments, buildings and scripts', () => {
  it('creates a category by POSTing XML to /id/0 and returns the id from the 201', async () => {
    const id = await classic.categories.create({ name: 'Printers & Scanners', priority: 5 });
    expect(id).toBeGreaterThanOrEqual(1000);
    expect(lastWrite()).toMatchObject({
      method: 'POST',
      path: '/JSSResource/categories/id/0',
      contentType: 'application/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><category><name>Printers &amp; Scanners</name><priority>5</priority></category>',
    });
    expect(await classic.categories.get({ id })).toMatchObject({
      name: 'Printers & Scanners',
      priority: '5',
    });
  });

  it("reports a duplicate name as CONFLICT with Jamf's message", async () => {
    const error = await classic.departments.create({ name: 'Finance' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassicApiError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: 'Duplicate name',
      method: 'POST',
    });
  });

  it('updates and deletes a building by id', async () => {
    expect(await classic.buildings.update({ id: 3 }, { name: '' })).toBe(3);
    expect(lastWrite()).toMatchObject({ method: 'PUT', path: '/JSSResource/buildings/id/3' });
    expect(lastWrite().body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><building><name></name></building>',
    );
    await classic.buildings.delete({ id: 3 });
    expect(lastWrite()).toMatchObject({ method: 'DELETE', path: '/JSSResource/buildings/id/3' });
    await expect(classic.buildings.get({ id: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends script contents with shell metacharacters intact', async () => {
    const contents = '#!/bin/zsh\n[[ -f "$1" ]] && echo "<done> & \'ok\'"\n';
    await classic.scripts.create({
      name: 'check.sh',
      priority: 'Before',
      script_contents: contents,
    });
    expect((parsedBody().script as Record<string, unknown>).script_contents).toBe(contents);
    expect((await classic.scripts.get({ name: 'check.sh' })).script_contents).toBe(contents);
  });
});

describe('computer groups', () => {
  it('creates a static group with its members in a sized wrapper', async () => {
    await classic.computergroups.create({
      name: 'Static Lab',
      is_smart: false,
      computers: [{ id: 1 }, { id: 2, name: 'mac-2' }],
    });
    expect(lastWrite().body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><computer_group><name>Static Lab</name><is_smart>false</is_smart>' +
        '<computers><size>2</size><computer><id>1</id></computer><computer><id>2</id><name>mac-2</name></computer></computers>' +
        '</computer_group>',
    );
  });

  it('creates a smart group with criteria', async () => {
    await classic.computergroups.create({
      name: 'Old macOS',
      is_smart: true,
      criteria: [
        {
          name: 'Operating System Version',
          priority: 0,
          and_or: 'and',
          search_type: 'less than',
          value: '14.0',
        },
        {
          name: 'Last Check-in',
          priority: 1,
          and_or: 'or',
          search_type: 'more than x days ago',
          value: '30',
        },
      ],
    });
    const group = parsedBody().computer_group as {
      criteria: { size: string; criterion: unknown[] };
    };
    expect(group.criteria.size).toBe('2');
    expect(group.criteria.criterion).toEqual([
      {
        name: 'Operating System Version',
        priority: '0',
        and_or: 'and',
        search_type: 'less than',
        value: '14.0',
      },
      {
        name: 'Last Check-in',
        priority: '1',
        and_or: 'or',
        search_type: 'more than x days ago',
        value: '30',
      },
    ]);
  });

  it('empties a static group with an empty wrapper rather than omitting it', async () => {
    await classic.computergroups.update({ id: 5 }, { computers: [] });
    expect(lastWrite().body).toContain(
      '<computer_group><computers><size>0</size></computers></computer_group>',
    );
  });

  it('reads a group by name', async () => {
    expect(await classic.computergroups.get({ name: 'Lab' })).toMatchObject({
      id: 5,
      computers: [{ id: 1 }],
    });
  });
});

describe('policies', () => {
  it('creates a policy with general settings, scope and scripts', async () => {
    await classic.policies.create({
      general: {
        name: 'Install Tools',
        enabled: true,
        frequency: 'Once per computer',
        trigger_checkin: true,
      },
      scope: { all_computers: false, computer_groups: [{ id: 5 }] },
      scripts: [{ id: 4, priority: 'After', parameter4: '--quiet' }],
    });
    const policy = parsedBody().policy as Record<string, Record<string, unknown>>;
    expect(policy.general).toEqual({
      name: 'Install Tools',
      enabled: 'true',
      frequency: 'Once per computer',
      trigger_checkin: 'true',
    });
    expect(policy.scope).toEqual({
      all_computers: 'false',
      computer_groups: { computer_group: { id: '5' } },
    });
    expect(policy.scripts).toMatchObject({
      script: { id: '4', priority: 'After', parameter4: '--quiet' },
    });
    expect((await classic.policies.get({ name: 'Install Tools' })).general?.name).toBe(
      'Install Tools',
    );
  });
});

describe('accounts', () => {
  it('creates, reads and deletes users and groups at /accounts/userid and /accounts/groupid', async () => {
    const userId = await classic.accountusers.create({
      name: 'ci-bot',
      access_level: 'Full Access',
      privilege_set: 'Custom',
    });
    expect(lastWrite()).toMatchObject({ method: 'POST', path: '/JSSResource/accounts/userid/0' });
    expect(lastWrite().body).toContain('<account><name>ci-bot</name>');
    expect((await classic.accountusers.get({ name: 'ci-bot' })).id).toBe(userId);
    await classic.accountusers.delete({ id: userId });
    expect((await classic.accountgroups.get({ id: 9 })).name).toBe('Helpdesk');
    await classic.accountgroups.create({ name: 'Auditors', access_level: 'Full Access' });
    expect(lastWrite()).toMatchObject({ method: 'POST', path: '/JSSResource/accounts/groupid/0' });
    expect(lastWrite().body).toContain('<group><name>Auditors</name>');
  });
});
