import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FailureReport, PropertyReport, WorkerInput, WorkerMessage } from './protocol';
import { describeError } from './protocol';

/**
 * Runs fuzz targets one after the other (the build machines have two cores), each in a worker
 * thread with a watchdog, and writes what failed so it can be replayed. Invariants checked for
 * every target, whatever its own properties say: no exception escapes, no input hangs (async
 * inputs time out inside the worker; a synchronous input that never returns is caught here, by
 * the progress counter standing still), no unhandled rejection, no crash of the thread.
 */

export interface TargetSpec {
  readonly name: string;
  readonly description: string;
  /** Share of the run's budget, relative to the other targets. */
  readonly weight: number;
  readonly module: string;
  readonly exportName: string;
}

export interface RunnerOptions {
  readonly targets: readonly TargetSpec[];
  /** Fuzzing time for all targets together (set-up not counted). */
  readonly budgetMs: number;
  readonly seed: number;
  readonly property?: string;
  readonly path?: string;
  /** Where failures and report.json go; null writes nothing. */
  readonly outDir: string | null;
  /** An input (or tear-down) making no progress this long is a hang. Default 60 s. */
  readonly hangMs?: number;
  /** Starting the worker and setting the target up may take this long. Default 180 s. */
  readonly setupLimitMs?: number;
  /** Targets run at once (each in its own worker thread). Default 1. */
  readonly jobs?: number;
  readonly log?: (line: string) => void;
}

export interface TargetResult {
  readonly name: string;
  readonly properties: PropertyReport[];
  readonly failures: FailureReport[];
  inputs: number;
  ms: number;
  setupMs: number | null;
}

export interface RunResult {
  readonly seed: number;
  readonly targets: readonly TargetResult[];
  readonly inputs: number;
  readonly failures: readonly FailureReport[];
  readonly ms: number;
}

/** tsx compiles the worker's TypeScript; a worker does not inherit the parent's loader. */
const BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then((api) => { api.register(); return import(workerData.entry); });
`;
const WORKER_ENTRY = new URL('./run-worker.ts', import.meta.url).href;

export async function runFuzz(options: RunnerOptions): Promise<RunResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const totalWeight = options.targets.reduce((sum, t) => sum + t.weight, 0);
  if (options.outDir) {
    rmSync(options.outDir, { recursive: true, force: true });
    mkdirSync(options.outDir, { recursive: true });
  }
  const results: TargetResult[] = new Array<TargetResult>(options.targets.length);
  const running = new Set<string>();
  const noteRunning = () => {
    // Left behind only if the whole process dies (a native crash): says what was running.
    if (options.outDir) {
      writeFileSync(
        join(options.outDir, 'running.json'),
        JSON.stringify({ targets: [...running], seed: options.seed }, null, 2),
      );
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < options.targets.length) {
      const index = next++;
      const spec = options.targets[index]!;
      running.add(spec.name);
      noteRunning();
      const result = await runTarget(spec, (options.budgetMs * spec.weight) / totalWeight, options);
      running.delete(spec.name);
      noteRunning();
      results[index] = result;
      log(targetLine(result));
      for (const failure of result.failures) {
        const saved = options.outDir ? saveFailure(options.outDir, failure) : null;
        log(failureLines(failure, saved));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.jobs ?? 1) }, worker));
  const failures = results.flatMap((r) => r.failures);
  const run: RunResult = {
    seed: options.seed,
    targets: results,
    inputs: results.reduce((sum, r) => sum + r.inputs, 0),
    failures,
    ms: Math.round(performance.now() - started),
  };
  if (options.outDir) {
    rmSync(join(options.outDir, 'running.json'), { force: true });
    writeFileSync(join(options.outDir, 'report.json'), JSON.stringify(run, null, 2));
  }
  return run;
}

export function summaryLine(run: RunResult): string {
  const failed = run.failures.length;
  return (
    `fuzz: ${run.inputs.toLocaleString('en')} inputs over ${run.targets.length} targets in ` +
    `${(run.ms / 1000).toFixed(1)} s, ${failed} ${failed === 1 ? 'failure' : 'failures'} (seed ${run.seed})`
  );
}

function runTarget(spec: TargetSpec, budgetMs: number, options: RunnerOptions): Promise<TargetResult> {
  const hangMs = options.hangMs ?? 60_000;
  const setupLimitMs = options.setupLimitMs ?? 180_000;
  const progress = new SharedArrayBuffer(8);
  const view = new Int32Array(progress);
  const data: WorkerInput & { entry: string } = {
    entry: WORKER_ENTRY,
    target: spec.name,
    module: spec.module,
    exportName: spec.exportName,
    budgetMs,
    seed: options.seed,
    progress,
    ...(options.property !== undefined ? { property: options.property } : {}),
    ...(options.path !== undefined ? { path: options.path } : {}),
  };
  const result: TargetResult = { name: spec.name, properties: [], failures: [], inputs: 0, ms: 0, setupMs: null };
  const started = performance.now();

  return new Promise((resolve) => {
    const worker = new Worker(BOOT, { eval: true, workerData: data });
    let propertyNames: readonly string[] = [];
    let finished = false;
    let last = { property: -1, count: -1, at: performance.now() };

    const failure = (
      kind: FailureReport['kind'],
      property: string,
      error: string,
      extra: Partial<FailureReport> = {},
    ) =>
      result.failures.push({
        kind,
        target: spec.name,
        property,
        seed: options.seed,
        error,
        recentInputs: [],
        ...extra,
      });

    const finish = () => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      result.inputs = result.properties.reduce((sum, p) => sum + p.runs, 0);
      result.ms = Math.round(performance.now() - started);
      void worker.terminate().then(() => resolve(result));
    };

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'setup':
          // Worker start, module loading and the target's own set-up.
          result.setupMs = Math.round(performance.now() - started);
          propertyNames = message.properties;
          break;
        case 'property':
          result.properties.push(message.report);
          break;
        case 'failure':
          result.failures.push(message.failure);
          break;
        case 'done':
          finish();
          break;
      }
    });
    worker.on('error', (error) => {
      failure('crash', '(worker)', describeError(error));
      finish();
    });
    worker.on('exit', (code) => {
      // Messages posted just before the exit are still being delivered; let them land first.
      setImmediate(() => {
        if (finished) return;
        failure('crash', '(worker)', `the worker thread exited (code ${code}) before finishing`);
        finish();
      });
    });

    const watchdog = setInterval(() => {
      const property = Atomics.load(view, 0);
      const count = Atomics.load(view, 1);
      const now = performance.now();
      if (property !== last.property || count !== last.count) {
        last = { property, count, at: now };
        return;
      }
      if (now - last.at < (result.setupMs === null ? setupLimitMs : hangMs)) return;
      const name = result.setupMs === null ? '(setup)' : (propertyNames[property] ?? '(teardown)');
      // The inputs that returned before the hang still count.
      if (result.setupMs !== null && !result.properties.some((p) => p.name === name)) {
        result.properties.push({ name, runs: Math.max(0, count - 1), ms: Math.round(now - started) });
      }
      failure(
        'hang',
        name,
        `no progress for ${Math.round((now - last.at) / 1000)} s: ` +
          (result.setupMs === null
            ? 'set-up never finished'
            : `input #${count} of ${name} never returned (replay: --path ${Math.max(0, count - 1)}, counting shrink attempts)`),
        result.setupMs === null ? {} : { path: String(Math.max(0, count - 1)) },
      );
      finish();
    }, 250);
  });
}

