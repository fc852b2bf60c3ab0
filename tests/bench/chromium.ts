import { chromium, type Browser } from 'playwright-core';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../e2e/support/test-chromium';

/** The Debian Chromium the kiosk runs in, headless, as the e2e tests launch it. */
export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: [...TEST_CHROMIUM_ARGS] });
}
