import { expect, type Page } from '@playwright/test';
import { callKioskApi, PAGE_API_DOOR } from './api';

/**
 * Takes the card off the emulated ID card reader and returns once the reader has seen it gone.
 *
 * The reader reads a card once per placement (drivers/idcard/poll-loop.ts): the next card counts
 * as a new placement only after a poll found the field empty, which the reader announces as the
 * `idCard.event` {type: 'removed'}. So the test waits for that event, on an API socket of the page
 * opened before the card is lifted, rather than for a guessed number of polls. Only for a card
 * the reader has read (or seen): a placement it never saw ends with no event, and this fails.
 */
export async function takeReadCardOff(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.evaluate(
    async ({ door, timeoutMs }) => {
      const key = sessionStorage.getItem(door.storageItem) ?? '';
      const ws = new WebSocket(`ws://${location.host}/api`, [door.apiProtocol, `${door.keyPrefix}${key}`]);
      try {
        await new Promise((resolve, reject) => {
          ws.addEventListener('open', resolve, { once: true });
          ws.addEventListener('error', () => reject(new Error('the kiosk refused the API socket')), { once: true });
        });
        const done = new Promise<void>((resolve, reject) => {
          let lifted = false;
          let seenGone = false;
          const timer = setTimeout(
            () =>
              reject(
                new Error(
                  lifted
                    ? `the reader did not report the card removed within ${timeoutMs} ms`
                    : 'the emulator did not take the card off',
                ),
              ),
            timeoutMs,
          );
          ws.addEventListener('message', (event) => {
            const message = JSON.parse(String(event.data)) as {
              type: string;
              id?: number;
              event?: string;
              payload?: { type?: string };
              response?: { ok: boolean; error?: { code: string } };
            };
            if (message.type === 'result' && message.id === 1) {
              if (!message.response?.ok) {
                clearTimeout(timer);
                reject(new Error(`dev.emulator removeCard: ${message.response?.error?.code ?? 'no answer'}`));
                return;
              }
              lifted = true;
            }
            if (message.type === 'event' && message.event === 'idCard.event' && message.payload?.type === 'removed')
              seenGone = true;
            if (lifted && seenGone) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        ws.send(
          JSON.stringify({
            type: 'call',
            id: 1,
            method: 'dev.emulator',
            input: { device: 'idCardReader', action: 'removeCard' },
          }),
        );
        await done;
      } finally {
        ws.close();
      }
    },
    { door: PAGE_API_DOOR, timeoutMs },
  );
}

/**
 * From the home screen, signs the resident in with the emulated ID card for the progress of their
 * own cases (进度 → by card → for myself), and returns once 我的办件 is showing.
 */
export async function signInForOwnProgress(page: Page): Promise<void> {
  await page.getByRole('button', { name: /进度/ }).first().click();
  await page.getByTestId('progress-journey').locator('[data-way=card]').click();
  // Journeys that allow an agent first ask for whom; this resident applies for themself.
  const self = page.getByTestId('sign-in-self');
  await expect(self.or(page.getByTestId('card-prompt'))).toBeVisible();
  if (await self.isVisible()) await self.click();
  await expect(page.getByTestId('card-prompt')).toBeVisible();
  expect(await callKioskApi(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard' })).toMatchObject({
    ok: true,
  });
  await page.getByTestId('sign-in-continue').click({ timeout: 20_000 });
  await expect(page.getByTestId('progress-mine')).toBeVisible();
}
