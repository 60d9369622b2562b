import { describe, expect, it } from 'vitest';
import { toRequest } from '../src/index.js';

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
});
