import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { JamfServerUrlError, toRequest } from '../src/index.js';

describe('toRequest', () => {
  it("hands back the caller's Request when no init changes it", () => {
    const request = new Request('https://tenant.example.com/api/v1/jamf-pro-version');
    expect(toRequest(request)).toBe(request);
  });

  it('builds a Request from a URL and init, or from a Request and an init', () => {
    const fromUrl = toRequest(new URL('https://tenant.example.com/api/v1/api-roles'), {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(fromUrl.method).toBe('POST');
    expect(fromUrl.headers.get('accept')).toBe('application/json');

    const original = new Request('https://tenant.example.com/api/v1/api-roles');
    const changed = toRequest(original, { method: 'DELETE' });
    expect(changed).not.toBe(original);
    expect(changed.method).toBe('DELETE');
    expect(changed.url).toBe(original.url);
  });

  it('refuses a URL holding a password without quoting it (the platform error quotes the URL)', () => {
    for (const url of [
      'https://admin:S3cret-pw@tenant.example.com/api',
      new URL('https://u:S3cret-pw@h.example.com/'),
    ]) {
      let thrown: unknown;
      try {
        toRequest(url, { method: 'GET' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(JamfServerUrlError);
      expect(thrown).toMatchObject({ code: 'INVALID_BASE_URL' });
      const printed = [
        String(thrown),
        (thrown as Error).stack,
        inspect(thrown, { depth: 10 }),
        JSON.stringify(thrown),
      ].join('\n');
      expect(printed).not.toContain('S3cret-pw');
    }
    expect(() => toRequest('https://tenant.example.com/', { method: 'BAD METHOD' })).toThrow(
      TypeError,
    );
  });
});
