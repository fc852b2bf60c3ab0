import { basename, join } from 'node:path';
import { pass, skip, warn, type CheckResult, fail } from './check';

export interface ReleaseFacts {
  /** readlink, or null when the path is not a link / does not exist. */
  readonly readlink: (path: string) => string | null;
  readonly readdir: (path: string) => readonly string[] | null;
  readonly readFile: (path: string) => string | null;
}

export interface ReleasePaths {
  /** /opt/bianmin-kiosk: releases/<version> and the `current` link. */
  readonly installDir: string;
  /** /var/lib/bianmin-kiosk/release: what the boot guard records. */
  readonly releaseStateDir: string;
}

/** A rollback the boot guard (packaging/ boot-guard) recorded as rollback-<UTC time>.json. */
export interface RollbackRecord {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly at: string;
  readonly file: string;
}

const CURRENT = { id: 'release.current', title: '已安装的版本' } as const;
const ROLLBACK = { id: 'release.rollback', title: '启动保护（自动回退）' } as const;

export function checkRelease(facts: ReleaseFacts, paths: ReleasePaths, production: boolean): CheckResult[] {
  const link = join(paths.installDir, 'current');
  const target = facts.readlink(link);
  const current = target === null ? null : basename(target);
  const results: CheckResult[] = [];
  if (current === null) {
    results.push(
      production
        ? fail(
            CURRENT.id,
            CURRENT.title,
            `${link} 不存在或不是链接`,
            '重新安装软件包：sudo apt-get install --reinstall bianmin-kiosk',
          )
        : skip(CURRENT.id, CURRENT.title, `${link} 不存在：这里是开发检出，不是安装好的站点`),
    );
  } else {
    const installed = (facts.readdir(join(paths.installDir, 'releases')) ?? [])
      .filter((name) => name !== current)
      .sort();
    results.push(
      pass(
        CURRENT.id,
        CURRENT.title,
        `current → ${current}${installed.length > 0 ? `；保留的其他版本：${installed.join('、')}（sudo bianmin-kiosk rollback 可回到上一版）` : ''}`,
      ),
    );
  }

  const latest = latestRollback(facts, paths.releaseStateDir);
  if (latest === null) {
    results.push(pass(ROLLBACK.id, ROLLBACK.title, `没有回退记录（${paths.releaseStateDir}）`));
  } else {
    const what = `${latest.at} 启动保护把 ${latest.from} 回退到 ${latest.to}，原因：${latest.reason}（${latest.file}）`;
    results.push(
      current !== null && current !== latest.to
        ? pass(ROLLBACK.id, ROLLBACK.title, `最近一次回退：${what}；之后已换成 ${current}`)
        : warn(
            ROLLBACK.id,
            ROLLBACK.title,
            what,
            `查看新版本为何没有启动：journalctl -u bianmin-kiosk.service --no-pager | grep -i -e error -e fatal | tail；修好后重新安装新版本（sudo apt-get install bianmin-kiosk）`,
          ),
    );
  }
  return results;
}

/** The newest record by its `at` (the file name's UTC time breaks ties); unreadable files are reported, not skipped. */
export function latestRollback(facts: ReleaseFacts, dir: string): RollbackRecord | null {
  const names = (facts.readdir(dir) ?? []).filter((name) => /^rollback-.+\.json$/.test(name));
  const records = names.map((name): RollbackRecord => {
    const text = facts.readFile(join(dir, name));
    let raw: Record<string, unknown> = {};
    try {
      raw = text === null ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      raw = {};
    }
    const field = (key: string) => (typeof raw[key] === 'string' ? raw[key] : '（记录中没有）');
    const at = typeof raw['at'] === 'string' ? raw['at'] : name.slice('rollback-'.length, -'.json'.length);
    return { from: field('from'), to: field('to'), reason: field('reason'), at, file: join(dir, name) };
  });
  records.sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0) || a.file.localeCompare(b.file));
  return records.at(-1) ?? null;
}
