import Database from 'better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { consoleGet, createStationStaff, signInToConsole } from './support/console-session';
import { startCountyPlatform } from './support/county-platform';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';
import { STAFFED_CLOCK } from './support/staffed-clock';

/**
 * A station's day at the counter (docs/station-staff.md): a real platform process, a real kiosk
 * started as `npm start` starts it, the station's call display (/display/<station>) on a TV-sized
 * page and station staff at the window page of the console, all in Debian Chromium. The resident
 * takes a ticket at the kiosk; staff call it from the window page; the display shows it within
 * 1 s of the window page's request and fetches its speech; a recall is shown and spoken again; the no-show ends
 * it; the platform kept every step's time.
 */

const STATION = '370784-JZ-DB';
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-calling-terminal-token-0123456789';
const ADMIN = { username: 'zhao.admin', displayName: '赵管理员', password: 'qiu-shan-lu-47-hao' };
const STAFF = { username: 'wang.window', displayName: '王窗口', password: 'dong-bu-cun-5-zu-18' };

test.setTimeout(5 * 60_000);

test('a ticket taken at the kiosk is called from the window page, shown on the call display within 1 s and spoken; recall and no-show are kept with their times', async ({
  browser,
}, testInfo) => {
  const county = await startCountyPlatform({
    stationId: STATION,
    terminalId: TERMINAL,
    token: TOKEN,
    admin: ADMIN,
    // Tickets are issued and called on a working morning.
    clock: STAFFED_CLOCK,
  });
  const { origin, db, kiosk } = county;
  try {
    // The resident takes a regular ticket at the kiosk.
    const kioskPage = await (await browser.newContext({ viewport: LANDSCAPE })).newPage();
    await kioskPage.goto(kiosk.url);
    await enterHome(kioskPage);
    await kioskPage.getByRole('button', { name: /取号/ }).first().click();
    await kioskPage.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
    await kioskPage.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
    await expect(kioskPage.getByTestId('ticket-number')).toHaveText(/^[A-Z][0-9]{3}$/);
    const ticketNo = ((await kioskPage.getByTestId('ticket-number').textContent()) ?? '').trim();
    const stored = platformTicket(db, ticketNo);
    expect(stored, `ticket ${ticketNo} in the platform`).toBeDefined();
    await kioskPage.getByTestId('ticket-done').click();

    // The station's TV shows the call display.
    const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await display.goto(`${origin}/display/${STATION}`);
    await expect(display.locator('body[data-link="live"]')).toBeAttached();
    await expect(display.locator('#current-empty')).toBeVisible();

    // The county admin makes the station's staff login; staff sign in and open the window that
    // calls the ticket's service.
    const adminPage = await consolePage(browser);
    await signInToConsole(adminPage, origin, ADMIN);
    expect(await createStationStaff(adminPage, STAFF, STATION)).toEqual({ status: 201 });
    await adminPage.context().close();
    const staff = await consolePage(browser);
    await signInToConsole(staff, origin, STAFF);
    const windowNo = await windowFor(staff, stored!.serviceCode);
    await staff.goto(`${origin}/console/windows/${STATION}/${windowNo}`);
    await staff.getByTestId('verb-open').click();
    await expect(staff.getByTestId('window-status')).toHaveAttribute('data-status', 'open');
    await expect(staff.getByTestId(`queue-waiting-${stored!.serviceCode}`)).toHaveAttribute('data-count', '1');

    // Call next: the display shows it within 1 s of the window page's request and asks for its speech.
    const call = await clickAndSee(staff, display, 'verb-callNext');
    testInfo.annotations.push({
      type: 'window call → shown on the call display',
      description: `${call.latencyMs} ms`,
    });
    expect(call.latencyMs).toBeLessThan(1_000);
    await expect(staff.getByTestId('current-ticket-no')).toHaveText(ticketNo);
    await expect(staff.getByTestId('current-ticket')).toHaveAttribute('data-status', 'called');
    await expect(display.locator('#current-list li').first()).toContainText(ticketNo);
    await expect(display.locator('#current-list li').first()).toContainText(`${windowNo}号窗口`);

    // Recall: its own announcement, spoken again.
    const recall = await clickAndSee(staff, display, 'verb-recall');
    testInfo.annotations.push({ type: 'recall → shown', description: `${recall.latencyMs} ms` });
    expect(recall.latencyMs).toBeLessThan(1_000);
    expect(recall.eventId).toBeGreaterThan(call.eventId);
    await expect(display.locator('#recent-list li').first()).toContainText('再次呼叫');
    await expect(staff.getByTestId('recall-count')).toContainText('1');
    await saveScreenshot(display, testInfo, 'station-calling-display');
    await saveScreenshot(staff, testInfo, 'station-calling-window');

    // Nobody came: no-show ends it, the window is free, nothing more is announced.
    await staff.getByTestId('verb-noShow').click();
    await expect(staff.getByTestId('current-empty')).toBeVisible();
    const times = ticketTimes(db, stored!.ticketId);
    expect(times).toMatchObject({ status: 'noShow', window_no: windowNo, recall_count: 1 });
    for (const column of ['first_called_at', 'called_at', 'recalled_at', 'no_show_at'] as const)
      expect(times[column], column).not.toBeNull();
    expect(ticketEventKinds(db, stored!.ticketId)).toEqual(['called', 'recalled', 'noShow']);
    await expect(display.locator('#recent-list li')).toHaveCount(2);
  } finally {
    await county.stop();
  }
});

