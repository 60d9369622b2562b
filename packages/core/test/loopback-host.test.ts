import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../src/index.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.255.255.254', '127.1.2.3', 'localhost', 'LOCALHOST', '[::1]', '::1'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    '127.attacker.example',
    '127.0.0.1.evil.com',
    'localhost.evil.com',
    'evil-localhost',
    'app.localhost',
    '127.0.0.256',
    '128.0.0.1',
    '10.0.0.1',
    '[::2]',
    '[::ffff:7f00:1]',
    '',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  it('agrees with the host names URL produces for loopback spellings', () => {
    for (const url of ['http://127.1/', 'http://0x7f000001/', 'http://[0:0:0:0:0:0:0:1]/']) {
      expect(isLoopbackHost(new URL(url).hostname)).toBe(true);
    }
  });
});
