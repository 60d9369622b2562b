import { defineConfig } from 'vitest/config';

// The recipe tests start TLS servers and proxies on 127.0.0.1: give them room on 2 cores.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