async function consolePage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
}

/** The window of the station that calls a service (the station gets one per service at first). */
async function windowFor(page: Page, serviceCode: string): Promise<number> {
  const { body } = await consoleGet(page, `/queue/windows?station=${encodeURIComponent(STATION)}`);
  const list = body as {
    stations: Array<{ stationId: string; windows: Array<{ windowNo: number; serviceCodes: string[] }> }>;
  };
  const windows = list.stations.find((station) => station.stationId === STATION)?.windows ?? [];
  const found = windows.find((window) => window.serviceCodes.includes(serviceCode));
  expect(found, `a window calling ${serviceCode}`).toBeDefined();
  return found!.windowNo;
}

/**
 * Clicks a verb on the window page and waits until the display shows a new announcement. The
 * latency runs from the moment the window page's request left the browser (Playwright's request
 * timing, wall-clock milliseconds) to the moment the display's list changed (a MutationObserver in
 * the display page, the same machine's clock): the platform's work, the push to the display and its
 * drawing — not how long a loaded test machine takes to dispatch the click. Also waits for the
 * display to ask for that announcement's speech.
 */
async function clickAndSee(staff: Page, display: Page, verb: string) {
  const before = await display.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { shownAt: Record<string, number> }).shownAt = seen;
    const list = document.getElementById('current-list');
    const observer = new MutationObserver(() => {
      for (const li of list?.querySelectorAll('li.newest') ?? []) {
        const id = (li as HTMLElement).dataset['eventId'];
        if (id !== undefined && seen[id] === undefined) seen[id] = Date.now();
      }
    });
    if (list) observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    const newest = list?.querySelector('li.newest') as HTMLElement | null;
    return Number(newest?.dataset['eventId'] ?? 0);
  });
  const speech = display.waitForRequest((request) => /\/announcements\/\d+\.wav$/.test(request.url()), {
    timeout: 15_000,
  });
  const sent = staff.waitForRequest((request) => request.method() === 'POST' && request.url().includes('/queue/'));
  await staff.getByTestId(verb).click();
  const request = await sent;
  const newest = display.locator('#current-list li.newest');
  await expect
    .poll(async () => Number((await newest.first().getAttribute('data-event-id')) ?? 0), { timeout: 5_000 })
    .toBeGreaterThan(before);
  const eventId = Number(await newest.first().getAttribute('data-event-id'));
  const shownAt = await display.evaluate(
    (id) => (window as unknown as { shownAt: Record<string, number> }).shownAt[String(id)] ?? Date.now(),
    eventId,
  );
  expect((await speech).url()).toContain(`/announcements/${eventId}.wav`);
  await request.response();
  return { eventId, latencyMs: Math.round(shownAt - request.timing().startTime) };
}

function platformTicket(dbPath: string, ticketNo: string): { ticketId: string; serviceCode: string } | undefined {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT ticket_id AS ticketId, service_code AS serviceCode FROM tickets WHERE ticket_no = ?')
      .get(ticketNo) as { ticketId: string; serviceCode: string } | undefined;
  } finally {
    db.close();
  }
}

interface TicketTimes {
  status: string;
  window_no: number;
  recall_count: number;
  first_called_at: string | null;
  called_at: string | null;
  recalled_at: string | null;
  no_show_at: string | null;
}

function ticketTimes(dbPath: string, ticketId: string): TicketTimes {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        'SELECT status, window_no, recall_count, first_called_at, called_at, recalled_at, no_show_at FROM ticket_states WHERE ticket_id = ?',
      )
      .get(ticketId) as TicketTimes;
  } finally {
    db.close();
  }
}

function ticketEventKinds(dbPath: string, ticketId: string): string[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT kind FROM ticket_events WHERE ticket_id = ? ORDER BY event_id')
      .pluck()
      .all(ticketId) as string[];
  } finally {
    db.close();
  }
}
