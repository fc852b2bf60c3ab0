import type { CheckResult, CheckStatus } from './check';

const LABELS: Readonly<Record<CheckStatus, string>> = { pass: '通过', fail: '失败', warn: '警告', skip: '跳过' };

/** 0: nothing failed (warnings and skips included); 1: something failed. */
export function exitCodeOf(results: readonly CheckResult[]): 0 | 1 {
  return results.some((result) => result.status === 'fail') ? 1 : 0;
}

/** The technician's checklist: one line per check, the fix indented under a failure or warning. */
export function formatChecklist(results: readonly CheckResult[], configPath: string): string {
  const lines = [`bianmin-kiosk doctor：站点检查（配置 ${configPath}）`, ''];
  for (const result of results) {
    lines.push(`[${LABELS[result.status]}] ${result.title}：${result.detail.replace(/\n/g, '\n       ')}`);
    if (result.fix) lines.push(`       处理：${result.fix}`);
  }
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  lines.push(
    '',
    `共 ${results.length} 项：通过 ${count('pass')}，警告 ${count('warn')}，失败 ${count('fail')}，跳过 ${count('skip')}。` +
      (count('fail') > 0 ? '请按“处理”一行逐项修好，再运行 bianmin-kiosk doctor。' : ''),
  );
  return `${lines.join('\n')}\n`;
}

export interface DoctorReport {
  readonly configPath: string;
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
}

export function formatJson(results: readonly CheckResult[], configPath: string): string {
  const report: DoctorReport = { configPath, ok: exitCodeOf(results) === 0, checks: results };
  return `${JSON.stringify(report, null, 2)}\n`;
}
