// Child process for close.test.ts: starts a token request the server never answers, closes the
// provider when told to ("close" on stdin), and must then exit on its own (no process.exit):
// nothing may keep it alive.
import { createInterface } from 'node:readline';
import { userCredentials } from '../../src/index.js';

const provider = userCredentials({
  baseUrl: process.env.JAMF_URL ?? '',
  username: 'admin',
  password: 'correct horse',
});
const pending = provider.getToken().catch((error: { code?: string }) => error.code);
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line === 'close') break;
}
lines.close();
process.stdin.destroy();
await provider.close();
process.stdout.write(`${String(await pending)}\n`);
