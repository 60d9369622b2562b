import { afterEach, describe, expect, it, vi } from 'vitest';
import { MockOptionError } from '../src/index.js';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';

const jamf = setupJamfMock();

afterEach(() => {
  vi.useRealTimers();
});

describe('mock.faults', () => {
  it('answers a status for the given number of times, then behaves again', async () => {
    const token = await userToken(jamf);
    jamf.faults.add({ method: 'GET', path: '/api/v1/api-roles', status: 503, times: 2 });
    expect((await api(jamf, token, 'GET', '/v1/api-roles')).status).toBe(503);
    expect(
      (await api(jamf, token, 'POST', '/v1/api-roles', { displayName: 'x', privileges: [] }))
        .status,
    ).toBe(200);
    expect((await api(jamf, token, 'GET', '/v1/api-roles/')).status).toBe(503);
    expect((await api(jamf, token, 'GET', '/v1/api-roles')).status).toBe(200);
    expect(jamf.faults.size).toBe(0);
  });

  it('answers 429 with Retry-After and a Jamf-shaped body, before authentication', async () => {
    jamf.faults.add({
      path: '/api/v1/api-roles/{id}',
      status: 429,
      retryAfterSeconds: 7,
      times: 1,
    });
    const response = await fetch(`${jamf.baseUrl}/api/v1/api-roles/12`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toMatchObject({
      httpStatus: 429,
      errors: [{ code: 'TOO_MANY_REQUESTS' }],
    });
  });

  it('fails as a network error: fetch rejects', async () => {
    jamf.faults.add({ path: '/api/v1/auth/token', networkError: true, times: 1 });
    await expect(userToken(jamf)).rejects.toThrow(TypeError);
    await expect(userToken(jamf)).resolves.toEqual(expect.any(String));
  });

  it('delays by latencyMs on timers, so fake timers control it', async () => {
    const token = await userToken(jamf);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    jamf.faults.add({ path: '/api/v1/api-roles', latencyMs: 5_000 });
    let settled = false;
    const pending = api(jamf, token, 'GET', '/v1/api-roles').then((response) => {
      settled = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('matches wildcards and unknown paths, and the remover takes a fault back', async () => {
    const remove = jamf.faults.add({ path: '/api/v2/*', status: 500 });
    const token = await userToken(jamf);
    expect((await api(jamf, token, 'GET', '/v2/mobile-devices')).status).toBe(500);
    expect((await api(jamf, token, 'GET', '/v2/no-such-thing')).status).toBe(500);
    remove();
    expect((await api(jamf, token, 'GET', '/v2/mobile-devices')).status).toBe(200);
  });

  it("counts requests in flight, so a test can check a client keeps to Jamf's limit", async () => {
    const token = await userToken(jamf);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    jamf.faults.add({ path: '/api/v1/api-roles', latencyMs: 100 });
    const calls = Array.from({ length: 7 }, () => api(jamf, token, 'GET', '/v1/api-roles'));
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all(calls);
    expect(jamf.stats.maxInFlight).toBe(7);
    expect(jamf.stats.inFlight).toBe(0);
  });

  it('is emptied by reset()', () => {
    jamf.faults.add({ path: '/api/*', status: 500 });
    jamf.reset();
    expect(jamf.faults.size).toBe(0);
  });

  it('refuses a fault that does nothing', () => {
    expect(() => jamf.faults.add({ path: '/api/x' })).toThrow(MockOptionError);
  });
});
