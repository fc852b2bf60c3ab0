/**
 * What `npm audit --omit=dev --audit-level=critical --json` said, judged for CI: the production
 * dependencies (what a station runs) must have no critical advisory. The registry's audit
 * endpoint not answering is not a pass: the dependencies were simply not audited.
 */

export type AuditVerdict =
  | { readonly kind: 'passed'; readonly counts: SeverityCounts }
  | { readonly kind: 'critical'; readonly counts: SeverityCounts; readonly advisories: readonly string[] }
  /** The endpoint could not be asked. `retry`: a network failure, 429 or 5xx, worth another try. */
  | { readonly kind: 'notAudited'; readonly retry: boolean; readonly reason: string };

export interface SeverityCounts {
  readonly info: number;
  readonly low: number;
  readonly moderate: number;
  readonly high: number;
  readonly critical: number;
}

interface AuditReport {
  readonly vulnerabilities?: Record<string, { severity?: string; via?: unknown[] }>;
  readonly metadata?: { vulnerabilities?: Partial<SeverityCounts> };
}

interface AuditError {
  readonly message?: string;
  readonly statusCode?: number;
}

export function judgeAudit(exitCode: number, stdout: string): AuditVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { kind: 'notAudited', retry: false, reason: `npm audit printed no JSON (exit code ${exitCode})` };
  }
  const report = parsed as AuditReport & AuditError;
  const counted = report.metadata?.vulnerabilities;
  if (counted) {
    const counts: SeverityCounts = {
      info: counted.info ?? 0,
      low: counted.low ?? 0,
      moderate: counted.moderate ?? 0,
      high: counted.high ?? 0,
      critical: counted.critical ?? 0,
    };
    if (counts.critical === 0) {
      // --audit-level=critical: npm exits 0 unless something is critical; anything else is odd.
      if (exitCode !== 0)
        return { kind: 'notAudited', retry: false, reason: `npm audit exited ${exitCode} with no critical advisory` };
      return { kind: 'passed', counts };
    }
    return { kind: 'critical', counts, advisories: criticalAdvisories(report) };
  }
  const message = report.message ?? 'no report and no error message';
  const status = report.statusCode;
  if (status === undefined) return { kind: 'notAudited', retry: true, reason: message };
  if (status === 429 || status >= 500) return { kind: 'notAudited', retry: true, reason: message };
  return {
    kind: 'notAudited',
    retry: false,
    reason:
      `the audit endpoint refused the request (${message}): this registry, or a proxy in front of it, ` +
      "does not serve npm's audit API; audit from a network that reaches it",
  };
}

/** "name: title (url)" for each critical advisory, from the report's `via` entries. */
function criticalAdvisories(report: AuditReport): string[] {
  const lines: string[] = [];
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    if (entry.severity !== 'critical') continue;
    const advisories = (entry.via ?? []).filter(
      (via): via is { title?: string; url?: string; severity?: string } => typeof via === 'object' && via !== null,
    );
    const own = advisories.filter((via) => via.severity === 'critical');
    if (own.length === 0)
      lines.push(`${name}: critical through ${(entry.via ?? []).filter((v) => typeof v === 'string').join(', ')}`);
    for (const via of own) lines.push(`${name}: ${via.title ?? 'advisory'}${via.url ? ` (${via.url})` : ''}`);
  }
  return lines;
}

export function describeCounts(counts: SeverityCounts): string {
  return `${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low, ${counts.info} info`;
}
