import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepAliveFetch } from '../../../core/platform-client/keep-alive-fetch';
import { memoryStore } from '../../../core/testing/memory-store';
import { createScratchDatabase, dropScratchDatabases } from '../../../platform/server/db/postgres/testing';
import { mulberry32 } from '../../../renderer/src/camera/testing/synthetic-document';
import { loadSeedCatalog } from '../../../platform/seed';
import { SAMPLE_RATING_OPTIONS } from '../../../platform/server/sample/rating-options';
import { runningClock, STAFFED_MOMENT } from '../../helpers/staffed-clock';
import { startPlatformProcess, type PlatformProcess } from './platform-process';
import { benchMatter } from './workload';
import { startSimulatedKiosk, type FleetKioskSpec, type KioskWorld, type SimulatedKiosk } from './simulated-kiosk';
import { checkFleetLedger, type LedgerCheck } from './ledger-check';
import { measureOneKioskDrain } from './one-kiosk-drain';
import { analyseRun, type FleetFigures } from './run-figures';

/**
 * One run of the fleet simulation on one engine (docs/county-scale.md "The fleet simulation"):
 * a real platform process, `kiosks` simulated kiosks against it at `speed`× time, a steady
 * stretch, the platform stopped for ten simulated minutes and started again, the backlog drained,
 * then every item checked against the platform's tables, and one kiosk's outbox drain timed.
 */
export interface FleetRunOptions {
  readonly engine: 'postgres' | 'sqlite';
  readonly kiosks: number;
  readonly speed: number;
  readonly steadySimSeconds: number;
  readonly outageSimSeconds: number;
  /** After the backlog drained, how long visits go on before the fleet stops making new ones. */
  readonly afterSimSeconds: number;
  /** Items queued at one kiosk for the drain measurement. */
  readonly drainItems: number;
}

export interface FleetRunResult {
  readonly options: FleetRunOptions;
  readonly figures: FleetFigures;
  readonly ledger: LedgerCheck;
  readonly oneKioskDrainPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFleet(options: FleetRunOptions): Promise<FleetRunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  const specs: FleetKioskSpec[] = Array.from({ length: options.kiosks }, (_, index) => {
    const n = String(index + 1).padStart(4, '0');
    return {
      terminalId: `fleet-${n}`,
      token: `fleet-token-${n}-${randomBytes(12).toString('hex')}`,
      stationId: `fleet-station-${n}`,
    };
  });
  const terminalsFile = join(dir, 'terminals');
  writeFileSync(terminalsFile, specs.map((s) => `${s.terminalId}:${s.token}:${s.stationId}`).join('\n') + '\n', {
    mode: 0o600,
  });
  const dataKeyFile = join(dir, 'platform-data-key');
  writeFileSync(dataKeyFile, randomBytes(32).toString('hex'), { mode: 0o600 });

  let database: { args: string[]; drop: () => Promise<void> };
  if (options.engine === 'postgres') {
    // On the cluster PLATFORM_TEST_POSTGRES_URL names (ensureTestCluster), byte-order sorting.
    const made = await createScratchDatabase();
    // Pool size for a county's load on a small server: docs/county-scale.md "Connection pool".
    database = { args: ['--database-url', made.url, '--database-pool-size', '20'], drop: dropScratchDatabases };
  } else {
    database = { args: ['--db', join(dir, 'platform.db')], drop: () => Promise.resolve() };
  }

  const runStart = performance.now();
  const clientLatencies: Array<{ at: number; ms: number }> = [];
  const measuredFetch: typeof globalThis.fetch = async (input, init) => {
    const started = performance.now();
    try {
      return await keepAliveFetch(input, init);
    } finally {
      clientLatencies.push({ at: started - runStart, ms: performance.now() - started });
    }
  };

