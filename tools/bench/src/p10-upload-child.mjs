// P10's uploading process: one uploadPackage call, so the parent reads this process's peak RSS.
// Input: argv [mockOrigin, file, packageName, transport]; output: one JSON line on stdout.
import { userCredentials } from '@jamf/auth';
import { uploadPackage } from '@jamf/pro-api/upload';

const [origin, file, packageName, transport] = process.argv.slice(2);
const tokens = userCredentials({ baseUrl: origin, username: 'admin', password: 'jamf1234' });
await tokens.getToken();
const baselineRssBytes = process.memoryUsage().rss;
const started = performance.now();
const result = await uploadPackage(
  { baseUrl: origin, tokens, transport },
  { packageName, file, create: true },
);
const uploadMs = performance.now() - started;
await tokens.close();
process.stdout.write(`${JSON.stringify({ baselineRssBytes, uploadMs, ...result })}\n`);
