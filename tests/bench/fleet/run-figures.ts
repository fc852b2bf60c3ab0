import type { ProcessSample, RequestLogLine } from './platform-process';

/**
 * The figures of a fleet run, from the platform's own request log (server-side latency, one line
 * per request) and the kiosks' view (latency including the network and the kiosk's own event
 * loop). Rates are given per real second at the run's speed and per simulated second (what a
 * county of that many kiosks sends in real life).
 */
export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface FleetFigures {
  readonly steadyPerRealSecond: number;
  readonly steadyPerSimulatedSecond: number;
  readonly steadyServerMs: { readonly p50: number; readonly p99: number };
  readonly steadyKioskMs: { readonly p50: number; readonly p99: number };
  /** Highest rate over a window of RECOVERY_WINDOW_SIM_SECONDS after the restart ÷ the steady rate. */
  readonly recoveryPeakRatio: number;
  readonly recoveryPeakPerRealSecond: number;
  /** Simulated seconds from the restart until everything queued before it was delivered; null when it never was. */
  readonly drainSimSeconds: number | null;
  readonly errorsDuringSteady: number;
  readonly platformCpuCoresSteady: number;
  readonly platformCpuCoresPeak: number;
  readonly databaseCpuCoresSteady: number;
  readonly platformRssMaxBytes: number;
}

/** The recovery peak is the busiest 30 simulated seconds: shorter windows would count one kiosk's burst. */
export const RECOVERY_WINDOW_SIM_SECONDS = 30;

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
}

const within = (at: number, span: Span) => at >= span.from && at < span.to;

export function analyseRun(run: {
  readonly speed: number;
  readonly requests: readonly RequestLogLine[];
  readonly samples: readonly ProcessSample[];
  readonly clientLatencies: ReadonlyArray<{ at: number; ms: number }>;
  readonly steady: Span;
  readonly outage: Span;
  readonly recovery: Span;
  readonly drainedAt: number | undefined;
}): FleetFigures {
  const steadySeconds = (run.steady.to - run.steady.from) / 1000;
  const steady = run.requests.filter((request) => within(request.at, run.steady));
  const steadyRate = steady.length / steadySeconds;
  const windowMs = (RECOVERY_WINDOW_SIM_SECONDS * 1000) / run.speed;
  const recovered = run.requests.filter((request) => within(request.at, run.recovery)).map((request) => request.at);
  let peak = 0;
  let start = 0;
  for (let end = 0; end < recovered.length; end++) {
    while (recovered[end]! - recovered[start]! > windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  const peakRate = peak / (windowMs / 1000);
  const cores = (samples: readonly ProcessSample[], pick: (sample: ProcessSample) => number) =>
    samples.length === 0
      ? 0
      : Math.round((samples.reduce((sum, sample) => sum + pick(sample), 0) / samples.length) * 100) / 100;
  const steadySamples = run.samples.filter((sample) => within(sample.at, run.steady));
  const recoverySamples = run.samples.filter((sample) => within(sample.at, run.recovery));
  return {
    steadyPerRealSecond: Math.round(steadyRate * 10) / 10,
    steadyPerSimulatedSecond: Math.round((steadyRate / run.speed) * 100) / 100,
    steadyServerMs: {
      p50: percentile(
        steady.map((r) => r.ms),
        0.5,
      ),
      p99: percentile(
        steady.map((r) => r.ms),
        0.99,
      ),
    },
    steadyKioskMs: {
      p50: percentile(
        run.clientLatencies.filter((l) => within(l.at, run.steady)).map((l) => l.ms),
        0.5,
      ),
      p99: percentile(
        run.clientLatencies.filter((l) => within(l.at, run.steady)).map((l) => l.ms),
        0.99,
      ),
    },
    recoveryPeakRatio: Math.round((peakRate / steadyRate) * 100) / 100,
    recoveryPeakPerRealSecond: Math.round(peakRate * 10) / 10,
    drainSimSeconds:
      run.drainedAt === undefined ? null : Math.round(((run.drainedAt - run.recovery.from) / 1000) * run.speed),
    errorsDuringSteady: steady.filter((request) => request.status >= 500).length,
    platformCpuCoresSteady: cores(steadySamples, (s) => s.platformCpu),
    platformCpuCoresPeak: Math.max(0, ...recoverySamples.map((s) => Math.round(s.platformCpu * 100) / 100)),
    databaseCpuCoresSteady: cores(steadySamples, (s) => s.databaseCpu),
    platformRssMaxBytes: Math.max(0, ...run.samples.map((s) => s.rssBytes)),
  };
}
