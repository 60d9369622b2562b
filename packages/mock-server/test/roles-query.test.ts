import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);
let token = '';

beforeEach(async () => {
  token = await userToken(jamf);
  const roles: [string, string[]][] = [
    ['Alpha readers', ['Read Computers']],
    ['beta writers', ['Create Computers', 'Read Computers']],
    ['Gamma', ['Read Buildings']],
    ['delta', []],
    ['Epsilon readers', ['Read Departments']],
    ['zeta', []],
    ['Eta', []],
    ['Theta', []],
    ['Iota', []],
    ['Kappa', []],
    ['Lambda', []],
  ];
  for (const [displayName, privileges] of roles) {
    expect(
      (await api(jamf, token, 'POST', '/v1/api-roles', { displayName, privileges })).status,
    ).toBe(200);
  }
});

interface Page {
  totalCount: number;
  results: { id: string; displayName: string }[];
}

async function list(query: string): Promise<Page> {
  const response = await api(jamf, token, 'GET', `/v1/api-roles${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe('/api/v1/api-roles paging, sort and RSQL filter', () => {
  it('sorts by id numerically by default and pages with page and page-size', async () => {
    const first = await list('?page=0&page-size=4');
    expect(first.totalCount).toBe(11);
    expect(first.results.map((role) => role.id)).toEqual(['1', '2', '3', '4']);
    const last = await list('?page=2&page-size=4');
    expect(last.results.map((role) => role.id)).toEqual(['9', '10', '11']);
    expect((await list('?page=3&page-size=4')).results).toEqual([]);
  });

  it('sorts by several keys, case-insensitively, in either direction', async () => {
    const byName = await list('?sort=displayName:desc&page-size=3');
    expect(byName.results.map((role) => role.displayName)).toEqual(['zeta', 'Theta', 'Lambda']);
    const repeated = await list('?sort=displayName:asc&sort=id:desc&page-size=2');
    expect(repeated.results.map((role) => role.displayName)).toEqual([
      'Alpha readers',
      'beta writers',
    ]);
  });

  it('filters with RSQL: wildcards, and/or, in, comparison, quoted values', async () => {
    const names = async (filter: string) =>
      (await list(`?filter=${encodeURIComponent(filter)}`)).results.map((role) => role.displayName);
    expect(await names('displayName==*readers')).toEqual(['Alpha readers', 'Epsilon readers']);
    expect(await names('displayName==ALPHA*,displayName==gamma')).toEqual([
      'Alpha readers',
      'Gamma',
    ]);
    expect(await names('id=in=(2,4);displayName!=delta')).toEqual(['beta writers']);
    expect(await names('id>=10')).toEqual(['Kappa', 'Lambda']);
    expect(await names('displayName=="beta writers" or id==3')).toEqual(['beta writers', 'Gamma']);
    expect(
      (await list(`?filter=${encodeURIComponent('displayName==*readers')}&page-size=1`)).totalCount,
    ).toBe(2);
  });

  it('rejects bad filters, unknown fields, bad sort and bad paging with Jamf-shaped 400s', async () => {
    const cases = [
      '?filter=displayName%3D%3D',
      '?filter=(id==1',
      '?filter=color==red',
      '?sort=displayName:sideways',
      '?sort=color:asc',
      '?page=-1',
      '?page-size=0',
      '?page-size=abc',
    ];
    for (const query of cases) {
      const response = await api(jamf, token, 'GET', `/v1/api-roles${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      const body = (await response.json()) as { httpStatus: number; errors: unknown[] };
      expect(body.httpStatus).toBe(400);
      expect(body.errors).toHaveLength(1);
    }
    expect(jamf.internalErrors).toEqual([]);
  });
});
