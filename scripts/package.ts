/**
 * `npm run package`: builds dist/bianmin-kiosk_<version>_amd64.deb, the station appliance
 * (README "Install at a station"): a production release (bundled, renderer prebuilt, production
 * node_modules, the pinned Node.js) with its units, udev rules and maintainer scripts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-renderer';
import { buildDeb, debFile } from './package/deb';
import { buildRelease } from './package/release';

const started = performance.now();
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const work = join(ROOT, 'out/package');
const releaseDir = join(work, 'release');
const release = await buildRelease(ROOT, releaseDir);
const outFile = debFile(ROOT, version);
const deb = buildDeb({ root: ROOT, releaseDir, version, stagingDir: join(work, 'tree'), outFile });
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
console.log(
  `${outFile}: ${mb(deb.bytes)} MB (installed ${mb(deb.installedKiB * 1024)} MB; ` +
    `${release.runtimePackages.length} runtime packages) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
