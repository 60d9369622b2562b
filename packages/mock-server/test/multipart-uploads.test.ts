import { describe, expect, it } from 'vitest';
import { proSpec } from '../src/generated/pro-spec.js';
import { listSpecOperations } from '../src/spec/openapi-document.js';
import { setupJamfMock } from '../src/vitest.js';
import { userToken } from './support/auth-support.js';

// Every operation whose request body is multipart/form-data (icons, attachments, CSV imports,
// package files): a body that is not multipart, or lacks the part the schema requires, is Jamf's
// 400, as the package upload already answered; before, the generated answers took anything.
const jamf = setupJamfMock({ counts: { computers: 2, mobileDevices: 2 } });
const uploads = listSpecOperations(proSpec).filter((operation) => {
  const body = operation.object.requestBody as { content?: Record<string, unknown> } | undefined;
  return body?.content?.['multipart/form-data'] !== undefined;
});

const BOUNDARY = 'jamf-audit-boundary';
const multipart = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.png"\r\n` +
  `Content-Type: application/octet-stream\r\n\r\nbytes\r\n--${BOUNDARY}--\r\n`;

async function send(path: string, body: string, contentType: string): Promise<Response> {
  const token = await userToken(jamf);
  return fetch(`${jamf.baseUrl}/api${path.replaceAll(/\{[^}]+\}/g, '1')}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
}

describe('multipart uploads are read and checked', () => {
  it('finds the 14 multipart operations of the spec', () => {
    expect(uploads.length).toBe(14);
  });

  for (const { path } of uploads) {
    it(`POST ${path}: a broken body and a missing file part are 400, a good one is not`, async () => {
      const type = `multipart/form-data; boundary=${BOUNDARY}`;
      const broken = await send(path, `--${BOUNDARY}\r\nno headers, no end`, type);
      expect(broken.status).toBe(400);
      expect(await broken.json()).toMatchObject({
        httpStatus: 400,
        errors: [{ code: 'INVALID_FIELD' }],
      });
      const noBoundary = await send(path, multipart('file'), 'multipart/form-data');
      expect(noBoundary.status).toBe(400);
      const missing = await send(path, multipart('picture'), type);
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ errors: [{ field: 'file' }] });
      const good = await send(path, multipart('file'), type);
      expect(good.status).toBeLessThan(300);
    });
  }
});
