import { readFile } from 'node:fs/promises';
import { userCredentials } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';

const provider = userCredentials({
  baseUrl: 'https://example.jamfcloud.com',
  username: process.env.JAMF_USERNAME ?? '',
  password: process.env.JAMF_PASSWORD ?? '',
});
const classic = createClassicClient({ baseUrl: 'https://example.jamfcloud.com', auth: provider });

// A policy's Self Service icon, by the policy's id: a File brings its name and type.
const icon = new File([await readFile('slack.png')], 'slack.png', { type: 'image/png' });
await classic.upload({ resource: 'policies', id: 42, file: icon });

// An attachment to a computer found by name: bytes need a file name.
await classic.upload({
  resource: 'computers',
  name: 'LAB-042',
  file: new TextEncoder().encode('Replaced the battery.\n'),
  fileName: 'repair-notes.txt',
  contentType: 'text/plain',
});
