import { defineConfig } from 'vitest/config';

/**
 * The one vitest configuration every workspace extends. Timeouts here are safety nets for a
 * loaded 2-core CI machine (property tests, real processes), never speed assertions: speed is
 * measured in `pnpm bench`.
 */
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
});
