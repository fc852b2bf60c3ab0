import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the kiosk the way `npm start` runs it, in Debian Chromium
 * (Playwright's own browsers cannot be downloaded here). One worker: each test starts a whole
 * kiosk, and CI has two cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    launchOptions: {
      executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // As the kiosk's own Chromium (scripts/start/chromium.ts): voice mode plays without a gesture.
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    trace: 'retain-on-failure',
  },
});
