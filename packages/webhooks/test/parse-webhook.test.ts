import { describe, expect, it } from 'vitest';
import { isJamfWebhookError, type JamfWebhookErrorCode, parseWebhook } from '../src/index.js';

// Shaped like Jamf's published ComputerPushCapabilityChanged sample (an older server: no
// managementId, no reportedIpAddress-only extras), with values made up here.
const documented = {
  event: {
    alternateMacAddress: '72:00:01:DD:A0:B9',
    building: 'Block D',
    department: 'IT',
    deviceName: 'Mac 13',
    emailAddress: 'someone@example.com',
    ipAddress: '203.0.113.7',
    jssID: 13,
    macAddress: '60:03:08:A3:64:9D',
    model: 'MacBook Pro',
    osBuild: '16G29',
    osVersion: '10.12.6',
    phone: '555-0100',
    position: 'Specialist',
    realName: 'Some One',
    reportedIpAddress: '10.0.0.7',
    room: '487',
    serialNumber: 'C02M23PJFH50',
    udid: 'EBBFF74D-C6B7-5599-93A9-19E8BDDEFE32',
    userDirectoryID: '-1',
    username: 'someone',
  },
  webhook: {
    eventTimestamp: 1553550275590,
    id: 7,
    name: 'Docs',
    webhookEvent: 'ComputerPushCapabilityChanged',
  },
};

function codeOf(run: () => unknown): JamfWebhookErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (isJamfWebhookError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseWebhook', () => {
  it("accepts a payload shaped like Jamf's sample and keeps fields it does not know", () => {
    const body = JSON.stringify({ ...documented, event: { ...documented.event, newField: 'x' } });
    const payload = parseWebhook(body);
    expect(payload.webhook.webhookEvent).toBe('ComputerPushCapabilityChanged');
    expect(payload.event).toMatchObject({ jssID: 13, newField: 'x' });
  });

  it('reads the XML form into the same typed values', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <JSSEvent>
        <webhook><id>7</id><name>Docs</name><webhookEvent>RestAPIOperation</webhookEvent>
          <eventTimestamp>1553550275590</eventTimestamp></webhook>
        <event><operationSuccessful>true</operationSuccessful><objectID>1</objectID>
          <objectName>Lab &amp; Co</objectName><objectTypeName>Static Computer Group</objectTypeName>
          <authorizedUsername>admin</authorizedUsername><restAPIOperationType>PUT</restAPIOperationType></event>
      </JSSEvent>`;
    expect(parseWebhook(xml)).toEqual({
      webhook: {
        id: 7,
        name: 'Docs',
        webhookEvent: 'RestAPIOperation',
        eventTimestamp: 1553550275590,
      },
      event: {
        operationSuccessful: true,
        objectID: 1,
        objectName: 'Lab & Co',
        objectTypeName: 'Static Computer Group',
        authorizedUsername: 'admin',
        restAPIOperationType: 'PUT',
      },
    });
  });

  it('keeps numeric-looking text as text where the field is a string', () => {
    const xml = `<JSSEvent><webhook><id>1</id><name>n</name><webhookEvent>PatchSoftwareTitleUpdated</webhookEvent><eventTimestamp>5</eventTimestamp></webhook>
      <event><jssID>4</jssID><lastUpdate>6</lastUpdate><latestVersion>120</latestVersion><name>Zoom</name><reportUrls/></event></JSSEvent>`;
    expect(parseWebhook(xml, 'xml').event).toEqual({
      jssID: 4,
      lastUpdate: 6,
      latestVersion: '120',
      name: 'Zoom',
      reportUrls: [],
    });
  });

  it('types its failures', () => {
    expect(codeOf(() => parseWebhook('{"webhook":'))).toBe('MALFORMED_BODY');
    expect(codeOf(() => parseWebhook('<JSSEvent><webhook>', 'xml'))).toBe('MALFORMED_BODY');
    expect(codeOf(() => parseWebhook('[]'))).toBe('UNKNOWN_EVENT');
    expect(codeOf(() => parseWebhook('null'))).toBe('UNKNOWN_EVENT');
    const other = {
      ...documented,
      webhook: { ...documented.webhook, webhookEvent: 'DeviceRateLimited' },
    };
    expect(codeOf(() => parseWebhook(JSON.stringify(other)))).toBe('UNKNOWN_EVENT');
  });

  it('names the fields that do not match', () => {
    const bad = { ...documented, event: { ...documented.event, jssID: '13', udid: undefined } };
    try {
      parseWebhook(JSON.stringify(bad));
      expect.unreachable();
    } catch (error) {
      expect(isJamfWebhookError(error, 'INVALID_PAYLOAD')).toBe(true);
      expect((error as { issues: string[] }).issues).toEqual(['event.jssID', 'event.udid']);
    }
  });
});
