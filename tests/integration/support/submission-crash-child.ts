import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { idCardFixtures } from '../../../drivers/idcard';
import { buildApplicationHandlers } from '../../../core/applications/handlers';
import { fakePlatform } from '../../../core/testing/fake-platform';
import { applicationRoutes, samplePdfBase64 } from '../../../core/testing/platform-applications';
import { testServiceDeps } from '../../../core/testing/service-deps';
import { catalogVariant } from '../../helpers/catalog-fixture';
import { silentLogger } from '../../../core/logging/logger';
import { sessionControl } from '../../../core/session/resident-session';
import { openStore } from '../../../core/store/open';

/**
 * Child process of submission-crash.test.ts: opens a real store in the given folder and submits
 * applications in a loop until it is killed, announcing "saved <localRef> <confirmationId>" on
 * stdout after each commit answered. The platform is down, so everything stays in the outbox.
 */
const dir = process.argv[2];
if (!dir) throw new Error('usage: submission-crash-child <dir>');
const store = openStore({ path: join(dir, 'kiosk.sqlite'), logger: silentLogger() });
if (!store.ok) throw new Error(store.error.message);
const kit = testServiceDeps({
  session: 'real',
  dataDir: 'temp',
  catalog: catalogVariant('applications'),
  platform: fakePlatform({ routes: applicationRoutes(), replayByIdempotencyKey: true }),
  db: store.value.db,
});
kit.platform.online = false;
kit.catalog.platform = 'unreachable';
const handlers = buildApplicationHandlers(kit.deps, { deliveryWaitMs: 50 });
const card = idCardFixtures.elderlyResident;
sessionControl(kit.session).signIn(
  { person: { name: card.name, idType: 'residentIdCard', idNumber: card.idNumber }, proof: { kind: 'card', card } },
  'applicant',
);
const announce = (line: string) => writeSync(1, `${line}\n`);
announce('ready');

for (let n = 0; ; n++) {
  const staged = kit.captures.stage({
    materialName: '居民身份证',
    pageCount: 1,
    pdfBase64: samplePdfBase64(`${process.pid}-${n}`),
  });
  if (!staged.ok) throw new Error(staged.error.message);
  const confirmationId = randomUUID();
  const receipt = await handlers['application.submit'](
    {
      confirmationId,
      matterCodes: ['370784-CJ-013'],
      lifeEventId: null,
      form: { applicantName: card.name, phone: '13800001234' },
      materials: [{ name: '居民身份证', captureIds: [staged.value.captureId] }],
      delivery: { method: 'pickUp' },
    },
    { host: 'test', requestId: String(n) },
  );
  if (!receipt.ok) throw new Error(receipt.error.message);
  announce(`saved ${receipt.value.localRef} ${confirmationId}`);
}
