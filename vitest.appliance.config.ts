import { defineConfig } from 'vitest/config';

/**
 * The appliance tests (tests/appliance/): the .deb that `npm run package` built, checked with
 * lintian and installed into a clean Debian 12 root. Minutes, not seconds, and they need root,
 * mmdebstrap and the network once (the root is cached), so they run as their own step of
 * `npm test` (scripts/test-all.ts) after the package is built, one file at a time.
 */
export default defineConfig({
  test: {
    name: 'appliance',
    environment: 'node',
    include: ['tests/appliance/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
});
