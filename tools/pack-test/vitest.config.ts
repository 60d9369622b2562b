import { defineConfig } from 'vitest/config';

// Packing and one `npm install` happen once, in the global setup; the test files share them.
export default defineConfig({
  test: {
    // fixtures/ holds files for the consumer project (one is a vitest test of its own).
    include: ['test/**/*.test.ts'],
    globalSetup: ['./src/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
