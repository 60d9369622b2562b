import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

const jamf = setupJamfMock({ seed: 3 });

async function classicJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    headers: { authorization: `Bearer ${await userToken(jamf)}`, accept: 'application/json' },
  });
  return {
    status: response.status,
    body: (response.status === 200 ? await response.json() : undefined) as T,
  };
}

type PolicyList = { policies: { id: number; name: string }[] };

describe('Classic policy lookups of the Classic API reference', () => {
  it('answers /policies/id/{id}/subset/{subset} and by name with only those sections', async () => {
    const policy = jamf.state.policies.get(1);
    const byId = await classicJson<{ policy: Record<string, unknown> }>(
      '/policies/id/1/subset/General&Scripts',
    );
    expect(byId.status).toBe(200);
    expect(Object.keys(byId.body.policy)).toEqual(['general', 'scripts']);
    const byName = await classicJson<{ policy: Record<string, unknown> }>(
      `/policies/name/${encodeURIComponent(policy?.name ?? '')}/subset/Scope`,
    );
    expect(Object.keys(byName.body.policy)).toEqual(['scope']);
  });

  it('lists /policies/category/{category} by category id, name, or None', async () => {
    const all = [...jamf.state.policies.values()];
    const categorised = all.find((row) => row.categoryId !== -1);
    const category = jamf.state.categories.get(categorised?.categoryId ?? 0);
    const expected = all
      .filter((row) => row.categoryId === category?.id)
      .map((row) => ({ id: row.id, name: row.name }));
    expect(expected.length).toBeGreaterThan(0);
    expect((await classicJson<PolicyList>(`/policies/category/${category?.id}`)).body).toEqual({
      policies: expected,
    });
    const byName = await classicJson<PolicyList>(
      `/policies/category/${encodeURIComponent(category?.name ?? '')}`,
    );
    expect(byName.body.policies).toEqual(expected);
    jamf.state.policies.update(1, { categoryId: -1 });
    const none = await classicJson<PolicyList>('/policies/category/None');
    expect(none.body.policies.map((row) => row.id)).toContain(1);
    expect(none.body.policies.length).toBe(
      [...jamf.state.policies.values()].filter((row) => row.categoryId === -1).length,
    );
  });

  it('lists /policies/createdBy/jss (every policy made in the GUI or API) and none for casper', async () => {
    const jss = await classicJson<PolicyList>('/policies/createdBy/jss');
    expect(jss.body.policies).toHaveLength(jamf.state.policies.size);
    expect((await classicJson<PolicyList>('/policies/createdBy/casper')).body.policies).toEqual([]);
  });
});
