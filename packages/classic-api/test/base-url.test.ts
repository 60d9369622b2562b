import { describe, expect, it } from 'vitest';
import { createClassicClient, JamfServerUrlError } from '../src/index.js';

describe('baseUrl', () => {
  it.each([
    'https://jamf.example.test',
    'https://jamf.example.test/',
    'https://jamf.example.test/JSSResource',
    'https://jamf.example.test/JSSResource/',
    'https://jamf.example.test/api',
    new URL('https://jamf.example.test/'),
  ])('%s reaches /JSSResource', async (baseUrl) => {
    const urls: string[] = [];
    const classic = createClassicClient({
      baseUrl,
      fetch: async (input) => {
        urls.push(new Request(input).url);
        return Response.json({ departments: [] });
      },
    });
    expect(classic.baseUrl).toBe('https://jamf.example.test/JSSResource');
    await classic.departments.list();
    expect(urls).toEqual(['https://jamf.example.test/JSSResource/departments']);
  });

  it('keeps a path prefix in front of /JSSResource', () => {
    expect(createClassicClient({ baseUrl: 'https://host.example.test/jss/' }).baseUrl).toBe(
      'https://host.example.test/jss/JSSResource',
    );
  });

  it('allows plain http to loopback, elsewhere only when asked', () => {
    expect(createClassicClient({ baseUrl: 'http://127.0.0.1:8080' }).baseUrl).toBe(
      'http://127.0.0.1:8080/JSSResource',
    );
    expect(
      createClassicClient({ baseUrl: 'http://jamf.internal:8080', allowInsecureHttp: true })
        .baseUrl,
    ).toBe('http://jamf.internal:8080/JSSResource');
  });

  it.each([
    ['credentials', 'https://admin:s3cr3t@jamf.example.test', 'INVALID_BASE_URL'],
    ['another scheme', 'ftp://jamf.example.test', 'INVALID_BASE_URL'],
    ['no scheme', 'jamf.example.test', 'INVALID_BASE_URL'],
    ['plain http to another host', 'http://jamf.example.test', 'INSECURE_TRANSPORT'],
    ['plain http to a look-alike of loopback', 'http://127.attacker.example', 'INSECURE_TRANSPORT'],
  ])('refuses %s with a JamfServerUrlError', (_label, baseUrl, code) => {
    let error: unknown;
    try {
      createClassicClient({ baseUrl });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JamfServerUrlError);
    expect(error).toMatchObject({ code });
    expect(String((error as Error).message)).not.toContain('s3cr3t');
  });
});
