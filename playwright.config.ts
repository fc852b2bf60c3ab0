import { defineConfig } from '@playwright/test';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from './tests/e2e/support/test-chromium';

/**
 * End-to-end tests drive the kiosk the way `npm start` runs it, in Debian Chromium
 * (Playwright's own browsers cannot be downloaded here).
 *
 * Two workers, one a core on CI. Each test file starts its own kiosks, each with a fresh data
 * folder (writeTestConfig), the kiosk's and the platform's ports chosen by the system (port 0) and
 * its own Xvfb display (-displayfd), so files run side by side; the renderer bundle is built once,
 * before any worker starts (support/global-setup.ts). Tests within a file share its kiosk and run
 * in order, except where a file says otherwise (the accessibility gate's legs each start their
 * own). `npx playwright test --workers=1` runs them one at a time.
 *
 * Two projects: `side-by-side` holds every file but one; `alone` holds escape.spec, whose crash
 * recovery has a hard 5 s limit that a second kiosk on the other core could push over. npm test
 * (scripts/test-all.ts) runs the first, then the second with nothing beside it.
 */
const ALONE = ['**/escape.spec.ts'];
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalSetup: './tests/e2e/support/global-setup.ts',
  workers: 2,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    launchOptions: {
      executablePath: TEST_CHROMIUM_PATH,
      args: [
        ...TEST_CHROMIUM_ARGS,
        '--disable-quic',
        // As the kiosk's own Chromium (scripts/start/chromium.ts): voice mode plays without a gesture.
        '--autoplay-policy=no-user-gesture-required',
        // As the kiosk's own Chromium: the page's screenshot of itself is taken without a picker.
        '--auto-accept-this-tab-capture',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    // Each its own output folder: a run of one project empties only its own, so the traces of
    // the first run's failures survive the second.
    { name: 'side-by-side', testIgnore: ALONE, outputDir: 'test-results/e2e/side-by-side' },
    { name: 'alone', testMatch: ALONE, outputDir: 'test-results/e2e/alone' },
  ],
});
