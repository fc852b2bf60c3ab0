import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/build-renderer';
import { ensureTestCluster } from '../../../scripts/postgres/throwaway-cluster';
import { isQuick, type Summary } from '../measure';
import { runFleet, type FleetRunOptions, type FleetRunResult } from './fleet-run';
import { RECOVERY_WINDOW_SIM_SECONDS } from './run-figures';

/**
 * `npm run bench:fleet` (also `npm run bench -- --only fleet`): 1,000 simulated kiosks against a
 * real platform process on PostgreSQL, then the same on SQLite, each through a ten-minute outage
 * (docs/county-scale.md "The fleet simulation"). The quick run (npm test) uses 40 kiosks at 60×
 * so it proves the whole path in well under a minute; its figures mean nothing.
 */
function optionsFor(engine: 'postgres' | 'sqlite'): FleetRunOptions {
  const quick = isQuick();
  return {
    engine,
    kiosks: quick ? 40 : Number(process.env['FLEET_KIOSKS'] ?? 1000),
    speed: quick ? 60 : Number(process.env['FLEET_SPEED'] ?? 10),
    steadySimSeconds: quick ? 240 : 300,
    outageSimSeconds: 600,
    afterSimSeconds: quick ? 60 : 120,
    drainItems: Number(process.env['FLEET_DRAIN_ITEMS'] ?? (quick ? 100 : 2000)),
  };
}

function summaries(result: FleetRunResult): Summary[] {
  const { options, figures, ledger } = result;
  const label = `fleet (${options.engine}, ${options.kiosks} kiosks, ${options.speed}× time)`;
  const latency = (name: string, ms: { p50: number; p99: number }, note: string): Summary => ({
    name: `${label}: ${name}`,
    samples: 1,
    p50Ms: ms.p50,
    p95Ms: Number.NaN,
    p99Ms: ms.p99,
    maxMs: Number.NaN,
    note,
  });
  const MB = 1024 * 1024;
  return [
    latency(
      'steady requests, platform-side ms',
      figures.steadyServerMs,
      `${figures.steadyPerRealSecond} requests/s (= ${figures.steadyPerSimulatedSecond}/s for the county in real time), ` +
        `${figures.errorsDuringSteady} 5xx; platform CPU ${figures.platformCpuCoresSteady} cores, ` +
        `database CPU ${figures.databaseCpuCoresSteady} cores, RSS max ${(figures.platformRssMaxBytes / MB).toFixed(0)} MB`,
    ),
    latency('steady requests, kiosk-side ms', figures.steadyKioskMs, "including the kiosk process's own event loop"),
    {
      name: `${label}: after a 10-minute outage`,
      samples: 1,
      p50Ms: Number.NaN,
      p95Ms: Number.NaN,
      p99Ms: Number.NaN,
      maxMs: Number.NaN,
      note:
        `recovery peak ${figures.recoveryPeakRatio}× steady (busiest ${RECOVERY_WINDOW_SIM_SECONDS} simulated s; goal ≤ 2×), ` +
        `backlog drained in ${figures.drainSimSeconds ?? 'never'} simulated s, platform CPU peak ${figures.platformCpuCoresPeak} cores; ` +
        `${ledger.items} items: ${ledger.lost} lost, ${ledger.duplicated} duplicated, ${ledger.unsent} unsent` +
        (ledger.issuedUnanswered > 0 ? `, ${ledger.issuedUnanswered} online tickets issued whose answer was lost` : ''),
    },
    {
      name: `${label}: one kiosk's outbox drain on loopback`,
      samples: 1,
      p50Ms: Math.round((1000 / result.oneKioskDrainPerSecond) * 100) / 100,
      p95Ms: Number.NaN,
      p99Ms: Number.NaN,
      maxMs: Number.NaN,
      note: `${result.oneKioskDrainPerSecond.toFixed(0)} items/s (goal ≥ 500)`,
    },
  ];
}

export async function fleetBenchmarks(): Promise<Summary[]> {
  const cluster = ensureTestCluster(ROOT);
  if (!cluster.ok) throw new Error(`fleet benchmark: ${cluster.reason}`);
  const results: FleetRunResult[] = [];
  // FLEET_ENGINES=sqlite runs one of them (while working on the simulation itself).
  const engines = (process.env['FLEET_ENGINES'] ?? 'postgres,sqlite').split(',') as Array<'postgres' | 'sqlite'>;
  for (const engine of engines) {
    results.push(await runFleet(optionsFor(engine)));
  }
  writeFileSync(
    join(ROOT, 'test-results', isQuick() ? 'bench-fleet-quick.json' : 'bench-fleet.json'),
    JSON.stringify(results, null, 2),
  );
  for (const result of results) {
    if (result.ledger.lost > 0 || result.ledger.duplicated > 0) {
      // The one figure that is a correctness claim, not a speed: a run that lost or doubled an item fails.
      throw new Error(
        `fleet (${result.options.engine}): ${result.ledger.lost} lost, ${result.ledger.duplicated} duplicated:\n` +
          result.ledger.problems.join('\n'),
      );
    }
  }
  return results.flatMap(summaries);
}
