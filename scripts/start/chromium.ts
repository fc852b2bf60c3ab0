import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../core/logging/logger';
import { ensureFakeDocumentVideo } from '../camera/write-fake-document-video';
import { readXScreenSize } from './screen-size';

/**
 * Flags for a public kiosk: fullscreen app window, no first-run or sync prompts, no background
 * calls to Google (this network refuses them, dependencies/probe notes), no translate bar, no
 * pinch zoom, and a fresh profile each start so nothing of a resident survives a restart.
 */
export interface ChromiumOptions {
  readonly devMode: boolean;
  /** Running as root (development machines): Chromium needs --no-sandbox then. */
  readonly asRoot: boolean;
  /** The X screen's size when known, for sessions without a window manager. */
  readonly screen: { width: number; height: number } | null;
  /** Extra flags for the document camera (see documentCameraArgs). */
  readonly cameraArgs?: readonly string[];
}

/**
 * The document camera's flags. Emulated: Chromium's fake capture device plays our generated clip
 * of a page on a desk (scripts/camera) and the permission prompt is answered by the fake UI.
 * Real: nothing. A resident must never meet a permission prompt, but auto-granting every site
 * through the fake UI flag would be too broad on a real station: there the camera is allowed for
 * the kiosk's own origin by policy (VideoCaptureAllowedUrls) or by the Electron host's handlers.
 */
export function documentCameraArgs(camera: { readonly mode: 'emulated' | 'real' }, videoDir: string): string[] {
  if (camera.mode === 'real') return [];
  return [
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${ensureFakeDocumentVideo(videoDir)}`,
    '--use-fake-ui-for-media-stream',
  ];
}

export function chromiumKioskArgs(url: string, profileDir: string, options: ChromiumOptions): string[] {
  const { devMode, asRoot, screen, cameraArgs = [] } = options;
  return [
    // Chromium refuses to run as root with its sandbox on. A station runs the kiosk as an
    // unprivileged user; root happens on development and build machines only.
    ...(asRoot ? ['--no-sandbox'] : []),
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    // Without a window manager (a bare X session, as on many kiosks) --kiosk alone leaves a
    // default-sized window; these make it cover the screen from the top-left corner.
    '--start-fullscreen',
    '--window-position=0,0',
    ...(screen ? [`--window-size=${screen.width},${screen.height}`] : []),
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
    // Voice mode speaks screens that appear without a touch (the idle question, a card read).
    '--autoplay-policy=no-user-gesture-required',
    ...(devMode ? [] : ['--disable-dev-tools']),
    ...cameraArgs,
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
export function runChromiumKiosk(
  binary: string,
  url: string,
  devMode: boolean,
  logger: Logger,
  documentCamera?: { readonly mode: 'emulated' | 'real' },
): ChromiumKiosk {
  const log = logger.child({ component: 'chromium' });
  const restarts: number[] = [];
  let child: ChildProcess | null = null;
  let stopped = false;
  let profileDir = '';
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    log.warn(
      {},
      'running as root: Chromium starts without its sandbox; run the kiosk as an unprivileged user on a station',
    );
  }
  const screen = readXScreenSize(process.env['DISPLAY']);
  const cameraArgs = documentCamera
    ? documentCameraArgs(documentCamera, join(tmpdir(), 'bianmin-kiosk-fake-camera'))
    : [];

  const launch = () => {
    profileDir = mkdtempSync(join(tmpdir(), 'bianmin-kiosk-chromium-'));
    child = spawn(binary, chromiumKioskArgs(url, profileDir, { devMode, asRoot, screen, cameraArgs }), {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Keep the end of what Chromium says, so a failed start is explained in our log.
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
    });
    child.once('exit', (code, signal) => {
      rmSync(profileDir, { recursive: true, force: true });
      if (stopped) return;
      const said = stderrTail.trim().split('\n').slice(-5).join(' | ');
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > 10 * 60_000) restarts.shift();
      if (restarts.length >= 3) {
        log.error({ code, signal, said }, 'Chromium keeps exiting; not restarting it again (3 restarts in 10 minutes)');
        return;
      }
      restarts.push(now);
      log.warn({ code, signal, said }, 'Chromium exited; restarting it');
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
