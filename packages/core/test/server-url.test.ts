import { describe, expect, it } from 'vitest';
import { JamfServerUrlError, parseJamfServer } from '../src/index.js';

function refusal(baseUrl: string, options?: { allowInsecureHttp?: boolean }): JamfServerUrlError {
  try {
    parseJamfServer(baseUrl, options);
  } catch (error) {
    if (error instanceof JamfServerUrlError) return error;
    throw error;
  }
  throw new Error(`${baseUrl} was accepted`);
}

describe('parseJamfServer', () => {
  it.each([
    'https://h:8443/ctx',
    'https://h:8443/ctx/',
    'https://h:8443/ctx/api',
    'https://h:8443/ctx/api/',
    'https://h:8443/ctx/JSSResource',
    'https://h:8443/ctx/JSSResource//',
    'https://h:8443/ctx/uapi',
    'https://H:8443/ctx/jssresource',
  ])('%s → one server under /ctx', (baseUrl) => {
    expect(parseJamfServer(baseUrl)).toEqual({
      origin: 'https://h:8443',
      root: 'https://h:8443/ctx',
      apiRoot: 'https://h:8443/ctx/api',
      classicRoot: 'https://h:8443/ctx/JSSResource',
    });
  });

  it('reads a bare server and a URL object', () => {
    const expected = {
      origin: 'https://tenant.jamfcloud.com',
      root: 'https://tenant.jamfcloud.com',
      apiRoot: 'https://tenant.jamfcloud.com/api',
      classicRoot: 'https://tenant.jamfcloud.com/JSSResource',
    };
    expect(parseJamfServer('https://tenant.jamfcloud.com')).toEqual(expected);
    expect(parseJamfServer(new URL('https://tenant.jamfcloud.com/JSSResource'))).toEqual(expected);
  });

  it('drops the default port', () => {
    expect(parseJamfServer('https://h:443/api').origin).toBe('https://h');
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:1/api', 'http://[::1]:9000/JSSResource'])(
    'allows plain http to loopback (%s)',
    (baseUrl) => {
      expect(parseJamfServer(baseUrl).origin).toBe(baseUrl.replace(/\/(api|JSSResource)$/, ''));
    },
  );

  it.each([
    'http://jamf.example.com',
    'http://127.attacker.example',
    'http://localhost.evil.com:8080',
    'http://10.0.0.5/api',
  ])('refuses plain http to %s with INSECURE_TRANSPORT', (baseUrl) => {
    expect(refusal(baseUrl).code).toBe('INSECURE_TRANSPORT');
  });

  it('allows plain http anywhere only when asked', () => {
    expect(
      parseJamfServer('http://jamf.internal:8080/api', { allowInsecureHttp: true }).apiRoot,
    ).toBe('http://jamf.internal:8080/api');
  });

  it.each([
    'tenant.jamfcloud.com',
    '',
    'ftp://tenant.jamfcloud.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://tenant.jamfcloud.com/?x=1',
    'https://tenant.jamfcloud.com/#top',
  ])('refuses %j with INVALID_BASE_URL', (baseUrl) => {
    const error = refusal(baseUrl);
    expect(error).toBeInstanceOf(JamfServerUrlError);
    expect(error.code).toBe('INVALID_BASE_URL');
  });

  it.each([
    'https://admin:s3cr3t-pw@tenant.jamfcloud.com',
    'https://admin@tenant.jamfcloud.com',
    'http://admin:s3cr3t-pw@jamf.example.com',
    'admin:s3cr3t-pw@tenant.jamfcloud.com',
    'https://admin:s3cr3t-pw@exa mple.com',
  ])('refuses credentials in %s without repeating them', (baseUrl) => {
    const error = refusal(baseUrl, { allowInsecureHttp: true });
    expect(error.code).toBe('INVALID_BASE_URL');
    const seen = `${error.message} ${String(error.cause)} ${JSON.stringify(error)} ${error.stack}`;
    expect(seen).not.toContain('s3cr3t');
    expect(seen).not.toContain('admin');
  });
});
