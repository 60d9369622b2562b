/**
 * Example: an app that sends an MDM command, tested against the mock, whose Pro inventory, MDM
 * command list and Classic computer history are one state.
 */
import { userCredentials } from '@jamf/auth';
import { setupJamfMock } from '@jamf/mock-server/vitest';
import { createProClient } from '@jamf/pro-api';
import { describe, expect, it } from 'vitest';
import { lockComputer } from '../app/lock-computer.js';

const jamf = setupJamfMock({ counts: { computers: 20 } });

function adminClient() {
  const auth = userCredentials({ baseUrl: jamf.baseUrl, username: 'admin', password: 'jamf1234' });
  return createProClient({ baseUrl: jamf.baseUrl, auth });
}

describe('lockComputer', () => {
  it('sends DEVICE_LOCK to the computer with the serial number, and Jamf reports it done', async () => {
    const target = jamf.state.computers.list().find((computer) => computer.isManaged);
    const sent = await lockComputer(adminClient(), target?.serialNumber ?? '', '123456');
    expect(sent.state).toBe('ACKNOWLEDGED');
    const [command] = jamf.state.mdmCommands.list();
    expect(command).toMatchObject({ uuid: sent.commandUuid, commandType: 'DEVICE_LOCK' });
    // The same command in the Classic history of that computer.
    const token = (await (
      await fetch(`${jamf.baseUrl}/api/v1/auth/token`, {
        method: 'POST',
        headers: { authorization: `Basic ${btoa('admin:jamf1234')}` },
      })
    ).json()) as { token: string };
    const history = await fetch(
      `${jamf.baseUrl}/JSSResource/computerhistory/id/${target?.id}/subset/Commands`,
      { headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' } },
    );
    expect(JSON.stringify(await history.json())).toContain('DeviceLock');
  });

  it('says so when no computer has the serial number', async () => {
    await expect(lockComputer(adminClient(), 'NO-SUCH-SERIAL', '123456')).rejects.toThrow(
      'No computer has serial number NO-SUCH-SERIAL',
    );
  });
});
