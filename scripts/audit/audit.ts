/**
 * The supply-chain check of `npm test` (and so of CI): `npm audit --omit=dev
 * --audit-level=critical` over what ships to a station, failing on a critical advisory.
 *
 * When the registry's audit endpoint cannot be asked, the check exits 3, which `npm test` counts as
 * skipped with the reason: an audit that did not run must not read as a pass, and a build machine
 * whose only registry is a mirror without npm's audit API (it answers 405: it serves GET only)
 * cannot audit at all. A network failure, a 429 or a 5xx is tried again (three tries, a few
 * seconds apart); a refusal of the audit API outright (another 4xx) is reported at once.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from '../build-renderer';
import { describeCounts, judgeAudit, type AuditVerdict } from './judge';

const TRIES = 3;
const WAIT_MS = [2_000, 5_000];

function audit(): AuditVerdict {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=critical', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) return { kind: 'notAudited', retry: false, reason: `cannot run npm: ${run.error.message}` };
  return judgeAudit(run.status ?? 1, run.stdout);
}

let verdict = audit();
for (let attempt = 1; attempt < TRIES && verdict.kind === 'notAudited' && verdict.retry; attempt += 1) {
  console.log(`npm audit: ${verdict.reason}; trying again (${attempt + 1} of ${TRIES})`);
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS[attempt - 1] ?? 5_000));
  verdict = audit();
}

switch (verdict.kind) {
  case 'passed':
    console.log(`npm audit (production dependencies): no critical advisory (${describeCounts(verdict.counts)})`);
    process.exit(0);
    break;
  case 'critical':
    console.log(`npm audit (production dependencies): ${describeCounts(verdict.counts)}`);
    for (const line of verdict.advisories) console.log(`  critical: ${line}`);
    console.log('Update or replace these dependencies (npm audit --omit=dev for the details).');
    process.exit(1);
    break;
  case 'notAudited':
    // 3: skipped (scripts/test-all.ts); the reason says what to fix to make it run.
    console.log(`npm audit SKIPPED: the production dependencies were not audited: ${verdict.reason}`);
    process.exit(3);
}
