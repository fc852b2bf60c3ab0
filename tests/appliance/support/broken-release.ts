import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A newer release that cannot start, made from the real package: the same files under a higher
 * version, with the kiosk's entry replaced by one that throws. What a bad update looks like to
 * the boot guard: the service dies before READY, every time.
 */
export function makeBrokenRelease(goodDeb: string, goodVersion: string, brokenVersion: string, outFile: string): void {
  const tree = mkdtempSync(join(tmpdir(), 'bianmin-broken-'));
  try {
    execFileSync('dpkg-deb', ['-R', goodDeb, tree]);
    const releases = join(tree, 'opt/bianmin-kiosk/releases');
    renameSync(join(releases, goodVersion), join(releases, brokenVersion));
    writeFileSync(
      join(releases, brokenVersion, 'app/bundle/start.mjs'),
      "throw new Error('a deliberately broken release (tests/appliance/install.test.ts)');\n",
    );
    for (const file of ['control', 'preinst', 'postinst']) {
      const path = join(tree, 'DEBIAN', file);
      const text = readFileSync(path, 'utf8');
      writeFileSync(
        path,
        file === 'control'
          ? text.replace(/^Version: .*$/m, `Version: ${brokenVersion}`)
          : text.replaceAll(goodVersion, brokenVersion),
      );
    }
    execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '-z1', '--build', tree, outFile], { stdio: 'ignore' });
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
