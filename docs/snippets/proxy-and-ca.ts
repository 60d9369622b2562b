import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { clientCredentials } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient } from '@jamf/pro-api';
import { EnvHttpProxyAgent } from 'undici';

// Node's bundled roots plus your private CA (PEM), so both kinds of server certificate pass.
const caFile = process.env.JAMF_CA_FILE;
const ca = caFile === undefined ? undefined : [...rootCertificates, readFileSync(caFile, 'utf8')];

// HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read from the environment, as curl reads them.
// `connect` is the TLS to the server without a proxy; `requestTls` (handed on to undici's
// ProxyAgent, though undici 6 does not declare it here) is the TLS to the server through one.
const tls = ca === undefined ? {} : { connect: { ca }, requestTls: { ca } };
const dispatcher = new EnvHttpProxyAgent(tls);

// One fetch for every request the SDK makes: API calls and token requests alike.
const viaNetwork: typeof fetch = (input, init) =>
  fetch(input, { ...init, dispatcher } as RequestInit);

await using jamf = clientCredentials({
  baseUrl: process.env.JAMF_URL ?? 'https://jamf.example.internal',
  clientId: process.env.JAMF_CLIENT_ID ?? '',
  clientSecret: process.env.JAMF_CLIENT_SECRET ?? '',
  fetch: viaNetwork,
});

const pro = createProClient({ baseUrl: jamf.origin, auth: jamf, fetch: viaNetwork });
const { data } = await pro.GET('/v1/jamf-pro-version');
console.log(`Jamf Pro ${data?.version}`);

const classic = createClassicClient({ baseUrl: jamf.origin, auth: jamf, fetch: viaNetwork });
console.log(`${(await classic.categories.list()).length} categories`);