function targetLine(result: TargetResult): string {
  const status = result.failures.length === 0 ? 'ok' : `${result.failures.length} FAILED`;
  const setup = result.setupMs === null ? '' : `, set-up ${(result.setupMs / 1000).toFixed(1)} s`;
  const head = `  ${result.name.padEnd(12)} ${result.inputs.toLocaleString('en').padStart(11)} inputs in ${(result.ms / 1000).toFixed(1).padStart(6)} s${setup}  ${status}`;
  const properties = result.properties.map(
    (p) => `      ${p.name.padEnd(30)} ${p.runs.toLocaleString('en').padStart(11)} in ${(p.ms / 1000).toFixed(1)} s`,
  );
  return [head, ...properties].join('\n');
}

function failureLines(failure: FailureReport, saved: string | null): string {
  const lines = [
    `  ✗ ${failure.target}/${failure.property}: ${failure.kind}`,
    ...failure.error
      .split('\n')
      .slice(0, 8)
      .map((line) => `      ${line}`),
  ];
  if (failure.counterexample !== undefined) lines.push(`      input: ${failure.counterexample.slice(0, 500)}`);
  for (const input of failure.recentInputs.slice(-2))
    lines.push(`      an input tried just before: ${input.slice(0, 300)}`);
  if (saved) lines.push(`      saved to ${saved}`);
  if (failure.path !== undefined) {
    lines.push(
      `      replay: npm run fuzz -- --target ${failure.target} --property ${failure.property} --seed ${failure.seed} --path ${failure.path}`,
    );
  }
  return lines.join('\n');
}

function saveFailure(outDir: string, failure: FailureReport): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');
  const file = join(outDir, `${safe(failure.target)}.${safe(failure.property)}.${failure.kind}.json`);
  writeFileSync(file, JSON.stringify(failure, null, 2));
  return file;
}
