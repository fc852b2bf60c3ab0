/**
 * The Debian Chromium tests and benchmarks drive (Playwright's own browsers cannot be downloaded
 * here), and the flags that keep it quiet and offline: no GPU, no background traffic, no updates.
 * playwright.config.ts and tests/bench/chromium.ts both launch it with these.
 */
export const TEST_CHROMIUM_PATH = process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium';

export const TEST_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
