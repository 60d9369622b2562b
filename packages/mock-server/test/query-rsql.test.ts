import { beforeEach, describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

// The mock reads RSQL with @jamf/core's escape rule: inside quotes a backslash makes the next
// character literal, so `\*` is a star and only a bare `*` is a wildcard.

const jamf = setupJamfMock();
let token = '';

const NAMES = ['50*off', '50 percent off', 'C:\\temp', 'say "hi"', "it's", 'Zürich (HQ), 2; x'];

beforeEach(async () => {
  token = await userToken(jamf);
  for (const displayName of NAMES) {
    const created = await api(jamf, token, 'POST', '/v1/api-roles', {
      displayName,
      privileges: [],
    });
    expect(created.status).toBe(200);
  }
});

async function names(filter: string): Promise<string[]> {
  const response = await api(
    jamf,
    token,
    'GET',
    `/v1/api-roles?filter=${encodeURIComponent(filter)}`,
  );
  expect(response.status).toBe(200);
  const page = (await response.json()) as { results: { displayName: string }[] };
  return page.results.map((role) => role.displayName);
}

describe('RSQL filter escapes', () => {
  it('takes an escaped star literally and a bare star as a wildcard', async () => {
    expect(await names('displayName=="50\\*off"')).toEqual(['50*off']);
    expect(await names('displayName=="50*off"')).toEqual(['50*off', '50 percent off']);
    expect(await names('displayName==50*off')).toEqual(['50*off', '50 percent off']);
  });

  it('reads escaped backslashes and quotes, in either quote style', async () => {
    expect(await names('displayName=="C:\\\\temp"')).toEqual(['C:\\temp']);
    expect(await names('displayName=="say \\"hi\\""')).toEqual(['say "hi"']);
    expect(await names('displayName==\'say "hi"\'')).toEqual(['say "hi"']);
    expect(await names("displayName=='it\\'s'")).toEqual(["it's"]);
  });

  it('keeps reserved characters and non-ASCII inside quotes, in lists too', async () => {
    expect(await names('displayName=="Zürich (HQ), 2; x"')).toEqual(['Zürich (HQ), 2; x']);
    expect(await names('displayName=in=("50\\*off","it\'s")')).toEqual(['50*off', "it's"]);
  });

  it('answers 400 INVALID_RSQL_FILTER for an unterminated escape', async () => {
    const response = await api(
      jamf,
      token,
      'GET',
      `/v1/api-roles?filter=${encodeURIComponent('displayName=="x\\')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'INVALID_RSQL_FILTER', field: 'filter' }],
    });
  });

  it('answers 400 INVALID_RSQL_FILTER, not 500, for parentheses nested thousands deep', async () => {
    const filter = `${'('.repeat(5000)}displayName=="x"${')'.repeat(5000)}`;
    const response = await api(
      jamf,
      token,
      'GET',
      `/v1/buildings?filter=${encodeURIComponent(filter)}`,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errors: [{ code: 'INVALID_RSQL_FILTER', field: 'filter' }],
    });
    expect(jamf.internalErrors).toEqual([]);
  });
});
