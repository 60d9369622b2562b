import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// `/JSSResource/users/email/{email}` answers the users with that address as the user list
// (Jamf's Classic API reference, findUsersByEmailAddress; ledger row in the README).
const jamf = setupJamfMock({
  seed: 2,
  accounts: [
    { username: 'admin', password: 'jamf1234', privileges: 'all' },
    { username: 'reader', password: 'reader-1', privileges: ['Read Computers'] },
  ],
});

async function classic(path: string, init: RequestInit = {}, username = 'admin') {
  const token = await userToken(jamf, username, username === 'admin' ? 'jamf1234' : 'reader-1');
  return fetch(`${jamf.baseUrl}/JSSResource${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...init.headers },
  });
}

async function createUser(name: string, addressElement: string, address: string) {
  const response = await classic('/users/id/0', {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: `<user><name>${name}</name><${addressElement}>${address}</${addressElement}></user>`,
  });
  expect(response.status).toBe(201);
}

describe('GET /JSSResource/users/email/{email}', () => {
  it('lists every user with the address, by email or email_address, ignoring case', async () => {
    await createUser('jdoe', 'email', 'Shared@Example.com');
    await createUser('jdoe2', 'email_address', 'shared@example.com');
    await createUser('other', 'email', 'other@example.com');
    const response = await classic('/users/email/SHARED%40example.com');
    expect(response.status).toBe(200);
    const { users } = (await response.json()) as { users: { id: number; name: string }[] };
    expect(users.map((user) => user.name).sort()).toEqual(['jdoe', 'jdoe2']);
    const asXml = await classic('/users/email/shared@example.com', {
      headers: { accept: 'application/xml' },
    });
    expect(await asXml.text()).toMatch(/^<\?xml[^>]*\?><users><size>2<\/size><user><id>/);
  });

  it('answers the 404 status page for an address nobody has', async () => {
    const response = await classic('/users/email/nobody@example.com');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<p>Error: The server has not found anything');
  });

  it('needs Read Users', async () => {
    const response = await classic('/users/email/shared@example.com', {}, 'reader');
    expect(response.status).toBe(403);
  });
});
