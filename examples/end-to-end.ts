import { clientCredentials } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient, paginate } from '@jamf/pro-api';
import { rsql } from '@jamf/pro-api/rsql';

// An API client's id and secret; tokens are fetched, shared and renewed for you.
await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://tenant.jamfcloud.com',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
});

const pro = createProClient({ baseUrl: jamf.origin, auth: jamf });
for await (const mac of paginate(pro, '/v1/computers-inventory', {
  params: {
    query: { section: ['GENERAL'], filter: String(rsql.startsWith('general.name', 'LAB-')) },
  },
})) {
  console.log(mac.id, mac.general?.name, mac.general?.lastContactTime);
}

const classic = createClassicClient({ baseUrl: jamf.origin, auth: jamf });
const policies = await classic.policies.list();
console.log(`${policies.length} policies`);
