import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { setProbe, type FuzzTarget } from './target';
import type { FailureReport, PropertyReport, WorkerInput, WorkerMessage } from './protocol';
import { describeError, propertySeed, showInput } from './protocol';

/**
 * One target in its own worker thread: set it up, run each property for its share of the budget
 * with fast-check (which shrinks a failing input to a small counterexample), report as it goes.
 * Unhandled rejections and uncaught exceptions anywhere in the thread are failures too, reported
 * with the inputs tried just before. The main thread (runner.ts) watches `progress` to catch an
 * input that never returns.
 */
const input = workerData as WorkerInput;
const progress = new Int32Array(input.progress);
const send = (message: WorkerMessage) => parentPort?.postMessage(message);

const RECENT = 4;
const recent: unknown[] = [];
let currentProperty = '(setup)';

setProbe({
  started(value) {
    Atomics.add(progress, 1, 1);
    if (recent.length === RECENT) recent.shift();
    recent.push(value);
    if (input.path !== undefined) process.stderr.write(`replaying input: ${showInput(value)}\n`);
  },
});

const background = (kind: FailureReport['kind']) => (reason: unknown) => {
  send({
    type: 'failure',
    failure: {
      kind,
      target: input.target,
      property: currentProperty,
      seed: input.seed,
      error: describeError(reason),
      recentInputs: recent.map(showInput),
    },
  });
};
process.on('unhandledRejection', background('unhandledRejection'));
process.on('uncaughtException', background('uncaughtException'));

async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

async function main(): Promise<void> {
  const module = (await import(input.module)) as Record<string, FuzzTarget | undefined>;
  const target = module[input.exportName];
  if (!target) throw new Error(`${input.module} exports no fuzz target ${input.exportName}`);
  const setupStarted = performance.now();
  const instance = await target.setup();
  const chosen = instance.properties.filter((p) => input.property === undefined || p.name === input.property);
  if (chosen.length === 0) throw new Error(`target ${input.target} has no property ${String(input.property)}`);
  send({ type: 'setup', ms: Math.round(performance.now() - setupStarted), properties: chosen.map((p) => p.name) });
  const totalWeight = chosen.reduce((sum, p) => sum + p.weight, 0);
  for (const [index, property] of chosen.entries()) {
    currentProperty = property.name;
    Atomics.store(progress, 0, index);
    Atomics.store(progress, 1, 0);
    const seed = propertySeed(input.seed, input.target, property.name);
    const started = performance.now();
    const details = await fc.check(property.property, {
      seed,
      ...(input.path !== undefined
        ? { path: input.path, numRuns: 1 }
        : {
            numRuns: 2 ** 31 - 1,
            interruptAfterTimeLimit: Math.max(50, (input.budgetMs * property.weight) / totalWeight),
            markInterruptAsFailure: false,
          }),
    });
    // Rejections and callbacks left by this property's last inputs surface on the next turns of
    // the event loop; let them, while they are still this property's.
    await settle();
    const report: PropertyReport = {
      name: property.name,
      runs: details.numRuns,
      ms: Math.round(performance.now() - started),
    };
    send({ type: 'property', report });
    if (details.failed && details.numRuns === 0 && details.interrupted && details.errorInstance === null) {
      // fast-check calls a property that ran out of time before its first input failed, with no
      // error: say what happened, which is a generator too slow for its share of the budget.
      send({
        type: 'failure',
        failure: {
          kind: 'counterexample',
          target: input.target,
          property: property.name,
          seed: input.seed,
          error: `no input was generated and checked within ${Math.round(report.ms)} ms: its generator is too slow`,
          recentInputs: [],
        },
      });
    } else if (details.failed) {
      send({
        type: 'failure',
        failure: {
          kind: 'counterexample',
          target: input.target,
          property: property.name,
          seed: input.seed,
          path: details.counterexamplePath ?? undefined,
          counterexample: details.counterexample ? showInput(details.counterexample[0]) : undefined,
          error: describeError(details.errorInstance),
          recentInputs: [],
        },
      });
    }
  }
  currentProperty = '(teardown)';
  await instance.teardown();
  await new Promise((resolve) => setTimeout(resolve, 200));
  send({ type: 'done' });
}

main().catch((error: unknown) => {
  send({
    type: 'failure',
    failure: {
      kind: 'crash',
      target: input.target,
      property: currentProperty,
      seed: input.seed,
      error: describeError(error),
      recentInputs: recent.map(showInput),
    },
  });
  send({ type: 'done' });
});
