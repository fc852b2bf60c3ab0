import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApplicationHandlers } from '../../core/applications/handlers';
import { applicationKey, materialKey } from '../../core/applications/commit';
import { TEST_DATA_KEY } from '../../core/testing/outbox';
import { fakePlatform } from '../../core/testing/fake-platform';
import { applicationRoutes } from '../../core/testing/platform-applications';
import { testServiceDeps } from '../../core/testing/service-deps';
import { catalogVariant } from '../helpers/catalog-fixture';
import { createDataSealer } from '../../core/outbox/data-sealer';
import { sessionControl } from '../../core/session/resident-session';
import { idCardFixtures } from '../../drivers/idcard';

/**
 * Exactly-once under power loss: a child process submits applications against a real store
 * (WAL, synchronous=FULL) and is SIGKILLed at a random moment. Every application it announced as
 * saved must be complete after reopening (row, material bytes, outbox rows), nothing may be half
 * written, and replaying a confirmation id must answer the same application.
 */
const CHILD = join(import.meta.dirname, 'support', 'submission-crash-child.ts');
const LANES = 5;
const KILLS_PER_LANE = 5;
const sealer = createDataSealer(TEST_DATA_KEY);
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Saved {
  readonly localRef: string;
  readonly confirmationId: string;
}

/**
 * When the kill's random moment is counted from: the child's ready line (a kill may land in its
 * first submission), or its first announced application (so the run cannot be vacuous: on a busy
 * machine a first submission can take longer than the whole window, and no kill ever came after one).
 */
type KillFrom = 'ready' | 'firstSaved';

/** Runs the child until `from`, lets it work 5–200 ms more, kills it; answers what it announced. */
function runAndKill(dir: string, from: KillFrom): Promise<Saved[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const saved: Saved[] = [];
    let buffered = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      // The random moment of the power cut: anywhere inside the submit loop.
      setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(Math.random() * 196));
    };
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, localRef, confirmationId] = line.split(' ');
        if (word === 'ready' && from === 'ready') arm();
        else if (word === 'saved' && localRef && confirmationId) {
          saved.push({ localRef, confirmationId });
          arm();
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended by itself: ${stderr}`));
      else resolve(saved);
    });
  });
}

function checkStore(dir: string, announced: readonly Saved[]) {
  const db = new Database(join(dir, 'kiosk.sqlite'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const { localRef, confirmationId } of announced) {
      const row = db.prepare('SELECT confirmation_id FROM application WHERE local_ref = ?').pluck().get(localRef);
      expect(row).toBe(confirmationId);
      const blobs = db
        .prepare(
          `SELECT b.sha256, b.sealed_bytes, o.idempotency_key AS key, o.path FROM application_blob b
           JOIN outbox o ON o.id = b.outbox_id WHERE b.local_ref = ?`,
        )
        .all(localRef) as Array<{ sha256: string; sealed_bytes: Buffer; key: string; path: string }>;
      expect(blobs).toHaveLength(1);
      for (const blob of blobs) {
        const pdf = sealer.open(blob.sealed_bytes);
        expect(createHash('sha256').update(pdf).digest('hex')).toBe(blob.sha256);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(blob).toMatchObject({
          key: materialKey(confirmationId, blob.sha256),
          path: `/materials/${blob.sha256}`,
        });
      }
      const posts = db
        .prepare(
          `SELECT o.idempotency_key FROM application_matter m JOIN outbox o ON o.id = m.outbox_id WHERE m.local_ref = ?`,
        )
        .pluck()
        .all(localRef);
      expect(posts).toEqual([applicationKey(confirmationId, 0)]);
    }
    // No half application: every application is whole, and no outbox row belongs to nobody.
    const incomplete = db
      .prepare(
        `SELECT local_ref FROM application a WHERE
           NOT EXISTS (SELECT 1 FROM application_matter m WHERE m.local_ref = a.local_ref)
           OR NOT EXISTS (SELECT 1 FROM application_blob b WHERE b.local_ref = a.local_ref)
           OR NOT EXISTS (SELECT 1 FROM application_page p WHERE p.local_ref = a.local_ref)`,
      )
      .all();
    expect(incomplete).toEqual([]);
    const orphans = db
      .prepare(
        `SELECT id FROM outbox WHERE id NOT IN (SELECT outbox_id FROM application_matter)
           AND id NOT IN (SELECT outbox_id FROM application_blob)`,
      )
      .all();
    expect(orphans).toEqual([]);
    return Number(db.prepare('SELECT COUNT(*) FROM application').pluck().get());
  } finally {
    db.close();
  }
}

async function replay(dir: string, saved: Saved) {
  const db = new Database(join(dir, 'kiosk.sqlite'));
  db.pragma('foreign_keys = ON');
  const kit = testServiceDeps({
    session: 'real',
    dataDir: 'temp',
    catalog: catalogVariant('applications'),
    platform: fakePlatform({ routes: applicationRoutes(), replayByIdempotencyKey: true }),
    db: db,
  });
  try {
    kit.platform.online = false;
    const handlers = buildApplicationHandlers(kit.deps, { deliveryWaitMs: 50 });
    const card = idCardFixtures.elderlyResident;
    sessionControl(kit.session).signIn(
      { person: { name: card.name, idType: 'residentIdCard', idNumber: card.idNumber }, proof: { kind: 'card', card } },
      'applicant',
    );
    const counts = () =>
      db.prepare("SELECT (SELECT COUNT(*) FROM application) || '/' || (SELECT COUNT(*) FROM outbox)").pluck().get();
    const before = counts();
    const input = {
      confirmationId: saved.confirmationId,
      matterCodes: ['370784-CJ-013'],
      lifeEventId: null,
      form: { applicantName: card.name, phone: '13800001234' },
      materials: [{ name: '居民身份证', captureIds: ['not-staged-any-more'] }],
      delivery: { method: 'pickUp' as const },
    };
    const first = await handlers['application.submit'](input, { host: 'test', requestId: 'replay-1' });
    const second = await handlers['application.submit'](input, { host: 'test', requestId: 'replay-2' });
    expect(first).toMatchObject({ ok: true, value: { localRef: saved.localRef, status: 'savedOffline' } });
    expect(second).toEqual(first);
    expect(counts()).toBe(before);
  } finally {
    await kit.close();
    db.close();
  }
}

describe('submission survives SIGKILL at any moment', () => {
  it(
    `keeps every announced application whole across ${LANES * KILLS_PER_LANE} kills`,
    // 25 child processes are started and killed: a hang limit, not a speed target (a busy CI machine).
    { timeout: 180_000 },
    async () => {
      const lanes = Array.from({ length: LANES }, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
        dirs.push(dir);
        const announced: Saved[] = [];
        for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
          announced.push(...(await runAndKill(dir, kill % 2 === 0 ? 'ready' : 'firstSaved')));
          const stored = checkStore(dir, announced);
          // At most the one application in flight at the kill may be stored without its announcement.
          expect(stored - announced.length).toBeGreaterThanOrEqual(0);
          expect(stored - announced.length).toBeLessThanOrEqual(kill + 1);
        }
        return { dir, announced };
      });
      const results = await Promise.all(lanes);
      const total = results.reduce((sum, lane) => sum + lane.announced.length, 0);
      expect(total).toBeGreaterThan(0);
      for (const { dir, announced } of results) {
        const last = announced.at(-1);
        if (last) await replay(dir, last);
      }
    },
  );
});
