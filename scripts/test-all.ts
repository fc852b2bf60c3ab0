/**
 * `npm test`: every check and every test suite, in order (the static checks two at a time), and one
 * plain summary line at the end:
 *   N passed, N failed[, N skipped]
 * Static checks (lint, types, formatting, the quick fuzz run, the production-dependency audit, the
 * build) count as one test each; vitest and Playwright report their own counts through their JSON
 * reporters. A failing step does not stop the later ones, so one run shows everything that is wrong.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './build-renderer';
import { ensureTestCluster } from './postgres/throwaway-cluster';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const results = join(ROOT, 'test-results');
mkdirSync(results, { recursive: true });

/** Exit status a check uses to say it could not run here (reported as skipped, never as passed). */
const SKIPPED_STATUS = 3;

function runStatus(command: string, args: string[], env: Record<string, string> = {}): number | null {
  const shown = Object.entries(env).map(([key, value]) => `${key}=${value} `);
  console.log(`\n▶ ${shown.join('')}${command} ${args.join(' ')}`);
  const outcome = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  return outcome.status;
}

const run = (command: string, args: string[], env?: Record<string, string>): boolean =>
  runStatus(command, args, env) === 0;

/** Lines of a failed check's output repeated in the summary, where a CI log that keeps only its tail shows them. */
const FAILED_CHECK_TAIL_LINES = 30;

