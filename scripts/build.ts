/**
 * `npm run build`: the renderer bundle (out/renderer) and the Electron main + preload bundles
 * (out/electron). Both hosts serve the same renderer bundle.
 */
import { join } from 'node:path';
import { currentBuildKind } from '../core/app/build-kind';
import { buildElectron } from '../electron/build';
import { buildRenderer, ROOT } from './build-renderer';

const started = Date.now();
await buildRenderer();
console.log(`renderer built into out/renderer`);
// The bundle is what the checkout is: development from a git checkout, production otherwise.
const buildKind = currentBuildKind(ROOT, import.meta.filename);
await buildElectron({ root: ROOT, outDir: join(ROOT, 'out/electron'), buildKind });
console.log(`electron main and preload (${buildKind}) built into out/electron`);
console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
