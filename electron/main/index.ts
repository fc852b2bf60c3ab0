/**
 * Entry of the Electron main process (bundled to out/electron/main.cjs by electron/build.ts).
 * Everything it does is in ./host; this file only binds the real core and the bundle's location.
 */
import { app } from 'electron';
import { bundledBuildKind } from '../../core/app/build-kind';
import { startKioskCore } from '../../core/app/start';
import { EXIT_SOFTWARE, runElectronHost } from './host';
import { shellPaths } from './paths';
import { bundledAppVersion } from './version';

// Stack traces in the log point at electron/…/*.ts, not at the bundle.
process.setSourceMapsEnabled(true);

// `__dirname`, not import.meta: this file runs as the CommonJS bundle in out/electron.
runElectronHost({
  startKioskCore,
  env: process.env,
  paths: shellPaths(__dirname),
  appVersion: bundledAppVersion(() => app.getVersion()),
  // electron/build.ts defines it; a bundle without it is treated as production.
  buildKind: bundledBuildKind() === 'development' ? 'development' : 'production',
}).catch((error: unknown) => {
  console.error('the Electron host failed to start:', error);
  app.exit(EXIT_SOFTWARE);
});
