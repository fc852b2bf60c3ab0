import { spawnSync } from 'node:child_process';

/**
 * The X screen's size, from `xdpyinfo` (Debian x11-utils), or null when it cannot be read (no X,
 * Wayland, tool missing). Chromium's --kiosk/--start-fullscreen ask the window manager for
 * fullscreen; a bare X session without one (common on kiosks) leaves a default-sized window
 * unless the size is given explicitly.
 */
export function readXScreenSize(display: string | undefined): { width: number; height: number } | null {
  if (!display) return null;
  const result = spawnSync('xdpyinfo', ['-display', display], { encoding: 'utf8', timeout: 3_000 });
  if (result.status !== 0 || typeof result.stdout !== 'string') return null;
  return parseXdpyinfoDimensions(result.stdout);
}

export function parseXdpyinfoDimensions(text: string): { width: number; height: number } | null {
  const match = /dimensions:\s+(\d+)x(\d+) pixels/.exec(text);
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}
