import { compared, summarise, times, withNote, type Summary } from './measure';
import { bareHttpPostsMs, startBenchPlatform } from './platform-on-loopback';
import { startBenchKiosk } from './visits';

const VISITS = 100;
/** About the size of a sealed-then-opened ticket or rating body. */
const FLOOR_BODY = JSON.stringify({ padding: 'x'.repeat(400) });

/**
 * Outbox drain on loopback: residents ask for a callback while the reference platform is unreachable
 * (each request queues one entry); then it comes back and the outbox is
 * drained, oldest first, one request at a time, each opened from its seal and sent over HTTP and
 * stored by the platform. Beside it, the floor: as many POSTs, one after another, to a bare Node
 * HTTP server that stores nothing.
 */
export async function outboxBenchmarks(): Promise<Summary[]> {
  const platform = await startBenchPlatform();
  const kiosk = await startBenchKiosk(platform.baseUrl, platform.clock);
  try {
    platform.faults.update({ reset: true, outage: true });
    for (let i = 0; i < times(VISITS); i++) await kiosk.askForCallback(i);
    const queued = kiosk.core.outbox.summary().pending;
    platform.faults.update({ reset: true });
    const started = performance.now();
    // A kick sends everything due; more passes only if one was cut short.
    for (let pass = 0; pass < 10 * queued && kiosk.core.outbox.summary().pending > 0; pass++) {
      await kiosk.core.outbox.kick();
    }
    const totalMs = performance.now() - started;
    const left = kiosk.core.outbox.summary();
    if (left.pending > 0 || left.deadLetters > 0)
      throw new Error(`outbox bench: ${JSON.stringify(left)} after the drain`);
    const rate = (queued * 1000) / totalMs;
    const floorSamples = await bareHttpPostsMs(queued, FLOOR_BODY);
    const floorRate = (floorSamples.length * 1000) / floorSamples.reduce((a, b) => a + b, 0);
    const each = summarise('', floorSamples);
    const floor = withNote(
      summarise(`http: ${queued} POSTs one after another to a bare Node server (loopback), ms per request`, [
        1000 / floorRate,
      ]),
      `${floorRate.toFixed(0)} requests/s (each: p50 ${each.p50Ms} ms, p95 ${each.p95Ms} ms)`,
    );
    const drain = withNote(
      summarise(`outbox: drain ${queued} entries to the reference platform (loopback), ms per entry`, [
        totalMs / queued,
      ]),
      `${rate.toFixed(0)} entries/s against ${floorRate.toFixed(0)} bare POSTs/s`,
    );
    return [compared(drain, floor, 'p50'), floor];
  } finally {
    await kiosk.close();
    await platform.close();
  }
}
