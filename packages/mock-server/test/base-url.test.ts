import { describe, expect, it } from 'vitest';
import { createJamfMock } from '../src/index.js';

describe('the base URL of a mock', () => {
  it('is the origin of the server address, however the address is written', () => {
    expect(createJamfMock().baseUrl).toBe('https://jamf.example.test');
    expect(createJamfMock({ baseUrl: 'https://h.example:8443/jamf/api/' }).baseUrl).toBe(
      'https://h.example:8443',
    );
    expect(createJamfMock({ baseUrl: 'http://127.0.0.1:9000/JSSResource' }).baseUrl).toBe(
      'http://127.0.0.1:9000',
    );
  });

  it('refuses an unusable address with a typed error that does not quote it', () => {
    for (const baseUrl of ['not a url', 'https://admin:secret@h.example', 'ftp://h.example']) {
      let thrown: unknown;
      try {
        createJamfMock({ baseUrl });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ name: 'JamfServerUrlError', code: 'INVALID_BASE_URL' });
      expect(String((thrown as Error).message)).not.toContain('secret');
    }
  });
});
