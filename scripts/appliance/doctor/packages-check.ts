import { fail, pass, type CheckResult } from './check';
import type { Exec } from './exec';

export interface PackageFacts {
  readonly exec: Exec;
  readonly exists: (path: string) => boolean;
}

/** The Debian packages a station needs, and the file that proves each one where dpkg cannot say. */
export const REQUIRED_PACKAGES = [
  {
    name: 'fonts-noto-cjk',
    file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    why: '界面和小票的中文字体',
  },
  { name: 'espeak-ng', file: '/usr/bin/espeak-ng', why: '语音播报' },
  { name: 'chromium', file: '/usr/bin/chromium', why: '一体机界面的浏览器' },
] as const;

/**
 * dpkg's own answer first (`install ok installed`); where dpkg-query is missing or does not know
 * the package (installed another way), the file the kiosk actually uses decides.
 */
export async function checkPackage(facts: PackageFacts, pkg: (typeof REQUIRED_PACKAGES)[number]): Promise<CheckResult> {
  const id = `package.${pkg.name}`;
  const title = `软件包 ${pkg.name}（${pkg.why}）`;
  const answer = await facts.exec('dpkg-query', ['-W', '-f=${Status}', pkg.name]);
  const status = answer.missing || answer.code !== 0 ? null : answer.stdout.trim();
  if (status === 'install ok installed') return pass(id, title, `已安装（dpkg: ${status}）`);
  if (facts.exists(pkg.file)) {
    return pass(
      id,
      title,
      `${pkg.file} 存在${status === null ? '（dpkg 中没有此软件包的记录）' : `（dpkg: ${status}）`}`,
    );
  }
  return fail(
    id,
    title,
    `未安装：${status === null ? 'dpkg 中没有此软件包' : `dpkg 状态为“${status}”`}，${pkg.file} 也不存在`,
    `运行 sudo apt-get install ${pkg.name}（它是 bianmin-kiosk 软件包的依赖，sudo apt-get -f install 也会装上）`,
  );
}

export function checkPackages(facts: PackageFacts): Promise<CheckResult[]> {
  return Promise.all(REQUIRED_PACKAGES.map((pkg) => checkPackage(facts, pkg)));
}
