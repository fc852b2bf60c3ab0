import { describe, expect, it } from 'vitest';
import { judgeAudit } from './judge';

/** Shapes as npm 11 prints them with --json (trimmed to what the judge reads). */
const report = (critical: number, high = 0, vulnerabilities: Record<string, unknown> = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 1, moderate: 0, high, critical, total: 1 + high + critical } },
  });

describe('judging npm audit', () => {
  it('passes production dependencies without a critical advisory, whatever else there is', () => {
    expect(judgeAudit(0, report(0, 3))).toEqual({
      kind: 'passed',
      counts: { info: 0, low: 1, moderate: 0, high: 3, critical: 0 },
    });
  });

  it('fails on a critical advisory and names it', () => {
    const verdict = judgeAudit(
      1,
      report(2, 0, {
        'bad-lib': {
          severity: 'critical',
          via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-xxxx', severity: 'critical' }],
        },
        'uses-bad-lib': { severity: 'critical', via: ['bad-lib'] },
        'merely-high': { severity: 'high', via: [{ title: 'ReDoS', severity: 'high' }] },
      }),
    );
    expect(verdict).toMatchObject({ kind: 'critical' });
    expect(verdict.kind === 'critical' && verdict.advisories).toEqual([
      'bad-lib: Prototype pollution (https://github.com/advisories/GHSA-xxxx)',
      'uses-bad-lib: critical through bad-lib',
    ]);
  });

  it('retries when the registry cannot be reached, or answers 5xx or 429', () => {
    const unreachable = JSON.stringify({
      message: 'request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED',
      error: { summary: '', detail: '' },
    });
    expect(judgeAudit(1, unreachable)).toMatchObject({ kind: 'notAudited', retry: true });
    expect(judgeAudit(1, JSON.stringify({ message: '503 Service Unavailable', statusCode: 503 }))).toMatchObject({
      kind: 'notAudited',
      retry: true,
    });
    expect(judgeAudit(1, JSON.stringify({ message: '429 Too Many Requests', statusCode: 429 }))).toMatchObject({
      retry: true,
    });
  });

  it('fails at once, saying why, when the registry does not serve the audit API', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    const verdict = judgeAudit(1, refused);
    expect(verdict).toMatchObject({ kind: 'notAudited', retry: false });
    expect(verdict.kind === 'notAudited' && verdict.reason).toMatch(
      /405 Method Not Allowed.*does not serve npm's audit API/,
    );
  });

  it('never reads output it cannot parse, or an odd exit code, as a pass', () => {
    expect(judgeAudit(1, 'npm ERR! something')).toMatchObject({ kind: 'notAudited', retry: false });
    expect(judgeAudit(1, report(0))).toMatchObject({ kind: 'notAudited' });
  });
});
