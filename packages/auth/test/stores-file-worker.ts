// Child process for stores-file-processes.test.ts: one provider on a shared fileTokenStore.
// Prints "ready", waits for "go" on stdin, then prints the token it got and exits.
import { createInterface } from 'node:readline';
import { clientCredentials } from '../src/index.js';
import { fileTokenStore } from '../src/stores/file-store.js';

const provider = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? '',
  clientId: 'client-1',
  clientSecret: 'shh-client-secret',
  store: fileTokenStore(process.env.STORE_PATH ?? ''),
});
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line !== 'go') continue;
  process.stdout.write('calling\n');
  const token = await provider.getToken();
  process.stdout.write(`${JSON.stringify({ token: token.token })}\n`);
  break;
}
lines.close();
