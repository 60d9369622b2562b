import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

const jamf = setupJamfMock();
watchContract(jamf);

describe('keep-alive and invalidate-token', () => {
  it('keep-alive returns a new token and the old one stops working', async () => {
    const old = await userToken(jamf);
    const renewed = await api(jamf, old, 'POST', '/v1/auth/keep-alive');
    expect(renewed.status).toBe(200);
    const { token, expires } = (await renewed.json()) as { token: string; expires: string };
    expect(token).not.toBe(old);
    expect(Date.parse(expires)).toBeGreaterThan(jamf.clock.now());
    expect((await api(jamf, old, 'GET', '/v1/auth')).status).toBe(401);
    expect((await api(jamf, token, 'GET', '/v1/auth')).status).toBe(200);
  });

  it('keep-alive with a dead token is a 401 and issues nothing', async () => {
    const token = await userToken(jamf);
    await api(jamf, token, 'POST', '/v1/auth/invalidate-token');
    const before = jamf.state.tokens.size;
    const response = await api(jamf, token, 'POST', '/v1/auth/keep-alive');
    expect(response.status).toBe(401);
    expect(jamf.state.tokens.size).toBe(before);
  });

  it('invalidate-token answers 204, then the token gets 401 {"httpStatus":401,"errors":[]}', async () => {
    const token = await userToken(jamf);
    const invalidated = await api(jamf, token, 'POST', '/v1/auth/invalidate-token');
    expect(invalidated.status).toBe(204);
    expect(await invalidated.text()).toBe('');
    const after = await api(jamf, token, 'GET', '/v1/api-roles');
    expect(after.status).toBe(401);
    expect(await after.text()).toBe('{"httpStatus":401,"errors":[]}');
  });

  it('invalidating one token leaves the others alive', async () => {
    const first = await userToken(jamf);
    const second = await userToken(jamf);
    await api(jamf, first, 'POST', '/v1/auth/invalidate-token');
    expect((await api(jamf, second, 'GET', '/v1/auth')).status).toBe(200);
  });
});
