// Portability probe: the built package (dist) driven the same way under Node, Deno and Bun.
// Usage: <runtime> test/support/portability-probe.mjs <jamf-url>. Prints one JSON line of results.
import { userCredentials, withAuth } from '../../dist/index.js';

const jamfUrl = globalThis.process?.argv?.[2] ?? globalThis.Deno?.args?.[0];
const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const results = { runtime };

const provider = userCredentials({
  baseUrl: jamfUrl,
  username: 'admin',
  password: 'correct horse',
});
const authed = withAuth(fetch, provider);

/** Kills the provider's current token on the server, so the next call meets a 401. */
async function revokeCurrent() {
  const token = await provider.getToken();
  const response = await fetch(`${jamfUrl}/api/v1/auth/invalidate-token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.token}` },
  });
  if (response.status !== 204) throw new Error(`could not revoke: ${response.status}`);
}

async function echo(name, init) {
  await revokeCurrent();
  const response = await authed(`${jamfUrl}/api/v1/echo/${name}`, { method: 'POST', ...init });
  results[name] = { status: response.status, body: await response.text() };
}

try {
  results.login = (await provider.getToken()).type;
  results.get = (await authed(`${jamfUrl}/api/v1/sites`)).status;
  await echo('json', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Lab' }),
  });
  await echo('stream', {
    headers: { 'content-type': 'text/plain' },
    body: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('chunk-1;'));
        controller.enqueue(new TextEncoder().encode('chunk-2'));
        controller.close();
      },
    }),
    duplex: 'half',
  });
  const form = new FormData();
  form.set('field', 'value-1');
  await echo('formData', { body: form });
  const moved = await authed(`${jamfUrl}/api/v1/moved`);
  results.crossOrigin = { status: moved.status, origin: new URL(moved.url).origin };
  await provider.close();
  results.closed = await provider.getToken().then(
    () => 'still open',
    (error) => error.code,
  );
} catch (error) {
  results.error = `${error?.name}: ${error?.code ?? ''} ${error?.message}`;
}
console.log(JSON.stringify(results));
