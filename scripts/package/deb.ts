import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kioskChromiumPolicy } from '../start/chromium-policy';
import { folderBytes } from './runtime-deps';

/** The port the production sample config serves on; the Chromium policy allows exactly this origin. */
export const STATION_PORT = 8470;

export const PACKAGE_NAME = 'bianmin-kiosk';

/** Where `npm run package` puts the .deb of this version: dist/<name>_<version>_amd64.deb (Debian's naming). */
export function debFile(root: string, version: string): string {
  return join(root, 'dist', `${PACKAGE_NAME}_${version}_amd64.deb`);
}

/**
 * What a clean Debian 12 needs besides the package. No nodejs: Debian 12's is 18, older than the
 * kiosk supports, so the release brings its own (scripts/package/node-runtime.ts); the official
 * Node binary needs glibc ≥ 2.28 and libstdc++. cage (with Xwayland) and chromium show the kiosk; fonts-noto-cjk
 * draws Chinese; espeak-ng speaks in 长辈版; systemd-notify comes with systemd.
 */
const DEPENDS = [
  'adduser',
  'libc6 (>= 2.28)',
  'libstdc++6',
  'systemd (>= 252)',
  'cage',
  // Debian 12's cage will not start without Xwayland, and does not depend on it.
  'xwayland',
  'chromium',
  'fonts-noto-cjk',
  'espeak-ng',
];

/** Files under /etc that are the station's to change; dpkg keeps a changed one on upgrade. */
const CONFFILES = ['/etc/bianmin-kiosk/kiosk.json', '/etc/chromium/policies/managed/bianmin-kiosk.json'];

const MAINTAINER_SCRIPTS = ['preinst', 'postinst', 'prerm', 'postrm'] as const;

export interface DebInputs {
  readonly root: string;
  /** A built release folder (scripts/package/release.ts). */
  readonly releaseDir: string;
  readonly version: string;
  /** Where the package tree is assembled (emptied first). */
  readonly stagingDir: string;
  readonly outFile: string;
}

function write(path: string, text: string | Buffer, mode = 0o644): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  chmodSync(path, mode);
}

/** Assembles the package tree (packaging/README.md has the layout) and builds the .deb with dpkg-deb. */
export function buildDeb(inputs: DebInputs): { readonly bytes: number; readonly installedKiB: number } {
  const { root, stagingDir: tree, version } = inputs;
  rmSync(tree, { recursive: true, force: true });
  const packaging = join(root, 'packaging');

  cpSync(inputs.releaseDir, join(tree, 'opt/bianmin-kiosk/releases', version), { recursive: true });
  mkdirSync(join(tree, 'usr/bin'), { recursive: true });
  symlinkSync('/opt/bianmin-kiosk/current/bin/bianmin-kiosk', join(tree, 'usr/bin/bianmin-kiosk'));

  for (const unit of ['bianmin-kiosk.service', 'bianmin-kiosk-display.service']) {
    cpSync(join(packaging, 'systemd', unit), join(tree, 'lib/systemd/system', unit));
  }
  // Loads the serial, HID and video drivers at boot: systemd's DeviceAllow= by class only covers a
  // class whose driver is loaded when the service starts (packaging/systemd/bianmin-kiosk.service).
  cpSync(join(packaging, 'modules-load.d/bianmin-kiosk.conf'), join(tree, 'usr/lib/modules-load.d/bianmin-kiosk.conf'));
  cpSync(join(packaging, 'udev/70-bianmin-kiosk.rules'), join(tree, 'lib/udev/rules.d/70-bianmin-kiosk.rules'));
  // A station names its bridged ID card reader by copying this to /etc/udev/rules.d/ (Debian keeps
  // packages' rules out of /etc; docs/devices/stable-names.md).
  cpSync(
    join(packaging, 'udev/71-bianmin-kiosk-local.rules'),
    join(tree, 'usr/share/doc', PACKAGE_NAME, 'examples/71-bianmin-kiosk-local.rules'),
  );
  write(
    join(tree, 'usr/share/man/man1/bianmin-kiosk.1.gz'),
    gzipSync(readFileSync(join(packaging, 'debian/bianmin-kiosk.1')), { level: 9 }),
  );
  cpSync(join(packaging, 'debian/kiosk.json'), join(tree, 'etc/bianmin-kiosk/kiosk.json'));
  const policy = kioskChromiumPolicy({ origin: `http://127.0.0.1:${STATION_PORT}`, devMode: false });
  write(join(tree, 'etc/chromium/policies/managed/bianmin-kiosk.json'), `${JSON.stringify(policy, null, 2)}\n`);

  const doc = join(tree, 'usr/share/doc', PACKAGE_NAME);
  write(join(doc, 'copyright'), readFileSync(join(packaging, 'debian/copyright')));
  const changelog = readFileSync(join(packaging, 'debian/changelog'), 'utf8');
  const top = /^bianmin-kiosk \(([^)]+)\)/.exec(changelog)?.[1];
  if (top !== version) {
    throw new Error(
      `packaging/debian/changelog starts with ${top ?? 'no entry'}, not ${version}: add an entry for this release`,
    );
  }
  write(join(doc, 'changelog.gz'), gzipSync(changelog, { level: 9 }));
  write(
    join(tree, 'usr/share/lintian/overrides', PACKAGE_NAME),
    readFileSync(join(packaging, 'debian/lintian-overrides')),
  );

  const control = join(tree, 'DEBIAN');
  mkdirSync(control, { recursive: true });
  for (const script of MAINTAINER_SCRIPTS) {
    const text = readFileSync(join(packaging, 'debian', script), 'utf8').replaceAll('@VERSION@', version);
    write(join(control, script), text, 0o755);
  }
  write(join(control, 'conffiles'), `${CONFFILES.join('\n')}\n`);
  const installedKiB = Math.ceil(folderBytes(tree) / 1024);
  write(
    join(control, 'control'),
    [
      `Package: ${PACKAGE_NAME}`,
      `Version: ${version}`,
      'Architecture: amd64',
      'Maintainer: bianmin-kiosk developers <bianmin-kiosk@users.noreply.github.com>',
      `Installed-Size: ${installedKiB}`,
      `Depends: ${DEPENDS.join(', ')}`,
      'Recommends: udev',
      'Section: misc',
      'Priority: optional',
      'Homepage: https://github.com/bianmin-kiosk/bianmin-kiosk',
      'Description: self-service kiosk for village and community service stations',
      ' bianmin-kiosk runs the self-service terminal of a convenience-service',
      ' station (便民服务站自助一体机). Residents find a matter and its guide,',
      ' sign in with their ID card, fill a form, capture their papers, submit',
      ' and take a printed receipt; take queue tickets; book appointments;',
      ' follow progress; rate the service (好差评) and call for help.',
      ' .',
      ' The package starts the kiosk as a systemd service with a watchdog, shows',
      ' it with cage and Chromium on tty1, names its devices with udev rules and',
      ' rolls back a release that fails to start.',
      '',
    ].join('\n'),
  );

  mkdirSync(join(inputs.outFile, '..'), { recursive: true });
  // xz: the smallest download for a village link; root:root ownership inside the package.
  execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', tree, inputs.outFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { bytes: readFileSync(inputs.outFile).length, installedKiB };
}
