import type { Summary } from './measure';

/**
 * The bench table: one row per figure, then its ratio to the floor or peer it was measured beside
 * ("1.12× p50 of idcard: wire-time floor …, goal ≤ 1.15×") and any note (a rate, a growth).
 */
export function formatTable(results: readonly Summary[]): string {
  const width = Math.max(9, ...results.map((r) => r.name.length));
  const lines = [
    `${'benchmark'.padEnd(width)}  samples      p50 ms      p95 ms      p99 ms      max ms  vs floor/peer`,
  ];
  for (const r of results) {
    const ms = [r.p50Ms, r.p95Ms, r.p99Ms, r.maxMs].map((v) => v.toFixed(2).padStart(10)).join('  ');
    const versus = r.comparison
      ? `${r.comparison.ratio.toFixed(2)}× ${r.comparison.on} of "${r.comparison.against}"${r.comparison.goal ? ` (goal ${r.comparison.goal})` : ''}`
      : '';
    lines.push(`${r.name.padEnd(width)}  ${String(r.samples).padStart(7)}  ${ms}  ${versus}`.trimEnd());
    if (r.note) lines.push(`${''.padEnd(width)}  ↳ ${r.note}`);
  }
  return lines.join('\n');
}
