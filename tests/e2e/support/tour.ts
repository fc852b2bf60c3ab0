import { expect, type Page } from '@playwright/test';
import { callKioskApi } from './api';
import { enterHome } from './screens';

/**
 * A walk through every screen a resident can reach, journey by journey, in the standard profile.
 * At each screen the walk calls `stop(name, primary)`; the accessibility gate runs its checks there
 * (in standard mode, then in 长辈版, then back, in portrait and landscape) and the walk carries on
 * from the same place. `primary` is a CSS selector for the step's primary action, where it has one:
 * the gate checks it is on screen without scrolling.
 * Technician mode is left out: it is staff-only and has no bottom bar to switch profiles.
 */
export type Stop = (name: string, primary?: string) => Promise<void>;

export interface TourLeg {
  readonly name: string;
  readonly walk: (page: Page, stop: Stop) => Promise<void>;
}

const MATTER = '城乡居民基本养老保险参保登记';

async function insertCard(page: Page): Promise<void> {
  const placed = await callKioskApi(page, 'dev.emulator', {
    device: 'idCardReader',
    action: 'insertCard',
    argument: 'resident',
  });
  expect(placed).toMatchObject({ ok: true });
}

/** From the journey's "who is it for" question (when it asks) to signed in and continued. */
async function signInWithCard(page: Page, stop: Stop): Promise<void> {
  const self = page.getByTestId('sign-in-self');
  const signedIn = page.getByTestId('signed-in');
  // A later journey in the same visit finds the resident already signed in.
  await expect(self.or(page.getByTestId('card-prompt')).or(signedIn)).toBeVisible();
  if (await signedIn.isVisible()) {
    await page.getByTestId('sign-in-continue').click();
    return;
  }
  if (await self.isVisible()) {
    await stop('sign-in-who');
    await self.click();
  }
  await expect(page.getByTestId('card-prompt')).toBeVisible();
  await stop('sign-in-card');
  await insertCard(page);
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  await stop('sign-in-done', '[data-testid=sign-in-continue]');
  await page.getByTestId('sign-in-continue').click();
}

async function openService(page: Page, id: string): Promise<void> {
  await page.getByTestId(`service-${id}`).click();
}

