import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildConsole, CONSOLE_OUT, consoleIsStale } from '../../scripts/build-console';
import {
  openSse,
  startDisplayPlatform,
  STATION,
  type SseClient,
} from '../../platform/server/call-display/calls.testing';
import type { WaitingTicketRow } from '../../platform/server/queue-calling/testing';
import { launchBenchChromium } from './chromium';
import { isQuick, summarise, withNote, type Summary } from './measure';

/**
 * The call display running for days (platform/display): the page in Debian Chromium receives a
 * few days' worth of calls with time compressed (a busy station calls ≈ 300 tickets a day; the
 * full run sends 5,000, the quick run 300), and its JS heap (CDP, after a forced GC) and DOM node
 * count at the start and the end are compared: they must not grow with the number of calls. Beside
 * it, the platform with the most displays a station may stream to (8): its heap after the same
 * calls, and its feed listeners back to zero once they disconnect.
 */

function forceGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function callDisplayBenchmarks(): Promise<Summary[]> {
  if (consoleIsStale()) await buildConsole();
  const calls = isQuick() ? 300 : 5_000;
  const gc = forceGc();
  const platform = await startDisplayPlatform(undefined, CONSOLE_OUT);
  const browser = await launchBenchChromium();
  const displays: SseClient[] = [];
  const perCall: number[] = [];
  try {
    const tickets: WaitingTicketRow[] = [];
    for (let i = 0; i < 40; i += 1) tickets.push(await platform.issueTicket());
    let sent = 0;
    const sendCalls = async (count: number) => {
      for (let i = 0; i < count; i += 1, sent += 1) {
        const ticket = tickets[sent % tickets.length];
        if (!ticket) throw new Error('no ticket');
        const started = performance.now();
        await platform.announce(ticket, sent % 7 === 6 ? 'recalled' : 'called', (sent % 6) + 1);
        perCall.push(performance.now() - started);
        // A few milliseconds apart: a day of calls in a second or two, but every one its own event.
        if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${platform.origin}/display/${STATION}`);
    await page.locator('body[data-link="live"]').waitFor();
    // Seven streams more, as other TVs of the station (the cap is eight).
    for (let i = 0; i < 7; i += 1) {
      const display = await openSse(`${platform.origin}/call-display/v1/stations/${STATION}/stream`);
      await display.next();
      displays.push(display);
    }
    const readers = displays.map(async (display) => {
      for (;;) await display.next(60_000);
    });
    void Promise.allSettled(readers);

    const shown = async () =>
      page.locator(`#recent-list li:first-child[data-event-id="${await lastId()}"]`).waitFor({ timeout: 60_000 });
    const lastId = async () =>
      (await platform.sql.get<{ id: number }>('SELECT max(event_id) AS id FROM ticket_events'))?.id;
    const pageMemory = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      const domNodes = await page.evaluate<number>("document.getElementsByTagName('*').length");
      return { heap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), domNodes };
    };
    const platformHeap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };

    await sendCalls(50); // warm-up: every row and code path made once
    await shown();
    const pageStart = await pageMemory();
    const platformStart = platformHeap();
    const startedAt = performance.now();
    await sendCalls(calls);
    await shown();
    const elapsedS = (performance.now() - startedAt) / 1000;
    const pageEnd = await pageMemory();
    const platformEnd = platformHeap();
    const listeners = platform.feed.listenerCount();
    for (const display of displays.splice(0)) display.close();
    await context.close();
    const deadline = Date.now() + 5_000;
    while (platform.feed.listenerCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
    return [
      withNote(
        summarise(`call display: ${calls} calls to one station, store + nudge per call`, perCall),
        `page JS heap ${kb(pageStart.heap)} → ${kb(pageEnd.heap)} (${kb(pageEnd.heap - pageStart.heap)}); ` +
          `DOM elements ${pageStart.domNodes} → ${pageEnd.domNodes}, CDP nodes ${pageStart.nodes} → ${pageEnd.nodes}; ` +
          `all shown in ${elapsedS.toFixed(1)} s; goal: no growth`,
      ),
      withNote(
        summarise('call display platform: 8 displays streaming the same calls', perCall),
        `platform heap ${kb(platformStart)} → ${kb(platformEnd)} (${kb(platformEnd - platformStart)}); ` +
          `feed listeners ${listeners} while connected, ${platform.feed.listenerCount()} after they closed; ` +
          `announcement clips cached: bounded at 64`,
      ),
    ];
  } finally {
    for (const display of displays) display.close();
    await browser.close();
    await platform.close();
  }
}
