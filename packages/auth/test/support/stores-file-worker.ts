// Child process for the store tests: one provider on a shared fileTokenStore (STORE_PATH) or
// redisTokenStore (REDIS_PORT). Prints "ready", waits for "go" on stdin, prints "calling", then
// the token it got, and exits.
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { clientCredentials, type TokenStore } from '../../src/index.js';
import { fileTokenStore } from '../../src/stores/file-store.js';
import { redisTokenStore } from '../../src/stores/redis-store.js';

const redis = process.env.REDIS_PORT
  ? new Redis({ host: '127.0.0.1', port: Number(process.env.REDIS_PORT) })
  : undefined;
const store: TokenStore =
  redis === undefined ? fileTokenStore(process.env.STORE_PATH ?? '') : redisTokenStore(redis);
const provider = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? '',
  clientId: 'client-1',
  clientSecret: 'shh-client-secret',
  store,
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
await redis?.quit();
