import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../core/logging/logger';

/**
 * Flags for a public kiosk: fullscreen app window, no first-run or sync prompts, no background
 * calls to Google (this network refuses them, dependencies/probe notes), no translate bar, no
 * pinch zoom, and a fresh profile each start so nothing of a resident survives a restart.
 */
export function chromiumKioskArgs(url: string, profileDir: string, devMode: boolean): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    `--app=${url}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--password-store=basic',
    ...(devMode ? [] : ['--disable-dev-tools']),
  ];
}

export interface ChromiumKiosk {
  stop(): void;
}

/**
 * Runs Chromium in kiosk mode on the host's URL and brings it back if it exits, at most three
 * times in ten minutes (the Electron shell's crash budget, reliability.md P3); after that the
 * host keeps running and the log says why the screen is gone.
 */
export function runChromiumKiosk(binary: string, url: string, devMode: boolean, logger: Logger): ChromiumKiosk {
  const log = logger.child({ component: 'chromium' });
  const restarts: number[] = [];
  let child: ChildProcess | null = null;
  let stopped = false;
  let profileDir = '';

  const launch = () => {
    profileDir = mkdtempSync(join(tmpdir(), 'bianmin-kiosk-chromium-'));
    child = spawn(binary, chromiumKioskArgs(url, profileDir, devMode), { stdio: 'ignore' });
    child.once('exit', (code, signal) => {
      rmSync(profileDir, { recursive: true, force: true });
      if (stopped) return;
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > 10 * 60_000) restarts.shift();
      if (restarts.length >= 3) {
        log.error({ code, signal }, 'Chromium keeps exiting; not restarting it again (3 restarts in 10 minutes)');
        return;
      }
      restarts.push(now);
      log.warn({ code, signal }, 'Chromium exited; restarting it');
      setTimeout(launch, 1_000);
    });
    child.once('error', (error) => log.error({ err: error }, 'Chromium could not be started'));
  };
  launch();

  return {
    stop() {
      stopped = true;
      child?.kill('SIGTERM');
    },
  };
}
