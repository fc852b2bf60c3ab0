/** Timing helpers for `npm run bench`: wall-clock samples, their percentiles, and ratios to a floor or a peer. */
export type Percentile = 'p50' | 'p95' | 'p99';

/** A figure set beside its floor or its peer, measured in the same run. */
export interface Comparison {
  /** The name of the Summary it is compared with. */
  readonly against: string;
  readonly on: Percentile;
  /** this figure ÷ the other one, at `on` (1.12 = 12 % slower than the floor). */
  readonly ratio: number;
  /** The target, as the issue states it ("≤ 1.15×"); benchmarks print it, they do not fail on it. */
  readonly goal?: string;
}

export interface Summary {
  readonly name: string;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly comparison?: Comparison;
  /** Figures that are not durations (a rate, a memory growth), printed after the table's columns. */
  readonly note?: string;
}

export function summarise(name: string, samplesMs: readonly number[]): Summary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    name,
    samples: sorted.length,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
  };
}

const MS_OF: Record<Percentile, (s: Summary) => number> = {
  p50: (s) => s.p50Ms,
  p95: (s) => s.p95Ms,
  p99: (s) => s.p99Ms,
};

/** `figure` with its ratio to `baseline` at one percentile. */
export function compared(figure: Summary, baseline: Summary, on: Percentile, goal?: string): Summary {
  const ratio = MS_OF[on](figure) / MS_OF[on](baseline);
  return { ...figure, comparison: { against: baseline.name, on, ratio: Math.round(ratio * 100) / 100, goal } };
}

export function withNote(figure: Summary, note: string): Summary {
  return { ...figure, note };
}

/**
 * How many times to run a measurement: as asked, or at most twice in the quick run (`npm run bench
 * -- --quick`, part of `npm test`), which proves every benchmark still runs, not how fast.
 */
export function times(asked: number): number {
  return isQuick() ? Math.min(asked, 2) : asked;
}

export const isQuick = () => process.env['BENCH_QUICK'] === '1';

export async function sample(times: number, run: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
