import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startJamfMockServer } from '@jamf/mock-server';
import { describe, expect, it } from 'vitest';
import { Narrator, StepFailure } from '../demo/narrator.js';
import { runStory } from '../demo/story.js';
import { MOCK_ADMIN, resolveTarget } from '../demo/target.js';

function capture() {
  let text = '';
  return {
    narrator: new Narrator({
      write: (chunk) => {
        text += chunk;
      },
      isTTY: false,
    }),
    text: () => text,
  };
}

/** Runs `pnpm demo`'s program as a user would, with the given environment. */
function runDemoProcess(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const main = fileURLToPath(new URL('../demo/main.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('pnpm demo', () => {
  it('tells the whole story against the offline mock', async () => {
    const target = await resolveTarget({});
    const { narrator, text } = capture();
    try {
      await runStory(target, narrator);
    } finally {
      await target.close();
    }
    const output = text();
    expect(output).toContain('1250 computers read');
    expect(output).toContain('HTTP 403');
    expect(output).toContain('/JSSResource/computers lists 1250 computers (Pro API: 1250)');
    expect(output).toContain('the old token is now refused: HTTP 401');
    expect(output).toContain("the receiver's typed ComputerAdded handler got computer 1251");
    expect(output).toMatch(/11\. Log out/);
    expect(output).not.toContain(MOCK_ADMIN.password);
  });

  it('runs the same story over HTTP against a standalone mock named by JAMF_URL', async () => {
    const server = await startJamfMockServer({ counts: { computers: 150 } });
    try {
      const { code, output } = await runDemoProcess({
        JAMF_URL: server.url,
        JAMF_USERNAME: MOCK_ADMIN.username,
        JAMF_PASSWORD: MOCK_ADMIN.password,
      });
      expect(output).toContain(`Jamf Pro: ${new URL(server.url).origin}`);
      expect(output).toContain('150 computers read');
      expect(output).toContain("the receiver's typed ComputerAdded handler got computer 151");
      expect(output).toMatch(/done in/);
      expect(code).toBe(0);
      expect(output).not.toContain(MOCK_ADMIN.password);
    } finally {
      await server.close();
    }
  });

  it('names the failing step and exits non-zero, without secrets, when the server fails', async () => {
    const server = await startJamfMockServer({ counts: { computers: 300 } });
    server.mock.faults.add({ method: 'GET', path: '/api/v1/computers-inventory', status: 500 });
    try {
      const { code, output } = await runDemoProcess({
        JAMF_URL: server.url,
        JAMF_USERNAME: MOCK_ADMIN.username,
        JAMF_PASSWORD: MOCK_ADMIN.password,
      });
      expect(code).toBe(1);
      expect(output).toContain('step "Page through every computer with paginate()" failed');
      expect(output).toContain('500');
      expect(output).not.toContain(MOCK_ADMIN.password);
    } finally {
      await server.close();
    }
  });

  it('stops at the first failing step with a typed failure', async () => {
    const server = await startJamfMockServer();
    server.mock.faults.add({ method: 'POST', path: '/api/v1/api-roles', status: 503 });
    const { narrator } = capture();
    const target = {
      baseUrl: server.url,
      ...MOCK_ADMIN,
      description: 'test',
      close: () => server.close(),
    };
    try {
      const failure = await runStory(target, narrator).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StepFailure);
      expect(failure).toMatchObject({
        code: 'DEMO_STEP_FAILED',
        step: 'Provision a least-privilege API role and client',
      });
    } finally {
      await target.close();
    }
  });
});
