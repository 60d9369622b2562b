import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { publishedPackages } from '../src/published-packages.js';

const packages = publishedPackages();

// What npm shows and what a company's licence scanner reads, from the installed tarballs.
describe.each(packages)('$name as installed', ({ name, dir }) => {
  const installed = () => join(inject('consumerDir'), 'node_modules', name);
  const manifest = () => JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));

  it('carries the MIT LICENSE', () => {
    const license = readFileSync(join(installed(), 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the jamf-sdk-ts contributors\n/);
    expect(manifest().license).toBe('MIT');
  });

  it('says where it comes from', () => {
    const { repository, homepage, bugs, keywords, author } = manifest();
    expect(repository).toMatchObject({ type: 'git', directory: dir });
    expect(repository.url).toMatch(/^git\+https:\/\/github\.com\//);
    expect(homepage).toMatch(/^https:\/\//);
    expect(bugs.url).toMatch(/^https:\/\//);
    expect(keywords.length).toBeGreaterThan(0);
    expect(author).toBeTruthy();
  });

  it('takes runtime dependencies as caret ranges, so npm can share one copy with the app', () => {
    const { dependencies = {}, peerDependencies = {} } = manifest();
    for (const [dependency, range] of Object.entries({ ...dependencies, ...peerDependencies })) {
      expect(range, dependency).toMatch(/^(\^|>=)\S+( \|\| \^\S+)*$/);
    }
  });
});
