import { startJamfMockServer } from '@jamf/mock-server';

/** The Jamf Pro the demo talks to, and how to let go of it. */
export interface DemoTarget {
  baseUrl: string;
  username: string;
  password: string;
  /** `offline mock` or the server's URL, for the narration. */
  description: string;
  close(): Promise<void>;
}

/** Credentials of the mock's built-in administrator. */
export const MOCK_ADMIN = { username: 'admin', password: 'jamf1234' } as const;

/**
 * Uses the server named by `JAMF_URL`, `JAMF_USERNAME` and `JAMF_PASSWORD` when all are set;
 * otherwise starts the mock in this process, listening on 127.0.0.1.
 */
export async function resolveTarget(env: NodeJS.ProcessEnv): Promise<DemoTarget> {
  const { JAMF_URL, JAMF_USERNAME, JAMF_PASSWORD } = env;
  if (JAMF_URL && JAMF_USERNAME && JAMF_PASSWORD) {
    return {
      baseUrl: JAMF_URL,
      username: JAMF_USERNAME,
      password: JAMF_PASSWORD,
      description: new URL(JAMF_URL).origin,
      close: async () => {},
    };
  }
  const server = await startJamfMockServer({ counts: { computers: 1_250 } });
  return {
    baseUrl: server.url,
    ...MOCK_ADMIN,
    description: `offline mock at ${server.url}`,
    close: () => server.close(),
  };
}
