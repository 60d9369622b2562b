import { defineConfig } from 'vitest/config';

// The examples start real servers and, for the demo, a child process: give them room on 2 cores.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
