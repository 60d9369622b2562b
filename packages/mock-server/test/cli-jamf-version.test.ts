import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../src/standalone/cli-options.js';

describe('jamf-mock-server --jamf-version', () => {
  it('sets the version /v1/jamf-pro-version reports', () => {
    expect(parseCliArgs(['--jamf-version', '11.25.2']).server.jamfProVersion).toBe('11.25.2');
    expect(parseCliArgs([]).server.jamfProVersion).toBeUndefined();
  });

  it('refuses what is not a version with a usage error', () => {
    expect(() => parseCliArgs(['--jamf-version', 'latest'])).toThrow(CliUsageError);
  });
});
