import { defineConfig } from 'vitest/config';

// Packing and one `npm install` happen once, in the global setup; the test files share them.
export default defineConfig({
  test: {
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