  const say = (what: string) =>
    console.error(`fleet (${options.engine}) ${((performance.now() - runStart) / 1000).toFixed(1)} s: ${what}`);
  let platform: PlatformProcess | undefined;
  const kiosks: SimulatedKiosk[] = [];
  try {
    platform = await startPlatformProcess({
      databaseArgs: database.args,
      terminalsFile,
      dataKeyFile,
      clock: STAFFED_MOMENT,
      runStart,
      // Raised from 600: the one-kiosk drain sends its queue as fast as the platform answers.
      requestsPerMinute: 100_000,
      ...(options.engine === 'postgres' ? { databaseProcessName: 'postgres' } : {}),
    });
    const catalog = loadSeedCatalog();
    const store = memoryStore();
    const world: KioskWorld = {
      baseUrl: platform.baseUrl(),
      speed: options.speed,
      matter: benchMatter(catalog),
      ratingOptionsVersion: SAMPLE_RATING_OPTIONS.version,
      catalogVersion: catalog.version,
      day: STAFFED_MOMENT.slice(0, 10),
      now: runningClock(STAFFED_MOMENT),
      storeImage: store.serialize(),
      fetch: measuredFetch,
    };
    store.close();
    const random = mulberry32(20261207);
    // Started over one simulated minute, as a township's kiosks come up after a power cut.
    const stagger = 60_000 / options.speed / options.kiosks;
    for (const spec of specs) {
      kiosks.push(await startSimulatedKiosk(spec, world, random));
      await sleep(stagger);
    }
    const ms = (simSeconds: number) => (simSeconds * 1000) / options.speed;
    say(`${kiosks.length} kiosks started`);

    const steadyFrom = performance.now() - runStart;
    await sleep(ms(options.steadySimSeconds));
    const steadyTo = performance.now() - runStart;

    await platform.stop();
    say('platform stopped');
    const outageFrom = performance.now() - runStart;
    await sleep(ms(options.outageSimSeconds));
    // What was queued before the restart is the backlog whose drain is timed.
    const backlogTop = kiosks.map((kiosk) => maxOutboxId(kiosk));
    await platform.start();
    say('platform started again');
    const restartAt = performance.now() - runStart;
    let drainedAt: number | undefined;
    const deadline = performance.now() + ms(3600);
    while (drainedAt === undefined && performance.now() < deadline) {
      if (kiosks.every((kiosk, index) => pendingAtOrBelow(kiosk, backlogTop[index] ?? 0) === 0)) {
        drainedAt = performance.now() - runStart;
      } else await sleep(50);
    }
    say(drainedAt === undefined ? `the backlog did not drain: ${describePending(kiosks)}` : 'backlog drained');
    await sleep(ms(options.afterSimSeconds));
    const recoveryTo = performance.now() - runStart;

    // The fleet stops making visits; whatever is still queued goes out, then the books are checked.
    for (const kiosk of kiosks) kiosk.stopVisits();
    const settleDeadline = performance.now() + 120_000;
    while (kiosks.some((kiosk) => kiosk.outbox.summary().pending > 0) && performance.now() < settleDeadline) {
      await Promise.all(kiosks.map((kiosk) => kiosk.outbox.kick()));
      await sleep(100);
    }
    for (const kiosk of kiosks) await kiosk.halt();
    say('fleet halted; checking the books');
    const ledger = await checkFleetLedger(
      options.engine === 'postgres'
        ? { engine: 'postgres', url: database.args[1]! }
        : { engine: 'sqlite', path: database.args[1]! },
      dataKeyFile,
      kiosks,
    );
    const figures = analyseRun({
      speed: options.speed,
      requests: platform.requests,
      samples: platform.samples,
      clientLatencies,
      steady: { from: steadyFrom + ms(60), to: steadyTo },
      outage: { from: outageFrom, to: restartAt },
      recovery: { from: restartAt, to: recoveryTo },
      drainedAt,
    });
    const oneKioskDrainPerSecond = await measureOneKioskDrain(platform, specs[0]!, world, options.drainItems);
    return { options, figures, ledger, oneKioskDrainPerSecond };
  } finally {
    await Promise.allSettled(kiosks.map((kiosk) => kiosk.stop()));
    await platform?.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function maxOutboxId(kiosk: SimulatedKiosk): number {
  if (!kiosk.db.open) return 0;
  const row = kiosk.db.prepare('SELECT max(id) AS top FROM outbox').get() as { top: number | null };
  return row.top ?? 0;
}

function pendingAtOrBelow(kiosk: SimulatedKiosk, top: number): number {
  const row = kiosk.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending' AND id <= ?").get(top) as {
    n: number;
  };
  return row.n;
}

/** Why items are still queued, grouped (for a run whose backlog did not drain). */
function describePending(kiosks: readonly SimulatedKiosk[]): string {
  const reasons = new Map<string, number>();
  for (const kiosk of kiosks) {
    if (!kiosk.db.open) continue;
    const rows = kiosk.db.prepare("SELECT kind, last_error AS error FROM outbox WHERE state <> 'sent'").all() as Array<{
      kind: string;
      error: string | null;
    }>;
    for (const row of rows) {
      const key = `${row.kind}: ${row.error ?? 'not tried yet'}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  }
  return [...reasons].map(([reason, count]) => `${count}× ${reason}`).join('; ') || 'nothing left';
}
