import { describe, expect, it } from 'vitest';
import { createClassicClient } from '../src/index.js';

describe('baseUrl', () => {
  it.each([
    'https://jamf.example.test',
    'https://jamf.example.test/',
    'https://jamf.example.test/JSSResource',
    'https://jamf.example.test/JSSResource/',
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
});
