import { chromium, type Browser } from 'playwright-core';

/** The Debian Chromium the kiosk runs in, headless, as the e2e tests launch it. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