/** Runs a check, printing its output as usual, and returns its status with the output's last lines. */
function runCaptured(command: string, args: string[]): { status: number | null; tail: string[] } {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const outcome = spawnSync(command, args, {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const output = `${outcome.stdout?.toString() ?? ''}${outcome.stderr?.toString() ?? ''}`;
  process.stdout.write(output);
  if (outcome.error) console.log(`could not run ${command}: ${outcome.error.message}`);
  const tail = output.trimEnd().split('\n').slice(-FAILED_CHECK_TAIL_LINES);
  return { status: outcome.status, tail };
}

/** Seconds since `start`, for the summary: where the run's time goes is the first thing to know when it grows. */
const secondsSince = (start: number): string => `${((performance.now() - start) / 1000).toFixed(0)} s`;
const runStart = performance.now();

function check(name: string, command: string, args: string[], options: { mayBeSkipped?: boolean } = {}): boolean {
  const start = performance.now();
  const { status, tail } = runCaptured(command, args);
  return recordCheck(name, status, tail, secondsSince(start), options);
}

/** Counts a finished check and writes its summary line (with the tail of its output when it failed). */
function recordCheck(
  name: string,
  status: number | null,
  tail: string[],
  took: string,
  options: { mayBeSkipped?: boolean },
): boolean {
  if (options.mayBeSkipped && status === SKIPPED_STATUS) {
    total.skipped += 1;
    lines.push(`${name}: skipped (could not run here; see its output), ${took}`);
    return true;
  }
  const ok = status === 0;
  total[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${ok ? 'passed' : 'FAILED'}, ${took}`);
  if (!ok) lines.push(...tail.map((line) => `  | ${line}`));
  return ok;
}

interface CheckSpec {
  readonly name: string;
  readonly command: string;
  readonly args: string[];
}

/** Runs a check in the background; its output is printed in one piece when it ends. */
function runInBackground(command: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => resolve({ status: null, output: `could not run ${command}: ${error.message}\n` }));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * The static checks two at a time: ESLint alone keeps about one core busy and the type checks and
 * Prettier one each, so on a two-core machine pairs finish in about two thirds of the time. Their
 * summary lines keep the listed order.
 */
async function checksTwoAtATime(specs: readonly CheckSpec[]): Promise<void> {
  const outcomes: Array<{ status: number | null; tail: string[]; took: string }> = [];
  let next = 0;
  const lane = async () => {
    while (next < specs.length) {
      const index = next++;
      const spec = specs[index]!;
      const start = performance.now();
      const { status, output } = await runInBackground(spec.command, spec.args);
      process.stdout.write(`\n▶ ${spec.command} ${spec.args.join(' ')}\n${output}`);
      const tail = output.trimEnd().split('\n').slice(-FAILED_CHECK_TAIL_LINES);
      outcomes[index] = { status, tail, took: secondsSince(start) };
    }
  };
  const start = performance.now();
  await Promise.all([lane(), lane()]);
  const took = secondsSince(start);
  specs.forEach((spec, index) => {
    const outcome = outcomes[index]!;
    recordCheck(spec.name, outcome.status, outcome.tail, outcome.took, {});
  });
  lines.push(`  (the static checks together: ${took})`);
}

/** What a suite's JSON report says: its counts, and the names of the tests that failed. */
interface SuiteReport extends Counts {
  failedNames: string[];
}

function suite(
  name: string,
  command: string,
  args: string[],
  report: string,
  read: (json: unknown) => SuiteReport,
  env?: Record<string, string>,
): void {
  rmSync(report, { force: true });
  const start = performance.now();
  const ok = run(command, args, env);
  if (!existsSync(report)) {
    total.failed += 1;
    lines.push(`${name}: did not run to the end (no report), ${secondsSince(start)}`);
    return;
  }
  const { failedNames, ...counts } = read(JSON.parse(readFileSync(report, 'utf8')));
  // A runner that exits non-zero with no failed test (a crash in a hook, an unhandled error) still fails.
  if (!ok && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${secondsSince(start)}`,
  );
  // The names again at the end, where a CI log that keeps only its tail still shows them.
  for (const failed of failedNames) lines.push(`  failed: ${failed}`);
}

interface PlaywrightStats {
  expected: number;
  unexpected: number;
  flaky: number;
  skipped: number;
}
interface PlaywrightSuite {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{ title: string; file?: string; line?: number; tests?: Array<{ status: string }> }>;
}

/** Playwright's report nests suites (file, describe); a test whose outcome was unexpected failed. */
function unexpectedPlaywrightTests(suites: PlaywrightSuite[], path: string[] = []): string[] {
  return suites.flatMap((s) => [
    ...(s.specs ?? [])
      .filter((spec) => (spec.tests ?? []).some((t) => t.status === 'unexpected'))
      .map((spec) => [...path, s.title, spec.title].filter((part) => part !== '').join(' › ')),
    ...unexpectedPlaywrightTests(s.suites ?? [], [...path, s.title]),
  ]);
}

const npx = join(ROOT, 'node_modules/.bin');
// Longest first, so the short ones fill in beside ESLint.
await checksTwoAtATime([
  { name: 'lint', command: join(npx, 'eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'typecheck (node)', command: join(npx, 'tsc'), args: ['-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'format', command: join(npx, 'prettier'), args: ['--check', '.'] },
  { name: 'typecheck (renderer)', command: join(npx, 'tsc'), args: ['-p', 'tsconfig.renderer.json', '--noEmit'] },
  { name: 'typecheck (county console)', command: join(npx, 'tsc'), args: ['-p', 'tsconfig.console.json', '--noEmit'] },
  { name: 'typecheck (end-to-end tests)', command: join(npx, 'tsc'), args: ['-p', 'tsconfig.e2e.json', '--noEmit'] },
]);

/** Counts and failed test names from vitest's JSON report. */
function readVitest(json: unknown): SuiteReport {
  const r = json as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: Array<{ name: string; assertionResults?: Array<{ fullName: string; status: string }> }>;
  };
  const failedNames = (r.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((test) => test.status === 'failed')
      .map((test) => `${relative(ROOT, file.name)} › ${test.fullName}`),
  );
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
    failedNames,
  };
}

const vitestReport = join(results, 'vitest.json');
suite(
  'vitest',
  join(npx, 'vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  vitestReport,
  readVitest,
);

// The platform's whole suite again on PostgreSQL (docs/county-scale.md): the same files,
// parameterised by PLATFORM_TEST_ENGINE, on a throwaway cluster (or the one .ci/run started).
const cluster = ensureTestCluster(ROOT);
if (cluster.ok) {
  const postgresReport = join(results, 'vitest-postgres.json');
  suite(
    'vitest (platform on PostgreSQL)',
    join(npx, 'vitest'),
    [
      'run',
      '--project',
      'node',
      '--project',
      'node (module mocks)',
      'platform/',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${postgresReport}`,
    ],
    postgresReport,
    readVitest,
    { PLATFORM_TEST_ENGINE: 'postgres', PLATFORM_TEST_POSTGRES_URL: cluster.url },
  );
} else {
  total.failed += 1;
  lines.push(`vitest (platform on PostgreSQL): not run: ${cluster.reason}`);
}

// Random and property inputs over every parser and boundary, a short budget (npm run fuzz for the full run).
check('fuzz (quick)', join(npx, 'tsx'), ['scripts/fuzz.ts', '--quick']);
// No critical advisory in what ships to a station. A registry that does not serve npm's audit
// API (a mirror) cannot audit: that is reported as skipped with the reason, never as a pass.
check('npm audit (production dependencies)', join(npx, 'tsx'), ['scripts/audit/audit.ts'], { mayBeSkipped: true });

if (check('build', join(npx, 'tsx'), ['scripts/build.ts'])) {
  const playwrightReport = join(results, 'playwright.json');
  const readPlaywright = (json: unknown): SuiteReport => {
    const report = json as { stats: PlaywrightStats; suites?: PlaywrightSuite[] };
    const s = report.stats;
    return {
      passed: s.expected + s.flaky,
      failed: s.unexpected,
      skipped: s.skipped,
      failedNames: unexpectedPlaywrightTests(report.suites ?? []),
    };
  };
  // Most files two at a time; escape.spec, with its hard 5 s crash-recovery limit, alone after
  // them (playwright.config.ts).
  suite(
    'playwright (side by side)',
    join(npx, 'playwright'),
    ['test', '--project=side-by-side'],
    playwrightReport,
    readPlaywright,
  );
  // The second run writes the same report: this one is kept beside it (each test's duration is in it).
  if (existsSync(playwrightReport)) copyFileSync(playwrightReport, join(results, 'playwright-side-by-side.json'));
  suite('playwright (alone)', join(npx, 'playwright'), ['test', '--project=alone'], playwrightReport, readPlaywright);
  // Every benchmark once, a couple of samples each: a benchmark that no longer runs fails here.
  check('benchmarks (quick)', join(npx, 'tsx'), ['scripts/bench.ts', '--quick']);
} else {
  total.failed += 1;
  lines.push('playwright: not run, the build failed');
  total.failed += 1;
  lines.push('benchmarks (quick): not run, the build failed');
}

// The station appliance (README "Install at a station"): `npm run package` builds the .deb, then
// lintian checks it and it is installed into a clean Debian 12 root (vitest.appliance.config.ts).
if (check('package', 'npm', ['run', '--silent', 'package'])) {
  const applianceReport = join(results, 'appliance.json');
  suite(
    'appliance (lintian, install on Debian 12)',
    join(npx, 'vitest'),
    [
      'run',
      '--config',
      'vitest.appliance.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${applianceReport}`,
    ],
    applianceReport,
    readVitest,
  );
} else {
  total.failed += 1;
  lines.push('appliance: not run, the package was not built');
}

const summary = `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`;
writeFileSync(join(results, 'summary.txt'), `${summary}\n`);
lines.push(`all of npm test: ${secondsSince(runStart)}`);
console.log(`\n${lines.join('\n')}\n`);
console.log(summary);
process.exit(total.failed === 0 ? 0 : 1);
