/**
 * `npm run build`: the renderer bundle (out/renderer) and the Electron main + preload bundles
 * (out/electron). Both hosts serve the same renderer bundle.
 */
import { join } from 'node:path';
import { buildElectron } from '../electron/build';
import { buildRenderer, ROOT } from './build-renderer';

const started = Date.now();
await buildRenderer();
console.log(`renderer built into out/renderer`);
await buildElectron({ root: ROOT, outDir: join(ROOT, 'out/electron') });
console.log(`electron main and preload built into out/electron`);
console.log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
