/**
 * Replaced by esbuild (`define` in electron/build.ts) with the version in package.json. Started as
 * `electron out/electron/main.cjs` there is no app package.json next to the bundle, and
 * `app.getVersion()` would report Electron's own version.
 */
declare const __KIOSK_APP_VERSION__: string | undefined;

export const APP_VERSION_DEFINE = '__KIOSK_APP_VERSION__';

export function bundledAppVersion(fallback: () => string): string {
  return typeof __KIOSK_APP_VERSION__ === 'string' ? __KIOSK_APP_VERSION__ : fallback();
}
