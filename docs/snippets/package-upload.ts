import { clientCredentials } from '@jamf/auth';
import { uploadPackage } from '@jamf/pro-api/upload';

await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
});

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const result = await uploadPackage(
  { baseUrl: jamf.origin, tokens: jamf },
  {
    packageName: 'Firefox 128.0.pkg',
    file: './Firefox 128.0.pkg',
    create: { categoryId: '-1', priority: 10 }, // create the record when no package has the name
    signal: controller.signal,
    onProgress: ({ bytesSent, totalBytes }) =>
      process.stdout.write(`\r${Math.floor((bytesSent / totalBytes) * 100)} %`),
  },
);
console.log(
  `\npackage ${result.packageId}${result.created ? ' (new)' : ''}: ${result.bytes} bytes`,
);
