import { userCredentials } from '@jamf/auth';
import { ClassicApiError, createClassicClient } from '@jamf/classic-api';

const provider = userCredentials({
  baseUrl: 'https://example.jamfcloud.com',
  username: process.env.JAMF_USERNAME ?? '',
  password: process.env.JAMF_PASSWORD ?? '',
});
const classic = createClassicClient({ baseUrl: 'https://example.jamfcloud.com', auth: provider });

// Reads ask for JSON and return typed objects.
const mac = await classic.computers.get({ serialnumber: 'C02XK1Y2JG5J' });
console.log(mac.general?.name, mac.hardware?.os_version);

// Writes send XML built from your object and return the new id.
const categoryId = await classic.categories.create({ name: 'Utilities', priority: 9 });
await classic.computergroups.create({
  name: 'Stale Macs',
  is_smart: true,
  criteria: [
    {
      name: 'Last Check-in',
      priority: 0,
      and_or: 'and',
      search_type: 'more than x days ago',
      value: '30',
    },
  ],
});
await classic.categories.update({ id: categoryId }, { priority: 5 });

// Jamf's HTML error pages become typed errors.
try {
  await classic.categories.create({ name: 'Utilities' });
} catch (error) {
  if (error instanceof ClassicApiError && error.code === 'CONFLICT') console.log(error.message);
}

// Every path of the Classic swagger, with typed parameters.
const basics = await classic.request('GET', '/computers/id/{id}/subset/{subset}', {
  params: { path: { id: '1', subset: 'General' } },
});
console.log(basics.computer.general?.serial_number);
