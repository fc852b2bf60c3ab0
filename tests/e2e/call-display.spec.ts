import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runScript, waitForLine, writeTestConfig, type RunningProcess } from './support/kiosk-process';
import { writeTerminalsFile } from './support/platform-db';
import { saveScreenshot } from './support/screens';
import { STAFFED_CLOCK } from './support/staffed-clock';

/**
 * The call display (叫号屏) of a station against a real platform process (`npm run platform`), in
 * Debian Chromium with the kiosked TV's autoplay flag (playwright.config.ts). Tickets are issued
 * through the kiosk API; calls are stored as the window page stores them — a ticket_events row in
 * the platform's database — here written by the test from outside the process, which the
 * platform's cursor watch picks up (platform/server/call-display/call-stream.ts).
 */

const STATION = 'aq-jingzhi-dongjingzhi';
const TERMINAL = 'display-e2e-kiosk';
const TOKEN = 'token-display-e2e-kiosk-aaaaaaaa';

test.setTimeout(3 * 60_000);

interface Platform {
  readonly process: RunningProcess;
  readonly origin: string;
}

async function startPlatform(db: string, terminals: string, port: number): Promise<Platform> {
  const process = runScript(
    'platform/server/main.ts',
    ['--port', String(port), '--db', db, '--terminals-file', terminals, '--clock', STAFFED_CLOCK],
    {},
  );
  const [, baseUrl] = await waitForLine(process, /platform listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
  return { process, origin: new URL(baseUrl ?? '').origin };
}

async function issueTicket(origin: string, n: number): Promise<{ ticketId: string; ticketNo: string }> {
  const response = await fetch(`${origin}/api/v1/stations/${STATION}/tickets`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'idempotency-key': `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    },
    body: JSON.stringify({
      serviceCode: 'general',
      priority: 'normal',
      appointmentId: null,
      matter: null,
      requestedAt: STAFFED_CLOCK,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { ticketId: string; ticketNo: string };
}

/** Stores a call as the calling does (one ticket_events row); returns its event id. */
function storeCall(dbPath: string, ticketId: string, kind: 'called' | 'recalled', windowNo: number): number {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    return Number(
      db
        .prepare('INSERT INTO ticket_events (ticket_id, station_id, kind, window_no, at) VALUES (?, ?, ?, ?, ?)')
        .run(ticketId, STATION, kind, windowNo, new Date().toISOString()).lastInsertRowid,
    );
  } finally {
    db.close();
  }
}

/**
 * Stores the call, waits until the page shows it, and returns how long that took: the moment it
 * appeared is taken in the page (a MutationObserver, the same machine's clock), so Playwright's
 * own polling is not counted.
 */
async function callAndSee(page: Page, dbPath: string, ticketId: string, kind: 'called' | 'recalled', windowNo: number) {
  await page.evaluate(() => {
    const list = document.getElementById('current-list');
    const seen: Record<string, number> = {};
    (window as unknown as { shownAt: Record<string, number> }).shownAt = seen;
    const observer = new MutationObserver(() => {
      for (const li of list?.querySelectorAll('li.newest') ?? []) {
        const id = (li as HTMLElement).dataset['eventId'];
        if (id !== undefined && seen[id] === undefined) seen[id] = Date.now();
      }
    });
    if (list) observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const stored = Date.now();
  const eventId = storeCall(dbPath, ticketId, kind, windowNo);
  const speech = page.waitForRequest((request) => request.url().endsWith(`/announcements/${eventId}.wav`), {
    timeout: 15_000,
  });
  await page.locator(`#current-list li.newest[data-event-id="${eventId}"]`).waitFor({ timeout: 5_000 });
  const shownAt = await page.evaluate(
    (id) => (window as unknown as { shownAt: Record<string, number> }).shownAt[String(id)] ?? Date.now(),
    eventId,
  );
  await speech;
  return { eventId, latencyMs: shownAt - stored };
}

test('a call shows within 1 s and is spoken, a recall is spoken again, and the display reconnects after the platform restarts', async ({
  browser,
}, testInfo) => {
  const base = writeTestConfig();
  const db = join(base.dir, 'platform.sqlite');
  const terminals = writeTerminalsFile(base.dir, TERMINAL, TOKEN, STATION);
  let platform = await startPlatform(db, terminals, 0);
  try {
    const port = Number(new URL(platform.origin).port);
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${platform.origin}/display/${STATION}`);
    await expect(page.locator('body[data-link="live"]')).toBeAttached();
    await expect(page.locator('#current-empty')).toBeVisible();

    const first = await issueTicket(platform.origin, 1);
    const call = await callAndSee(page, db, first.ticketId, 'called', 1);
    testInfo.annotations.push({ type: 'call → shown on the display', description: `${call.latencyMs} ms` });
    expect(call.latencyMs).toBeLessThan(1_000);
    await expect(page.locator('#current-list li').first()).toContainText(first.ticketNo);
    await expect(page.locator('#current-list li').first()).toContainText('1号窗口');

    const recall = await callAndSee(page, db, first.ticketId, 'recalled', 1);
    testInfo.annotations.push({ type: 'recall → shown on the display', description: `${recall.latencyMs} ms` });
    expect(recall.latencyMs).toBeLessThan(1_000);
    await expect(page.locator('#recent-list li')).toHaveCount(2);
    await expect(page.locator('#recent-list li').first()).toContainText('再次呼叫');
    await saveScreenshot(page, testInfo, 'call-display-1920x1080');

    // The platform goes away: the page says it is reconnecting, then comes back by itself.
    await platform.process.stop();
    await expect(page.locator('body[data-link="reconnecting"]')).toBeAttached({ timeout: 10_000 });
    await expect(page.locator('#link-state')).toBeVisible();
    platform = await startPlatform(db, terminals, port);
    await expect(page.locator('body[data-link="live"]')).toBeAttached({ timeout: 30_000 });
    const second = await issueTicket(platform.origin, 2);
    const afterRestart = await callAndSee(page, db, second.ticketId, 'called', 2);
    testInfo.annotations.push({ type: 'call after restart → shown', description: `${afterRestart.latencyMs} ms` });
    await expect(page.locator('#current-list li')).toHaveCount(2);
  } finally {
    await platform.process.stop();
    base.cleanup();
  }
});
