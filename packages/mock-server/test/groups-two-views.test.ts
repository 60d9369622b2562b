import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// Computer groups are one state with two views: Pro's smart/static groups and Classic's
// /JSSResource/computergroups list the same groups with the same members.
const jamf = setupJamfMock({ seed: 3 });
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
});

interface ClassicGroup {
  id: number;
  name: string;
  is_smart: boolean;
  criteria?: { name: string; value: string }[];
  computers?: { id: number }[];
}

async function classic<T>(path: string): Promise<T> {
  const response = await fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function pro<T>(path: string): Promise<T> {
  const response = await api(jamf, token, 'GET', path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Page = { totalCount: number; results: { id: string; name: string }[] };

describe('computer groups in Pro and Classic', () => {
  it('list the same smart and static groups', async () => {
    const { computer_groups: all } = await classic<{ computer_groups: ClassicGroup[] }>(
      '/computergroups',
    );
    for (const version of ['v2', 'v3']) {
      const smart = await pro<Page>(`/${version}/computer-groups/smart-groups?page-size=100`);
      const statics = await pro<Page>(`/${version}/computer-groups/static-groups?page-size=100`);
      expect(smart.results.map((g) => g.name)).toEqual(
        all.filter((g) => g.is_smart).map((g) => g.name),
      );
      expect(statics.results.map((g) => g.name)).toEqual(
        all.filter((g) => !g.is_smart).map((g) => g.name),
      );
      expect(smart.totalCount + statics.totalCount).toBe(all.length);
    }
  });

  it('a smart group made in Pro is the group Classic shows, with the same members', async () => {
    const created = await api(jamf, token, 'POST', '/v3/computer-groups/smart-groups', {
      name: 'Sonoma Macs',
      criteria: [
        {
          name: 'Operating System Version',
          priority: 0,
          andOr: 'and',
          searchType: 'like',
          value: '14.',
        },
      ],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const { computer_group: group } = await classic<{ computer_group: ClassicGroup }>(
      `/computergroups/id/${id}`,
    );
    expect(group).toMatchObject({ name: 'Sonoma Macs', is_smart: true });
    expect(group.criteria?.[0]).toMatchObject({ name: 'Operating System Version', value: '14.' });
    const { members } = await pro<{ members: number[] }>(
      `/v2/computer-groups/smart-group-membership/${id}`,
    );
    expect(members.length).toBeGreaterThan(0);
    expect(members).toEqual(group.computers?.map((computer) => computer.id));
  });

  it('a static group edited in Pro changes Classic, and a deleted one is gone from both', async () => {
    const created = await api(jamf, token, 'POST', '/v3/computer-groups/static-groups', {
      name: 'Lab',
      assignments: ['1', '2'],
    });
    const { id } = (await created.json()) as { id: string };
    const replaced = await api(jamf, token, 'PUT', `/v3/computer-groups/static-groups/${id}`, {
      name: 'Lab',
      assignments: ['3'],
    });
    expect(replaced.status).toBe(202);
    const { computer_group: group } = await classic<{ computer_group: ClassicGroup }>(
      `/computergroups/id/${id}`,
    );
    expect(group.computers?.map((computer) => computer.id)).toEqual([3]);
    expect(
      (await api(jamf, token, 'DELETE', `/v3/computer-groups/static-groups/${id}`)).status,
    ).toBe(204);
    expect((await api(jamf, token, 'GET', `/v3/computer-groups/static-groups/${id}`)).status).toBe(
      404,
    );
    const gone = await fetch(`${jamf.baseUrl}/JSSResource/computergroups/id/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(gone.status).toBe(404);
  });

  it('refuses a second group with the same name, changing nothing', async () => {
    const before = await pro<Page>('/v3/computer-groups/smart-groups?page-size=100');
    const taken = before.results[0]?.name ?? '';
    const refused = await api(jamf, token, 'POST', '/v3/computer-groups/smart-groups', {
      name: taken,
    });
    expect(refused.status).toBe(400);
    expect(await pro<Page>('/v3/computer-groups/smart-groups?page-size=100')).toEqual(before);
  });
});
