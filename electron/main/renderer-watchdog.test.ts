import type { App, BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, fakeEvent, FakeBrowserWindow, resetFakeElectron } from '../test/fake-electron';
import { ERROR, recordingLogger } from '../test/recording-logger';
import { createCrashBudget, DEFAULT_CRASH_BUDGET } from './crash-recovery';
import { watchChildProcesses, watchRenderer } from './renderer-watchdog';

let window: FakeBrowserWindow;
let recorder: ReturnType<typeof recordingLogger>;
let decisions: string[];
let budget: ReturnType<typeof createCrashBudget>;

function rendererGone(reason: string, exitCode = 139) {
  window.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode });
}

beforeEach(() => {
  vi.useFakeTimers();
  resetFakeElectron();
  recorder = recordingLogger();
  decisions = [];
  window = new FakeBrowserWindow({});
  budget = createCrashBudget({ ...DEFAULT_CRASH_BUDGET, now: () => Date.now() });
  watchRenderer({
    window: window as unknown as BrowserWindow,
    budget,
    logger: recorder.logger,
    reload: () => decisions.push('reload'),
    outOfService: () => decisions.push('outOfService'),
    unresponsiveGraceMs: 10_000,
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('watchRenderer', () => {
  it('reloads after a crash and logs reason and exit code', () => {
    rendererGone('crashed', 139);
    expect(decisions).toEqual(['reload']);
    const entry = recorder.entries.find((line) => line.msg === 'renderer process gone');
    expect(entry).toMatchObject({ level: ERROR, reason: 'crashed', exitCode: 139, decision: 'reload' });
  });

  it('goes out of service on the 4th crash inside 10 minutes (the 2nd and 3rd crash recover too)', () => {
    rendererGone('crashed');
    vi.advanceTimersByTime(60_000);
    rendererGone('oom');
    vi.advanceTimersByTime(60_000);
    rendererGone('killed');
    vi.advanceTimersByTime(60_000);
    rendererGone('crashed');
    expect(decisions).toEqual(['reload', 'reload', 'reload', 'outOfService']);
  });

  it('ignores renderers exiting while the app quits', () => {
    budget.markQuitting();
    rendererGone('clean-exit', 0);
    expect(decisions).toEqual([]);
  });

  it('crashes a renderer that stays unresponsive past the grace period', () => {
    window.emit('unresponsive');
    vi.advanceTimersByTime(9_999);
    expect(window.webContents.forcedCrashes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(window.webContents.forcedCrashes).toBe(1);
    // forcefullyCrashRenderer makes Electron emit render-process-gone; the budget decides.
    rendererGone('killed', 9);
    expect(decisions).toEqual(['reload']);
  });

  it('leaves a renderer alone that became responsive in time', () => {
    window.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    window.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(window.webContents.forcedCrashes).toBe(0);
  });

  it('starts one grace period however often unresponsive fires', () => {
    window.emit('unresponsive');
    vi.advanceTimersByTime(6_000);
    window.emit('unresponsive');
    vi.advanceTimersByTime(4_000);
    expect(window.webContents.forcedCrashes).toBe(1);
    vi.advanceTimersByTime(20_000);
    expect(window.webContents.forcedCrashes).toBe(1);
  });
});

describe('watchChildProcesses', () => {
  it('logs a GPU process crash as an error', () => {
    watchChildProcesses(app as unknown as App, recorder.logger);
    app.emit('child-process-gone', fakeEvent(), { type: 'GPU', reason: 'crashed', exitCode: 11 });
    expect(recorder.entries).toContainEqual(
      expect.objectContaining({ level: ERROR, msg: 'GPU process gone', type: 'GPU', reason: 'crashed', exitCode: 11 }),
    );
  });
});
