import { createProClient, paginate, unwrap } from '../src/index.js';
import { leastPrivileges } from '../src/privileges.js';
import { rsql } from '../src/rsql.js';

const jamf = createProClient({
  baseUrl: 'https://tenant.jamfcloud.com',
  headers: { authorization: `Bearer ${process.env.JAMF_TOKEN}` },
});

// openapi-fetch style: check `error`, or let `unwrap` throw a JamfApiError.
const { data: roles, error } = await jamf.GET('/v1/api-roles');
if (error) console.error('listing roles failed', error);
console.log(roles?.totalCount);

const role = await unwrap(
  jamf.POST('/v1/api-roles', {
    body: {
      displayName: 'Inventory reader',
      privileges: leastPrivileges(['GET /v1/computers-inventory']),
    },
  }),
);
console.log(`created role ${role.id}`);

// Every Mac whose name starts with "Lab ", fetched four pages at a time.
const filter = rsql.and(
  rsql.eq('general.platform', 'Mac'),
  rsql.startsWith('general.name', 'Lab '),
);
for await (const computer of paginate(jamf, '/v1/computers-inventory', {
  params: { query: { section: ['GENERAL'], filter: String(filter) } },
  pageSize: 200,
  concurrency: 4,
})) {
  console.log(computer.id, computer.general?.name);
}
