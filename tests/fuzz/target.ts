import fc from 'fast-check';

/**
 * What a fuzz target is: a named boundary (the SAM frame parser, the kiosk API …) with one or
 * more properties, each an arbitrary and a predicate that throws on a broken invariant. The
 * runner (run-worker.ts) runs a target's properties for its share of the time budget in a worker
 * thread, so a hang or a crash in one target is caught and reported instead of taking the run
 * down with it.
 */
export interface FuzzTarget {
  readonly name: string;
  /** Builds what the properties need (a kiosk core, a platform …) and the properties. */
  setup(): Promise<TargetInstance>;
}

export interface TargetInstance {
  readonly properties: readonly FuzzProperty[];
  teardown(): Promise<void>;
}

export interface FuzzProperty {
  readonly name: string;
  /** Share of the target's time, relative to its other properties. */
  readonly weight: number;
  readonly property: fc.IRawProperty<[unknown]>;
}

/** A broken invariant: thrown by predicates, reported with the input that broke it. */
export class Violation extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Violation(message);
}

/**
 * The runner's view of the input being tried: counted in shared memory so the watchdog on the
 * main thread sees progress (and which input hung), and remembered for reports of failures that
 * surface later (an unhandled rejection).
 */
export interface Probe {
  started(input: unknown): void;
}

let probe: Probe = { started: () => undefined };
export function setProbe(next: Probe): void {
  probe = next;
}

/**
 * An input taking longer than this in a synchronous parser is a performance cliff, reported. Wall
 * time, so generous: on a build machine shared by many jobs a 200 ms input can take seconds.
 */
const DEFAULT_SLOW_MS = 10_000;

export function syncProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (input: T) => void,
  options: { weight?: number; slowMs?: number } = {},
): FuzzProperty {
  const slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
  const property = fc.property(arbitrary, (input) => {
    probe.started(input);
    const started = performance.now();
    predicate(input);
    const took = performance.now() - started;
    if (took > slowMs) throw new Violation(`slow input: ${Math.round(took)} ms (limit ${slowMs} ms)`);
  });
  return { name, weight: options.weight ?? 1, property };
}

export class Hang extends Violation {}

export function asyncProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (input: T) => Promise<void>,
  options: { weight?: number; timeoutMs?: number } = {},
): FuzzProperty {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const property = fc.asyncProperty(arbitrary, async (input) => {
    probe.started(input);
    await within(predicate(input), timeoutMs);
  });
  return { name, weight: options.weight ?? 1, property };
}

/** Every input is bounded: no answer within `ms` is a hang, reported with the input. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Hang(`hang: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    // A late rejection of abandoned work is part of the hang already reported, not a new failure.
    work.catch(() => undefined);
  }
}
