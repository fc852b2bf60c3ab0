import { join } from 'node:path';
import Database from 'better-sqlite3';
import { outboxSummary } from '../../../core/outbox/outbox-store';
import { err, ok, type Result } from '../../../core/pure/result';
import { fail, pass, skip, warn, type CheckResult } from './check';

/**
 * What the outbox holds, in counts and times only: the doctor never reads a body, a path or an
 * error text (they may name a resident or a case).
 */
export interface OutboxSummary {
  readonly pending: number;
  readonly deadLetters: number;
  /** created_at of the oldest pending item (ISO), or null. */
  readonly oldestPendingAt: string | null;
  /** Dead letters per kind ('application', 'rating' …): kinds are ours, not the resident's. */
  readonly deadLetterKinds: Readonly<Record<string, number>>;
}

export type OutboxReadError = { kind: 'missing' } | { kind: 'unreadable'; message: string };

/** The kiosk's store in its data folder (core/app/start.ts opens the same file). */
export const STORE_FILE = 'kiosk.sqlite';

/**
 * Reads the counts through a read-only connection: the service may be running and holds the one
 * writer connection (core/store/open.ts); a reader beside it is what WAL allows. `fileMustExist`
 * so a doctor run before the first start does not leave an empty database (owned by root) where
 * the service will make its own. With the service stopped, a reader makes the -wal and -shm files;
 * SQLite run as root gives them the database's owner and mode (os_unix.c, robustFchown), so the
 * service can still open them: outbox-check.test.ts proves it.
 */
export function readOutboxSummary(dataDir: string): Result<OutboxSummary, OutboxReadError> {
  let db: Database.Database;
  try {
    db = new Database(join(dataDir, STORE_FILE), { readonly: true, fileMustExist: true });
  } catch (error) {
    const message = (error as Error).message;
    return /unable to open|does not exist|ENOENT/i.test(message)
      ? err({ kind: 'missing' })
      : err({ kind: 'unreadable', message });
  }
  try {
    // The kiosk's own summary (the technician page shows the same numbers), plus dead letters per kind.
    const summary = outboxSummary(db);
    const kinds = db
      .prepare(`SELECT kind, COUNT(*) AS n FROM outbox WHERE state = 'deadLetter' GROUP BY kind`)
      .all() as { kind: string; n: number }[];
    return ok({ ...summary, deadLetterKinds: Object.fromEntries(kinds.map((row) => [row.kind, row.n])) });
  } catch (error) {
    return err({ kind: 'unreadable', message: (error as Error).message });
  } finally {
    db.close();
  }
}

const ID = 'outbox';
const TITLE = '待上报记录（outbox）';
export const OLDEST_PENDING_WARN_MS = 24 * 60 * 60 * 1000;

export function outboxResult(
  read: Result<OutboxSummary, OutboxReadError>,
  now: Date,
  storePath: string,
  /** The doctor runs as root; otherwise the service user's 0700 folder is closed to it. */
  asRoot: boolean,
): CheckResult {
  if (!read.ok) {
    return read.error.kind === 'missing'
      ? skip(ID, TITLE, `${storePath} 还不存在（一体机服务第一次启动时创建），没有待上报记录`)
      : fail(
          ID,
          TITLE,
          `无法读取 ${storePath}：${read.error.message}`,
          /permission|EACCES|readonly/i.test(read.error.message) && !asRoot
            ? '用 root 运行：sudo bianmin-kiosk doctor（数据文件夹只有服务用户可以进入）'
            : '查看 journalctl -u bianmin-kiosk.service -b；不要删除此文件（里面有未上报的居民记录），联系县级运维',
        );
  }
  const summary = read.value;
  const ageMs = summary.oldestPendingAt === null ? 0 : now.getTime() - Date.parse(summary.oldestPendingAt);
  const counts = `待上报 ${summary.pending} 条，上报失败（死信）${summary.deadLetters} 条`;
  const oldest =
    summary.oldestPendingAt === null ? '' : `，最早一条已等待 ${duration(ageMs)}（${summary.oldestPendingAt}）`;
  const problems: string[] = [];
  const fixes: string[] = [];
  if (ageMs > OLDEST_PENDING_WARN_MS) {
    problems.push('最早的待上报记录超过 24 小时');
    fixes.push('先看本清单的“平台连接”一项；网络和令牌正常后，服务会自动补报');
  }
  if (summary.deadLetters > 0) {
    const kinds = Object.entries(summary.deadLetterKinds)
      .map(([kind, n]) => `${kind} ${n}`)
      .join('、');
    problems.push(`有被平台拒收的记录（${kinds}）`);
    fixes.push('平台拒收的记录不会自动重发：在一体机的巡检页查看平台给出的原因，并告知县级平台管理员');
  }
  if (problems.length === 0) return pass(ID, TITLE, `${counts}${oldest}`);
  return warn(ID, TITLE, `${counts}${oldest}；${problems.join('；')}`, fixes.join('；'));
}

function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}