export const TOUR: readonly TourLeg[] = [
  {
    name: 'find',
    walk: async (page, stop) => {
      await page.getByTestId('attract-screen').waitFor();
      await stop('attract');
      await enterHome(page);
      await stop('home');
      await openService(page, 'apply');
      await expect(page.getByTestId('matter-item').first()).toBeVisible();
      await stop('browse');
      await page.getByTestId('matter-item').filter({ hasText: MATTER }).first().click();
      await expect(page.getByTestId('guide-screen')).toContainText(MATTER);
      await stop('guide', '[data-testid=action-apply]');
      await page.getByTestId('home-button').click();
      await openService(page, 'search');
      await page.getByTestId('search-input').fill('社保');
      await expect(page.getByTestId('search-total')).toBeVisible();
      await stop('search');
      // Typing on the touch keyboard: its suggestions (低保) and its 完成 row.
      await page.getByTestId('search-input').click();
      const keyboard = page.getByTestId('search-input-keyboard');
      await expect(keyboard).toBeVisible();
      await keyboard.locator('[data-key=clear]').click();
      for (const letter of 'dibao') await keyboard.locator(`[data-key=${letter}]`).click();
      await expect(keyboard.locator('[data-candidate=低保]')).toBeVisible();
      await stop('search-keyboard', '[data-testid=search-input-keyboard] [data-key=done]');
      await page.getByTestId('home-button').click();
      await openService(page, 'lifeEvents');
      await stop('life-events');
    },
  },
  {
    name: 'apply',
    walk: async (page, stop) => {
      await enterHome(page);
      await openService(page, 'apply');
      await page.getByTestId('matter-item').filter({ hasText: MATTER }).first().click();
      await page.getByTestId('action-apply').click();
      await expect(page.getByTestId('sign-in')).toBeVisible();
      await page.getByTestId('sign-in-self').click();
      await page.getByTestId('type-instead').click();
      await expect(page.getByTestId('id-keypad')).toBeVisible();
      await stop('sign-in-typed', '[data-testid=typed-submit]');
      await page.getByTestId('typed-name').click();
      await expect(page.getByTestId('typed-name-keyboard')).toBeVisible();
      await stop('sign-in-typed-keyboard', '[data-testid=typed-name-keyboard] [data-key=done]');
      await page.getByTestId('typed-use-card').click();
      await signInWithCard(page, stop);
      const form = page.getByTestId('apply-form');
      // A resident who applied here before is first asked whether to reuse phone and address.
      await expect(form.or(page.getByTestId('history-consent'))).toBeVisible();
      if (await page.getByTestId('history-consent').isVisible()) {
        await stop('apply-consent');
        await page.getByTestId('consent-no').click();
      }
      await expect(form).toBeVisible();
      for (const field of await form.locator('[data-required="true"]').all()) {
        const kind = (await field.getAttribute('data-kind')) ?? 'text';
        if (kind === 'select') {
          if ((await field.locator('[aria-pressed="true"]').count()) === 0)
            await field.getByRole('button').first().click();
          continue;
        }
        const input = field.locator('input, textarea').first();
        if ((await input.inputValue()).trim() !== '') continue;
        await input.fill(kind === 'phone' ? '13805361234' : kind === 'date' ? '2020-01-01' : '测试村民');
      }
      // As a resident does after typing: 完成 closes the touch keyboard that fill() opened.
      const keyboardDone = form.locator('[data-key=done]');
      if ((await keyboardDone.count()) > 0) await keyboardDone.first().click();
      await stop('apply-form', '[data-testid=apply-next]');
      await page.getByTestId('apply-next').click();
      await expect(page.getByTestId('apply-material')).toBeVisible();
      await stop('apply-material', '[data-testid=material-capture]');
      await page.getByTestId('material-capture').click();
      await expect(page.getByTestId('page-thumbnail')).toHaveCount(1, { timeout: 30_000 });
      await stop('apply-capture', '[data-testid=capture-done]');
      await page.getByTestId('capture-done').click();
      await expect(page.getByTestId('material-state')).toBeVisible();
      await page.getByTestId('apply-next').click();
      const delivery = page.getByTestId('apply-delivery');
      for (let guard = 0; guard < 10 && !(await delivery.isVisible()); guard += 1) {
        await page.getByTestId('material-skip').click();
      }
      await stop('apply-delivery', '[data-testid=apply-next]');
      await page.getByTestId('delivery-pickUp').click();
      await page.getByTestId('apply-next').click();
      await expect(page.getByTestId('apply-review')).toBeVisible();
      await stop('apply-review', '[data-testid=apply-confirm]');
      await page.getByTestId('apply-confirm').click();
      await expect(page.getByTestId('apply-receipt')).toBeVisible({ timeout: 30_000 });
      await stop('apply-receipt', '[data-testid=receipt-finish]');
    },
  },
  {
    name: 'queue',
    walk: async (page, stop) => {
      await enterHome(page);
      await openService(page, 'ticket');
      await expect(page.getByTestId('ticket-services')).toBeVisible();
      await stop('ticket-services');
      await page.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
      await expect(page.getByTestId('ticket-priority')).toBeVisible();
      await stop('ticket-priority');
      await page.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
      await expect(page.getByTestId('ticket-number')).toBeVisible();
      await stop('ticket-issued', '[data-testid=ticket-done]');
      // Rate before 完成: 完成 ends the visit, and with it what this visit may rate.
      await page.getByTestId('ticket-rate').click();
      // With other services completed in this kiosk session (the apply leg's application), the
      // resident first picks which one to rate: the ticket.
      const choice = page.getByTestId('rating-service');
      await expect(page.getByTestId('rating-form').or(choice.first())).toBeVisible();
      if (await choice.first().isVisible()) {
        await stop('rating-choose');
        await choice.filter({ hasText: '取号' }).first().click();
      }
      await expect(page.getByTestId('rating-form')).toBeVisible();
      await stop('rating-levels');
      await page.locator('[data-testid="rating-level"][data-level="2"]').click();
      await expect(page.getByTestId('rating-options')).toBeVisible();
      await stop('rating-bad', '[data-testid=rating-submit], [data-testid=rating-step-next]');
      await page.getByTestId('rating-option').first().click();
      await page.getByTestId('rating-submit').click();
      await expect(page.getByTestId('rating-thanks')).toBeVisible();
      await stop('rating-thanks', '[data-testid=rating-done]');
    },
  },
  {
    name: 'appointment',
    walk: async (page, stop) => {
      await enterHome(page);
      await openService(page, 'appointment');
      const journey = page.getByTestId('appointment-journey');
      await expect(journey.getByTestId('appointment-matters')).toBeVisible();
      await stop('appointment-matters');
      await journey.getByTestId('appointment-matters').locator('button').first().click();
      await expect(journey.getByTestId('appointment-points')).toBeVisible();
      await stop('appointment-points');
      await journey.getByTestId('appointment-points').locator('button').first().click();
      await expect(journey.getByTestId('appointment-days')).toBeVisible();
      await stop('appointment-days');
      await journey.getByTestId('appointment-days').locator('button:not([disabled])').first().click();
      await expect(journey.getByTestId('appointment-slots')).toBeVisible();
      await stop('appointment-slots');
      await journey.getByTestId('appointment-slots').locator('button:not([disabled])').first().click();
      await signInWithCard(page, () => Promise.resolve());
      const pad = page.getByTestId('appointment-phone');
      await expect(pad).toBeVisible();
      await stop('appointment-phone', '[data-testid=appointment-phone-next]');
      for (const digit of '13800000000') await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
      await page.getByTestId('appointment-phone-next').click();
      await expect(page.getByTestId('appointment-confirm-submit')).toBeVisible();
      await stop('appointment-confirm', '[data-testid=appointment-confirm-submit]');
      await page.getByTestId('appointment-confirm-submit').click();
      await expect(page.getByTestId('appointment-slip')).toBeVisible();
      await stop('appointment-booked', '[data-testid=appointment-done]');
      // On to check-in in the same visit (完成 would end it): home, then 预约签到.
      await page.getByTestId('home-button').click();
      await openService(page, 'checkIn');
      await signInWithCard(page, () => Promise.resolve());
      await expect(page.getByTestId('appointment-mine').or(page.getByTestId('appointment-none-today'))).toBeVisible();
      await stop('check-in');
    },
  },
  {
    name: 'care',
    walk: async (page, stop) => {
      await enterHome(page);
      await openService(page, 'progress');
      await expect(page.getByTestId('progress-journey')).toBeVisible();
      await stop('progress-ways');
      await page.getByTestId('progress-journey').locator('[data-way=number]').click();
      await expect(page.getByTestId('progress-reference')).toBeVisible();
      await stop('progress-number', '[data-testid=progress-lookup]');
      await page.getByTestId('progress-reference').fill('AQ-NO-SUCH-CASE');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('progress-problem')).toBeVisible();
      await stop('progress-not-found');
      await page.getByTestId('home-button').click();
      await page.getByTestId('help-button').click();
      await expect(page.getByTestId('help-screen')).toBeVisible();
      await stop('help-kinds');
      await page.getByTestId('home-button').click();
      await openService(page, 'serviceMap');
      await expect(page.getByTestId('map-screen')).toBeVisible();
      await stop('service-map');
      await page.getByTestId('map-list-item').first().click();
      await expect(page.getByTestId('map-details')).toBeVisible();
      await stop('service-map-details');
    },
  },
];
