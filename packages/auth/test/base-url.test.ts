import { describe, expect, it } from 'vitest';
import { clientCredentials, isJamfAuthError, userCredentials } from '../src/index.js';
import { startFakeJamf } from './support/fake-jamf.js';

const creds = { username: 'admin', password: 'correct horse' };

describe('baseUrl', () => {
  it.each([
    'https://jamf.example.com',
    'https://jamf.example.com/',
    'https://jamf.example.com/api',
    'https://jamf.example.com/api/',
    'https://jamf.example.com/JSSResource',
    'https://jamf.example.com/JSSResource/',
  ])('%s → origin https://jamf.example.com', (baseUrl) => {
    expect(userCredentials({ baseUrl, ...creds }).origin).toBe('https://jamf.example.com');
  });

  it.each(['/api', '/api/', '/JSSResource', '', '/'])(
    'sends token requests to the server root whatever the suffix (%s)',
    async (suffix) => {
      const jamf = await startFakeJamf();
      try {
        await userCredentials({ baseUrl: `${jamf.url}${suffix}`, ...creds }).getToken();
        expect(jamf.calls.map((c) => c.path)).toEqual(['/api/v1/auth/token']);
      } finally {
        await jamf.close();
      }
    },
  );

  it('refuses http:// to a non-loopback host with INSECURE_TRANSPORT', () => {
    let error: unknown;
    try {
      clientCredentials({ baseUrl: 'http://jamf.example.com', clientId: 'a', clientSecret: 'b' });
    } catch (e) {
      error = e;
    }
    expect(isJamfAuthError(error, 'INSECURE_TRANSPORT')).toBe(true);
  });

  it('allows http:// to a non-loopback host only when asked', () => {
    const provider = userCredentials({
      baseUrl: 'http://jamf.internal:8080/api',
      ...creds,
      allowInsecureHttp: true,
    });
    expect(provider.origin).toBe('http://jamf.internal:8080');
  });

  it.each([
    'http://127.0.0.1:8080',
    'http://127.255.0.9',
    'http://127.1:8080',
    'http://localhost:1',
    'http://[::1]:9000',
  ])('allows http:// to loopback (%s)', (baseUrl) => {
    expect(() => userCredentials({ baseUrl, ...creds })).not.toThrow();
  });

  it.each([
    'http://127.attacker.example',
    'http://127.0.0.1.attacker.example',
    'http://localhost.attacker.example',
    'http://jamf.localhost',
    'http://128.0.0.1',
    'http://[::2]',
  ])('refuses http:// to %s, which is not loopback', (baseUrl) => {
    expect(() => userCredentials({ baseUrl, ...creds })).toThrow(
      expect.objectContaining({ code: 'INSECURE_TRANSPORT' }),
    );
  });

  it.each([
    ['not a url', 'INVALID_BASE_URL'],
    ['ftp://jamf.example.com', 'INVALID_BASE_URL'],
    ['https://admin:pw@jamf.example.com', 'INVALID_BASE_URL'],
  ] as const)('rejects %s', (baseUrl, code) => {
    expect(() => userCredentials({ baseUrl, ...creds })).toThrow(expect.objectContaining({ code }));
  });

  it('needs a username and password, naming what is missing', () => {
    expect(() =>
      userCredentials({ baseUrl: 'https://jamf.example.com', username: '', password: '' }),
    ).toThrow(
      expect.objectContaining({
        code: 'MISSING_CREDENTIALS',
        message: 'missing username, password',
      }),
    );
  });
});
