/**
 * One line of the doctor's checklist. The field names are the `--json` report's, which scripts
 * (the install test, a fleet tool) read: keep them stable.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckResult {
  /** Stable, dotted: `config`, `device.idCardReader`, `platform.clock` … */
  readonly id: string;
  readonly status: CheckStatus;
  /** What was checked, in Chinese, short: 配置文件, 身份证读卡器 … */
  readonly title: string;
  /** What was found, in Chinese (paths, numbers, the device's own words). */
  readonly detail: string;
  /** What to do, in Chinese (which file, which command); null when there is nothing to do. */
  readonly fix: string | null;
}

export const pass = (id: string, title: string, detail: string): CheckResult => ({
  id,
  status: 'pass',
  title,
  detail,
  fix: null,
});

export const skip = (id: string, title: string, detail: string): CheckResult => ({
  id,
  status: 'skip',
  title,
  detail,
  fix: null,
});

export const warn = (id: string, title: string, detail: string, fix: string | null): CheckResult => ({
  id,
  status: 'warn',
  title,
  detail,
  fix,
});

export const fail = (id: string, title: string, detail: string, fix: string): CheckResult => ({
  id,
  status: 'fail',
  title,
  detail,
  fix,
});
