import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeedCatalog } from '../../platform/seed';
import { FaultController } from '../../platform/server/faults/fault-controller';
import { startPlatformServer } from '../../platform/server/start';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { runningClock } from '../helpers/staffed-clock';
import { BENCH_PLATFORM_TOKEN } from './visits';

/** The reference platform (its own SQLite in a temp folder) on loopback, on a staffed morning. */
export async function startBenchPlatform() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-platform-'));
  const faults = new FaultController({ seed: 1 });
  // Tickets are refused out of staffed hours: kiosk and platform run on a working morning.
  const clock = runningClock();
  const platform = await startPlatformServer({
    dbPath: join(dir, 'platform.sqlite'),
    terminals: [
      { id: kioskInfoFixture.terminal.id, token: BENCH_PLATFORM_TOKEN, stationId: kioskInfoFixture.station.id },
    ],
    seedCatalog: loadSeedCatalog,
    faults,
    now: clock,
    // A station makes a few hundred visits a day; the soak makes them in minutes, far above the
    // platform's 600 requests a minute per terminal, whose 429s would send tickets offline.
    limits: { requestsPerMinute: 1_000_000 },
  });
  return {
    baseUrl: platform.baseUrl,
    faults,
    clock,
    async close() {
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The floor of one delivery: a bare Node HTTP server on loopback that reads the body and answers
 * 200 `{}`, and `count` POSTs to it one after another with fetch, as the outbox sends.
 */
export async function bareHttpPostsMs(count: number, body: string): Promise<number[]> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await answer.json();
      samples.push(performance.now() - started);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return samples;
}
