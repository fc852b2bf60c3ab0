import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { createConsoleAdmin, type ConsoleAdmin } from './console-admin';
import { runScript, startKiosk, waitForLine, writeTestConfig, type StartedKiosk } from './kiosk-process';
import { writeTerminalsFile } from './platform-db';

/**
 * A county's platform with one of its kiosks, as station staff's end-to-end tests need them
 * (docs/station-staff.md): the first console admin made by the platform's own command, a real
 * platform process (`npm run platform`) on a file database, and a kiosk started as `npm start`
 * starts it, talking to that platform with its own token. `stop()` stops both (the kiosk must exit
 * cleanly) and removes their folders.
 */

export interface CountyPlatformOptions {
  readonly stationId: string;
  readonly terminalId: string;
  readonly token: string;
  readonly admin: ConsoleAdmin;
  /**
   * The platform's and the kiosk's clock start here (STAFFED_CLOCK: tickets are issued and called
   * only in staffed hours); absent: the real time.
   */
  readonly clock?: string;
  /** More of the kiosk's environment (KIOSK_DEV=1: the emulated ID card takes a card on request). */
  readonly kioskEnv?: NodeJS.ProcessEnv;
  /** More `npm run platform` flags (`--video-help` …). */
  readonly platformArgs?: readonly string[];
  /** Changes to the kiosk's config beyond pointing it at this platform (devices …). */
  readonly kioskConfig?: (config: Record<string, unknown>) => void;
}

export interface CountyPlatform {
  readonly origin: string;
  /** The platform's SQLite file, for checks of what it stored. */
  readonly db: string;
  readonly kiosk: StartedKiosk;
  /** A folder removed at stop, for the test's own files (a fake camera's video…). */
  readonly scratchDir: string;
  stop(): Promise<void>;
}

export async function startCountyPlatform(options: CountyPlatformOptions): Promise<CountyPlatform> {
  const base = writeTestConfig();
  const db = join(base.dir, 'platform.sqlite');
  const tokenFile = join(base.dir, 'platform.token');
  writeFileSync(tokenFile, `${options.token}\n`, { mode: 0o600 });
  expect(await createConsoleAdmin(base.dir, db, options.admin)).toBe(0);
  const terminals = writeTerminalsFile(base.dir, options.terminalId, options.token, options.stationId);
  const clock = options.clock === undefined ? [] : ['--clock', options.clock];
  const platform = runScript(
    'platform/server/main.ts',
    ['--port', '0', '--db', db, '--terminals-file', terminals, ...clock, ...(options.platformArgs ?? [])],
    {},
  );
  const kioskConfig = writeTestConfig();
  const cleanup = () => {
    kioskConfig.cleanup();
    base.cleanup();
  };
  try {
    const [, baseUrl] = await waitForLine(platform, /platform listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
    const remote = writeTestConfig((c) => {
      c['platform'] = { mode: 'remote', baseUrl, tokenFile, timeoutMs: 5000 };
      c['data'] = { dir: join(kioskConfig.dir, 'data') };
      options.kioskConfig?.(c);
    });
    const kiosk = await startKiosk(remote.path, {
      ...(options.clock === undefined ? {} : { KIOSK_CLOCK: options.clock }),
      ...options.kioskEnv,
    });
    return {
      origin: new URL(baseUrl!).origin,
      db,
      kiosk,
      scratchDir: kioskConfig.dir,
      async stop() {
        try {
          expect(await kiosk.proc.stop()).toBe(0);
        } finally {
          await platform.stop();
          remote.cleanup();
          cleanup();
        }
      },
    };
  } catch (error) {
    await platform.stop();
    cleanup();
    throw error;
  }
}
