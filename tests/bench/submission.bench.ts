import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApplicationHandlers } from '../../core/applications/handlers';
import { fakePlatform } from '../../core/testing/fake-platform';
import { applicationRoutes, samplePdfBase64 } from '../../core/testing/platform-applications';
import { testServiceDeps } from '../../core/testing/service-deps';
import { catalogVariant } from '../helpers/catalog-fixture';
import { silentLogger } from '../../core/logging/logger';
import { sessionControl } from '../../core/session/resident-session';
import { openStore } from '../../core/store/open';
import { idCardFixtures } from '../../drivers/idcard';
import { compared, summarise, times, type Summary } from './measure';

const SAMPLES = 200;
/** One WAL commit writes a few pages; the floor writes one page's worth and syncs it. */
const FLOOR_WRITE_BYTES = 4096;

/**
 * application.submit until it answers (the application, its material and its outbox rows committed
 * in one transaction to a real store: WAL, synchronous=FULL, core/store/open.ts), with the
 * platform down so nothing is delivered, beside the disk's fsync floor: a 4 KB write and
 * fdatasync to a file in the same folder, measured in the same run. A committed submission
 * cannot be faster than one durable write, and makes exactly one: the failed delivery attempt and
 * the receipt's print record after it are bookkeeping commits (core/store/bookkeeping-write.ts).
 * The rest is the CPU's part (checks, sealing, the catalog lookups), so the ratio is lowest where
 * fsync is slow (a kiosk's eMMC or SD card) and highest on a fast SSD.
 */
export async function submissionBenchmarks(): Promise<Summary[]> {
  const dir = mkdtempSync(join(tmpdir(), 'submission-bench-'));
  try {
    const floor = summarise(`disk: write ${FLOOR_WRITE_BYTES} B + fdatasync (same folder)`, fsyncSamples(dir));
    const store = openStore({ path: join(dir, 'kiosk.sqlite'), logger: silentLogger() });
    if (!store.ok) throw new Error(store.error.message);
    const kit = testServiceDeps({
      db: store.value.db,
      session: 'real',
      dataDir: 'temp',
      catalog: catalogVariant('applications'),
      platform: fakePlatform({ routes: applicationRoutes(), replayByIdempotencyKey: true }),
    });
    kit.platform.online = false;
    kit.catalog.platform = 'unreachable';
    const handlers = buildApplicationHandlers(kit.deps, { deliveryWaitMs: 0 });
    const card = idCardFixtures.elderlyResident;
    sessionControl(kit.session).signIn(
      { person: { name: card.name, idType: 'residentIdCard', idNumber: card.idNumber }, proof: { kind: 'card', card } },
      'applicant',
    );
    const samples: number[] = [];
    for (let n = 0; n < times(SAMPLES); n++) {
      // Staging the scan happens while the resident is still at the camera: not timed.
      const staged = kit.captures.stage({
        materialName: '居民身份证',
        pageCount: 1,
        pdfBase64: samplePdfBase64(`${n}`),
      });
      if (!staged.ok) throw new Error(staged.error.message);
      const started = performance.now();
      const receipt = await handlers['application.submit'](
        {
          confirmationId: randomUUID(),
          matterCodes: ['370784-CJ-013'],
          lifeEventId: null,
          form: { applicantName: card.name, phone: '13800001234' },
          materials: [{ name: '居民身份证', captureIds: [staged.value.captureId] }],
          delivery: { method: 'pickUp' },
        },
        { host: 'test', requestId: String(n) },
      );
      samples.push(performance.now() - started);
      if (!receipt.ok) throw new Error(`submission bench: ${receipt.error.message}`);
    }
    await kit.close();
    store.value.db.close();
    const submitted = summarise('application.submit committed (WAL, synchronous=FULL, platform down)', samples);
    return [compared(submitted, floor, 'p99', '≤ 2×'), floor];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fsyncSamples(dir: string): number[] {
  const fd = openSync(join(dir, 'fsync-floor'), 'a');
  const page = Buffer.alloc(FLOOR_WRITE_BYTES, 0x5a);
  const samples: number[] = [];
  try {
    for (let i = 0; i < times(SAMPLES); i++) {
      const started = performance.now();
      writeSync(fd, page);
      fdatasyncSync(fd);
      samples.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
  }
  return samples;
}
