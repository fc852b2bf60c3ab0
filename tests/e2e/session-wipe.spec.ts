import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { valueFor } from '../helpers/form-values';
import { callKioskApi } from './support/api';
import { takeReadCardOff } from './support/id-card';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';

/**
 * Nothing of a resident survives the end of their session unless it belongs to a submitted
 * application (docs/reliability.md §3.4). Two residents use the kiosk as `npm start` runs it
 * (emulated reader, embedded platform). 李测试 submits an application; 欧阳样例 signs in, starts one, captures a page
 * and walks away. After the kiosk stopped (logs flushed, WAL checkpointed or not), every byte of
 * the data folder — the kiosk's store and its WAL, the embedded platform's store, the emulated
 * printer's receipts, the logs — is searched for each person's name and ID number, in UTF-8,
 * UTF-16 and GB18030-free plain forms. The walk-away resident must be found nowhere; the submitted
 * one must be found in the platform's records (the search would find a name if it were there).
 */

const SUBMITTED = { card: 'resident', name: '李测试', idNumber: '370784199006010024' };
const WALKED_AWAY = { card: 'residentYoung', name: '欧阳样例', idNumber: '370784200102030055' };

let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;

test.beforeAll(async () => {
  config = writeTestConfig();
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
});

test.afterAll(() => config.cleanup());

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

async function call(page: Page, method: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = (await callKioskApi(page, method, input)) as Answer;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

/** A one-page PDF, as the camera's PDF writer makes them (only its header matters to core). */
const pdfBase64 = (marker: string) =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');

async function signInWithCard(page: Page, card: string) {
  await call(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard', argument: card });
  // Core waits a few seconds for the read; on a slow machine the card stays on the reader while it
  // waits again. Once read, the card is taken off and the reader must see it gone, so the next
  // card is a new placement (support/id-card.ts).
  for (let attempt = 1; ; attempt += 1) {
    const answer = (await callKioskApi(page, 'session.signInWithCard', { role: 'applicant' })) as Answer;
    if (answer.ok) {
      await takeReadCardOff(page);
      return answer.value;
    }
    if (answer.error.code !== 'noCard' || attempt === 3) {
      throw new Error(`session.signInWithCard: ${answer.error.code} ${answer.error.message}`);
    }
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Where a string occurs in the data folder, in the encodings a store, a log or a receipt would use. */
function occurrences(dataDir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return filesUnder(dataDir).filter((file) => {
    const bytes = readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

test('after a session ends, no name or ID number of that resident is left outside submitted records', async ({
  page,
}) => {
  await page.goto(kiosk.url);

  // 1. A resident who submits: their application is a submitted record and may be kept.
  await signInWithCard(page, SUBMITTED.card);
  const catalog = (await call(page, 'catalog.list', { limit: 500 })) as {
    matters: Array<{ code: string; channels: string[] }>;
  };
  const matter = catalog.matters.find((m) => m.channels.includes('selfService'));
  expect(matter, 'the sample catalog offers a matter for self-service submission').toBeDefined();
  const draft = (await call(page, 'application.start', { matterCodes: [matter!.code], lifeEventId: null })) as {
    fields: Array<{ name: string; kind: string; required: boolean; value: string; options?: Array<{ value: string }> }>;
    materials: Array<{ name: string; required: boolean }>;
  };
  const form = Object.fromEntries(draft.fields.map((field) => [field.name, valueFor(field)] as const));
  const materials = [];
  for (const material of draft.materials.filter((m) => m.required)) {
    const staged = await call(page, 'capture.stage', {
      materialName: material.name,
      pageCount: 1,
      pdfBase64: pdfBase64(material.name),
    });
    materials.push({ name: material.name, captureIds: [staged['captureId'] as string] });
  }
  const receipt = await call(page, 'application.submit', {
    confirmationId: crypto.randomUUID(),
    matterCodes: [matter!.code],
    lifeEventId: null,
    form,
    materials,
    delivery: { method: 'pickUp' },
  });
  expect(receipt['status']).toBe('delivered');
  await call(page, 'session.end', {});

  // 2. A resident who signs in, starts, captures a page, and walks away: the idle reset ends the session.
  const second = (await signInWithCard(page, WALKED_AWAY.card)) as { applicant: { name: string } };
  expect(second.applicant.name).toBe(WALKED_AWAY.name);
  await call(page, 'application.start', { matterCodes: [matter!.code], lifeEventId: null });
  await call(page, 'capture.stage', {
    materialName: 'walk-away',
    pageCount: 1,
    pdfBase64: pdfBase64(WALKED_AWAY.name),
  });
  await call(page, 'session.end', {});
  const after = (await call(page, 'session.state', {})) as { applicant: unknown; agent: unknown };
  expect(after).toEqual({ applicant: null, agent: null });

  expect(await kiosk.proc.stop()).toBe(0);
  const dataDir = join(config.dir, 'data');
  expect(filesUnder(join(dataDir, 'logs')).length, 'the kiosk wrote logs').toBeGreaterThan(0);

  expect(occurrences(dataDir, WALKED_AWAY.name)).toEqual([]);
  expect(occurrences(dataDir, WALKED_AWAY.idNumber)).toEqual([]);
  // The submitted application reached the platform with its applicant, which keeps it sealed:
  // its database holds the number nowhere readable.
  expect(occurrences(dataDir, SUBMITTED.idNumber).filter((file) => file.includes('platform.sqlite'))).toEqual([]);
  // …and the kiosk keeps them nowhere readable outside the submitted record: not in logs or receipts.
  const outsideRecords = (text: string) =>
    occurrences(dataDir, text).filter(
      (file) => file.includes(`${join(dataDir, 'logs')}`) || file.includes('emulated-printer'),
    );
  expect(outsideRecords(SUBMITTED.idNumber)).toEqual([]);
  expect(outsideRecords(SUBMITTED.name)).toEqual([]);
});
