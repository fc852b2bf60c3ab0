/**
 * `npm run fuzz`: property and random inputs over every parser and boundary of the kiosk and the
 * platform (tests/fuzz), for a time budget. One line per target with the inputs tried and the
 * time, a summary line, and exit code 1 on any failure, whose input is saved (seed, replay path,
 * shrunk counterexample) in test-results/fuzz/.
 *
 *   npm run fuzz                          the full run (FULL_BUDGET_SECONDS)
 *   npm run fuzz -- --quick               the short run `npm test` does
 *   npm run fuzz -- --budget 120          any budget, in seconds
 *   npm run fuzz -- --target sam,platform only these targets
 *   npm run fuzz -- --seed 42             a fixed seed (a run prints its seed)
 *   npm run fuzz -- --jobs 2              two targets at a time (--quick does)
 *   npm run fuzz -- --target sam --property frame-parser --seed 42 --path 17:3   replay a failure
 *   npm run fuzz -- --list                the targets
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz, summaryLine } from '../tests/fuzz/runner';
import { TARGETS } from '../tests/fuzz/targets';
import { ROOT } from './build-renderer';

/** Enough for well over 10^6 inputs on one core of the build machine (measured: see the report). */
const FULL_BUDGET_SECONDS = 900;
/** With two targets at a time, keeps `npm test`'s fuzz step under a minute on two cores, set-up included. */
const QUICK_BUDGET_SECONDS = 30;
const QUICK_JOBS = 2;

function usage(message: string): never {
  console.error(
    `fuzz: ${message}\nusage: npm run fuzz -- [--quick | --budget <seconds>] [--target a,b] [--seed n] [--list]`,
  );
  process.exit(64);
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    budget: { type: 'string' },
    target: { type: 'string' },
    property: { type: 'string' },
    seed: { type: 'string' },
    path: { type: 'string' },
    jobs: { type: 'string' },
    list: { type: 'boolean', default: false },
  },
  strict: true,
});

if (values.list) {
  for (const target of TARGETS) console.log(`${target.name.padEnd(12)} ${target.description}`);
  process.exit(0);
}

const budgetSeconds =
  values.budget !== undefined ? Number(values.budget) : values.quick ? QUICK_BUDGET_SECONDS : FULL_BUDGET_SECONDS;
if (!Number.isFinite(budgetSeconds) || budgetSeconds <= 0)
  usage(`--budget ${values.budget} is not a number of seconds`);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
if (!Number.isSafeInteger(seed)) usage(`--seed ${values.seed} is not an integer`);
const jobs = values.jobs !== undefined ? Number(values.jobs) : values.quick ? QUICK_JOBS : 1;
if (!Number.isInteger(jobs) || jobs < 1) usage(`--jobs ${values.jobs} is not a positive integer`);
const names = values.target?.split(',').map((name) => name.trim()) ?? TARGETS.map((t) => t.name);
const unknown = names.filter((name) => !TARGETS.some((t) => t.name === name));
if (unknown.length > 0) usage(`no target ${unknown.join(', ')} (npm run fuzz -- --list)`);
if ((values.property !== undefined || values.path !== undefined) && names.length !== 1) {
  usage('--property and --path replay one target: give --target too');
}

// Replays run in the foreground and stop at the failure; they write nothing.
const replay = values.path !== undefined;
console.log(
  replay
    ? `fuzz: replaying ${names[0]}/${values.property ?? '*'} at seed ${seed}, path ${values.path}`
    : `fuzz: ${budgetSeconds} s over ${names.length} targets, seed ${seed}`,
);
const run = await runFuzz({
  targets: TARGETS.filter((t) => names.includes(t.name)),
  budgetMs: budgetSeconds * 1000,
  seed,
  jobs,
  ...(values.property !== undefined ? { property: values.property } : {}),
  ...(values.path !== undefined ? { path: values.path } : {}),
  outDir: replay ? null : join(ROOT, 'test-results', 'fuzz'),
});
console.log(summaryLine(run));
process.exit(run.failures.length === 0 ? 0 : 1);
