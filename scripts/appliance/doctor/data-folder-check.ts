import { join, relative } from 'node:path';
import { fail, pass, type CheckResult } from './check';

export interface FileInfo {
  readonly uid: number;
  /** The full st_mode. */
  readonly mode: number;
  readonly isDirectory: boolean;
  readonly isSymbolicLink: boolean;
}

export interface DataFolderFacts {
  /** lstat, or null when the path does not exist. */
  readonly lstat: (path: string) => FileInfo | null;
  readonly readdir: (path: string) => readonly string[];
}

/** The user the kiosk service runs as (User= of bianmin-kiosk.service). */
export interface ServiceUser {
  readonly name: string;
  readonly uid: number;
}

const ID = 'data.permissions';
const TITLE = '数据文件夹权限';
/** Enough to act on; a folder with thousands of open files is one fix, not thousands of lines. */
const SHOWN_PATHS = 5;

/**
 * The data folder is the kiosk user's alone (core/store/data-folder.ts: folders 0700, files 0600,
 * tightened at every start). The doctor only reads: a folder the service could not fix (owned by
 * root after a copy, say) or that is open to others is reported with the commands that fix it.
 */
export function checkDataFolder(facts: DataFolderFacts, dataDir: string, user: ServiceUser): CheckResult {
  const top = facts.lstat(dataDir);
  const chown = `sudo chown -R ${user.name}: ${dataDir} && sudo chmod -R go-rwx ${dataDir}`;
  if (!top) {
    return fail(
      ID,
      TITLE,
      `数据文件夹 ${dataDir} 不存在（一体机服务第一次启动时创建）`,
      `启动服务 sudo systemctl start bianmin-kiosk.service；或检查 kiosk.json 的 data.dir`,
    );
  }
  if (!top.isDirectory) return fail(ID, TITLE, `${dataDir} 不是文件夹`, `检查 kiosk.json 的 data.dir`);
  const problems: string[] = [];
  if (top.uid !== user.uid) problems.push(`属主是 uid ${top.uid}，不是服务用户 ${user.name}（uid ${user.uid}）`);
  if ((top.mode & 0o777) !== 0o700) problems.push(`权限是 ${octal(top.mode)}，应为 0700`);

  const open: string[] = [];
  const foreign: string[] = [];
  const visit = (path: string) => {
    for (const name of facts.readdir(path)) {
      const child = join(path, name);
      const info = facts.lstat(child);
      if (!info || info.isSymbolicLink) continue;
      if ((info.mode & 0o077) !== 0) open.push(`${relative(dataDir, child)}（${octal(info.mode)}）`);
      if (info.uid !== user.uid) foreign.push(relative(dataDir, child));
      if (info.isDirectory) visit(child);
    }
  };
  try {
    visit(dataDir);
  } catch (error) {
    return fail(
      ID,
      TITLE,
      `无法读取 ${dataDir} 中的文件：${(error as Error).message}`,
      '用 root 运行：sudo bianmin-kiosk doctor（数据文件夹只有服务用户可以进入）',
    );
  }
  if (open.length > 0) problems.push(`${open.length} 个文件或文件夹其他用户可以访问：${listed(open)}`);
  if (foreign.length > 0) problems.push(`${foreign.length} 个不属于 ${user.name}：${listed(foreign)}`);
  if (problems.length === 0)
    return pass(ID, TITLE, `${dataDir} 属于 ${user.name}，权限 0700，其他用户无法读取其中文件`);
  return fail(
    ID,
    TITLE,
    `${dataDir}：${problems.join('；')}`,
    `运行 ${chown}，然后 sudo systemctl restart bianmin-kiosk.service`,
  );
}

function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}

function listed(paths: readonly string[]): string {
  const shown = paths.slice(0, SHOWN_PATHS).join('、');
  return paths.length > SHOWN_PATHS ? `${shown} 等` : shown;
}
