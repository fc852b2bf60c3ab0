import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FailureReport } from './protocol';
import { runFuzz, summaryLine, type TargetSpec } from './runner';

const fixture = (name: string, exportName: string): TargetSpec => ({
  name,
  description: name,
  weight: 1,
  module: new URL('./testing/fixture-targets.ts', import.meta.url).href,
  exportName,
});
const out = mkdtempSync(join(tmpdir(), 'fuzz-runner-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const quiet = () => undefined;

const byProperty = (failures: readonly FailureReport[], property: string) =>
  failures.filter((f) => f.property === property);

// Each run starts a worker thread that compiles TypeScript: seconds on a busy machine.
describe('the fuzz runner', { timeout: 120_000 }, () => {
  it('counts the inputs of a healthy target and reports no failure', async () => {
    const run = await runFuzz({
      targets: [fixture('healthy', 'healthyTarget')],
      budgetMs: 600,
      seed: 1,
      outDir: null,
      log: quiet,
    });
    expect(run.failures).toEqual([]);
    expect(run.inputs).toBeGreaterThan(100);
    expect(run.targets[0]?.properties.map((p) => p.name)).toEqual(['addition-commutes', 'async-echo']);
    expect(summaryLine(run)).toMatch(/^fuzz: [\d,]+ inputs over 1 targets in [\d.]+ s, 0 failures \(seed 1\)$/);
  });

  it('reports a shrunk counterexample, a hang, an unhandled rejection and an uncaught exception, and saves them', async () => {
    const dir = join(out, 'broken');
    const run = await runFuzz({
      targets: [fixture('broken', 'brokenTarget')],
      budgetMs: 2_000,
      seed: 7,
      outDir: dir,
      log: quiet,
    });
    const counterexample = byProperty(run.failures, 'below-1000')[0];
    expect(counterexample).toMatchObject({ kind: 'counterexample', counterexample: '1000', seed: 7 });
    expect(counterexample?.path).toMatch(/^\d+(:\d+)*$/);
    expect(byProperty(run.failures, 'never-answers-for-7')[0]).toMatchObject({
      kind: 'counterexample',
      counterexample: '7',
    });
    expect(byProperty(run.failures, 'never-answers-for-7')[0]?.error).toMatch(/hang: no answer within 200 ms/);
    expect(byProperty(run.failures, 'forgets-a-rejection')[0]).toMatchObject({ kind: 'unhandledRejection' });
    expect(byProperty(run.failures, 'forgets-a-rejection')[0]?.error).toMatch(/rejection nobody handled/);
    expect(byProperty(run.failures, 'throws-later')[0]).toMatchObject({ kind: 'uncaughtException' });
    const saved = readdirSync(dir).sort();
    expect(saved).toContain('broken.below-1000.counterexample.json');
    expect(saved).toContain('report.json');
    expect(JSON.parse(readFileSync(join(dir, 'broken.below-1000.counterexample.json'), 'utf8'))).toMatchObject({
      counterexample: '1000',
      seed: 7,
    });
    expect(existsSync(join(dir, 'running.json'))).toBe(false);

    // The saved seed and path replay exactly that input.
    const replay = await runFuzz({
      targets: [fixture('broken', 'brokenTarget')],
      budgetMs: 1_000,
      seed: 7,
      property: 'below-1000',
      path: counterexample?.path,
      outDir: null,
      log: quiet,
    });
    expect(replay.failures.map((f) => [f.kind, f.counterexample])).toEqual([['counterexample', '1000']]);
  });

  it('stops a synchronous input that never returns and names it', async () => {
    const run = await runFuzz({
      targets: [fixture('spinning', 'spinningTarget')],
      budgetMs: 5_000,
      seed: 3,
      outDir: null,
      hangMs: 1_500,
      log: quiet,
    });
    expect(run.failures).toHaveLength(1);
    expect(run.failures[0]).toMatchObject({ kind: 'hang', property: 'spins-on-3' });
    expect(run.failures[0]?.error).toMatch(/never returned/);
  });

  it('reports a target that cannot set up, and a worker that exits, as crashes', async () => {
    const run = await runFuzz({
      targets: [fixture('failing-setup', 'failingSetupTarget'), fixture('exiting', 'exitingTarget')],
      budgetMs: 1_000,
      seed: 5,
      outDir: null,
      log: quiet,
    });
    expect(run.failures.map((f) => [f.target, f.kind])).toEqual([
      ['failing-setup', 'crash'],
      ['exiting', 'crash'],
    ]);
    expect(run.failures[0]?.error).toMatch(/the platform would not start/);
    expect(run.failures[1]?.error).toMatch(/exited \(code 3\)/);
  });
});
