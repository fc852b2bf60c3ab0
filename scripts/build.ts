/**
 * `npm run build`: the renderer bundle (out/renderer), the Electron main + preload bundles
 * (out/electron) and the county console (out/console, served by the platform at /console).
 * Both hosts serve the same renderer bundle.
 */
import { join } from 'node:path';
import { currentBuildKind } from '../core/app/build-kind';
import { buildElectron } from '../electron/build';
import { buildConsole } from './build-console';
import { buildRenderer, ROOT } from './build-renderer';

const started = Date.now();
await buildRenderer();
console.log(`renderer built into out/renderer`);
// The bundle is what the checkout is: development from a git checkout, production otherwise.
const buildKind = currentBuildKind(ROOT, import.meta.filename);
await buildElectron({ root: ROOT, outDir: join(ROOT, 'out/electron'), buildKind });
console.log(`electron main and preload (${buildKind}) built into out/electron`);
await buildConsole();
console.log(`county console built into out/console`);
console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
