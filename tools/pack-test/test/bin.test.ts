import { spawn } from 'node:child_process';
import { expect, inject, it } from 'vitest';
import { publishedPackages } from '../src/published-packages.js';

const bins = publishedPackages().flatMap((pkg) => pkg.bins);

// A new command gets its own test here.
it('publishes exactly the mock server command', () => {
  expect(bins).toEqual(['jamf-mock-server']);
});

// A real process: the property is that npm linked a command that starts and listens.
it('npx jamf-mock-server --port 0 prints "listening on"', async () => {
  // In its own process group: npx starts the server as its child, which must stop with it.
  const child = spawn('npx', ['--no-install', 'jamf-mock-server', '--port', '0'], {
    cwd: inject('consumerDir'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const listening = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on/i.test(output)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  expect(listening, output).toBe(true);
});
