import { ok } from '../../../core/pure/result';
import { writeAudit } from '../console/audit-store';
import type { ConsoleHandlers, StatisticsOperationId } from '../console/handler-types';
import type { PlatformContext } from '../http/types';
import { ledgerCsvStream } from './ledger-csv';
import { ledgerSource, showsFullNames } from './ledger-rows';
import { ledgerXlsxStream } from './ledger-xlsx';
import { statisticsReport } from './report';
import { resolveScope, type StatisticsScope } from './scope';

/**
 * The console's statistics and 台账 export (platform/contract/console/statistics-endpoints.ts).
 * Every export is audited (the HTTP layer audits only POSTs, and a 台账 is personal data): who,
 * which scope and range, how many rows, and whether names were masked; an export the browser
 * abandoned is audited again as such.
 */

export type StatisticsConsoleContext = Pick<PlatformContext, 'sql' | 'sealer' | 'log'>;

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

function scopeLabel(scope: StatisticsScope): string {
  return scope.code === null ? scope.kind : `${scope.kind}:${scope.code}`;
}

export function createStatisticsConsoleHandlers(ctx: StatisticsConsoleContext): ConsoleHandlers<StatisticsOperationId> {
  const db = ctx.sql;
  /** An audit written while the download runs: nobody awaits it, so its failure is logged. */
  const auditLater = (written: Promise<void>): void => {
    written.catch((error: unknown) => ctx.log('error', 'ledger audit not written', { error: String(error) }));
  };
  return {
    getStatistics: async ({ user, query, now }) => {
      const scope = await resolveScope(db, user, query);
      if (!scope.ok) return scope;
      return ok(await statisticsReport(db, scope.value, now));
    },

    exportLedger: async ({ user, query, now, ip }) => {
      const scope = await resolveScope(db, user, query);
      if (!scope.ok) return scope;
      const fullNames = showsFullNames(user, scope.value);
      const source = await ledgerSource(db, ctx.sealer, scope.value, fullNames, now);
      const detail = `${query.from}..${query.to} ${query.format} rows=${source.total} names=${fullNames ? 'full' : 'masked'}`;
      const audit = (action: string, outcome: 'ok' | 'failed', more = '') =>
        writeAudit(db, {
          at: new Date(),
          actor: user,
          action,
          target: scopeLabel(scope.value),
          outcome,
          ip,
          detail: detail + more,
        });
      await audit('ledger.exported', 'ok');
      const failed = (error: unknown) => {
        ctx.log('error', 'ledger export failed', { error: String(error) });
        auditLater(audit('ledger.exportFailed', 'failed'));
      };
      const title = `${scope.value.name} 台账 ${query.from} 至 ${query.to}`;
      const fileName = `台账-${scope.value.name}-${query.from}-${query.to}.${query.format}`;
      const body = query.format === 'csv' ? ledgerCsvStream(source) : ledgerXlsxStream(source, title, failed);
      return ok({ fileName, contentType: CONTENT_TYPES[query.format], body: auditedCancel(body, audit) });
    },
  };
}

/** Passes the file through; a download the browser abandoned part-way is written to the audit log. */
function auditedCancel(
  body: ReadableStream<Uint8Array>,
  audit: (action: string, outcome: 'ok' | 'failed', more?: string) => Promise<void>,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel(reason) {
        try {
          await audit('ledger.exportAbandoned', 'failed');
        } finally {
          await reader.cancel(reason);
        }
      },
    },
    { highWaterMark: 0 },
  );
}
