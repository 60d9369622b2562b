import { describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import { listSpecOperations } from '../src/spec/openapi-document.js';
import { setupJamfMock } from '../src/vitest.js';

// Operations the spec marks `x-authentication-required: false` are answered without a token,
// as Jamf serves them (startup status, health check, locales, …); every other one still needs one.
const jamf = setupJamfMock({ seed: 3 });
const spec = proSpec;
const publicReads = listSpecOperations(spec).filter(
  (operation) => operation.isPublic && operation.method === 'get' && !operation.path.includes('{'),
);

describe('operations Jamf serves without a token', () => {
  it('the spec names some, and the rest of the API still answers 401 without one', async () => {
    expect(publicReads.map((operation) => operation.path)).toEqual(
      expect.arrayContaining(['/startup-status', '/v1/health-check', '/v1/locales']),
    );
    const guarded = await fetch(`${jamf.baseUrl}/api/v1/jamf-pro-version`);
    expect(guarded.status).toBe(401);
  });

  it.each(publicReads.map((operation) => [operation.path]))(
    'GET %s answers without an Authorization header',
    async (path) => {
      const response = await fetch(`${jamf.baseUrl}/api${path}`);
      expect(response.status).toBeLessThan(400);
      await response.arrayBuffer();
    },
  );

  it('startup status reports a server that has finished starting', async () => {
    const response = await fetch(`${jamf.baseUrl}/api/startup-status`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      step: 'SERVER_INIT_COMPLETE',
      stepCode: 'SERVER_INIT_COMPLETE',
      percentage: 100,
      setupAssistantNecessary: false,
    });
  });

  it('health check answers 204 without a token', async () => {
    const response = await fetch(`${jamf.baseUrl}/api/v1/health-check`);
    expect(response.status).toBe(204);
  });
});
