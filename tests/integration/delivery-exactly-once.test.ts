import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCardFixtures, maskCard } from '../../drivers/idcard';
import type { IdCard } from '../../drivers/idcard/card';
import { startTicketRangeKeeper, type TicketRangeKeeper } from '../../core/queue/ticket-range-keeper';
import { loadSeedCatalog } from '../../platform/seed';
import { FaultController } from '../../platform/server/faults/fault-controller';
import { startPlatformServer, type PlatformServer } from '../../platform/server/start';
import { storedRecords } from '../../platform/server/store/records';
import type { StoredRecords } from '../../platform/contract/admin';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { runningClock } from '../helpers/staffed-clock';
import { createTestCore } from '../helpers/test-core';

/**
 * Delivery proved with the platform's fault injection: residents apply, take tickets and
 * rate, through the kiosk API exactly as the renderer calls it, while the real reference platform
 * (over HTTP) drops answers after committing, then is unreachable for a long outage, then answers
 * 503 to everything; then it recovers and the outbox drains. Every application, ticket and rating a
 * resident was told about must be on the platform exactly once, in the order it was confirmed, and
 * each rating after the application it rates. The faults are seeded, so a failure reproduces.
 */

const TOKEN = 'exactly-once-token-0123456789';
const ctx = { host: 'test' as const, requestId: 'exactly-once' };
const CARDS: readonly IdCard[] = [
  idCardFixtures.womanResident,
  idCardFixtures.elderlyResident,
  idCardFixtures.youngResident,
];

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

interface Given {
  readonly localRef: string;
  readonly applicationRef: string;
  readonly ticket: { ticketId: string; ticketNo: string; source: string; number: number; serviceCode: string };
  readonly ratings: number;
  readonly phase: string;
}

let dir: string;
let platform: PlatformServer;
let core: Awaited<ReturnType<typeof createTestCore>>;
let keeper: TicketRangeKeeper;
const faults = new FaultController({ seed: 20261121 });
/** Tickets are taken, so kiosk and platform run on a working day's morning, whenever the test runs. */
const clock = runningClock();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-exactly-once-'));
  platform = await startPlatformServer({
    dbPath: join(dir, 'platform.sqlite'),
    terminals: [{ id: kioskInfoFixture.terminal.id, token: TOKEN, stationId: kioskInfoFixture.station.id }],
    seedCatalog: loadSeedCatalog,
    faults,
    now: clock,
  });
  core = createTestCore({ platform: { baseUrl: platform.baseUrl, token: TOKEN, timeoutMs: 1500 }, now: clock });
  const synced = await core.catalogSync.syncOnce();
  expect(synced.version).not.toBeNull();
  keeper = startTicketRangeKeeper(core.resident.deps, { intervalMs: 3_600_000 });
  await keeper.refresh();
  // The kiosk keeps copies of the rating options and the queues from when the platform answered.
  await call('rating.options', {});
  await call('queue.overview', {});
});

afterAll(async () => {
  await keeper.stop();
  await core.close();
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const answer = (await core.dispatch(method, input, ctx)) as Answer<T>;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

const pdf = (marker: string) =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');

function fill(field: { kind: string; value: string; options?: Array<{ value: string }> }): string {
  if (field.value) return field.value;
  if (field.kind === 'phone') return '13800138000';
  if (field.kind === 'idNumber') return '370784195001010019';
  if (field.kind === 'date') return '2026-01-01';
  if (field.kind === 'number') return '1';
  if (field.kind === 'select') return field.options?.[0]?.value ?? '';
  return '测试';
}

/** One resident: sign in with the card, apply with the materials, take a ticket, rate both. */
async function residentVisit(card: IdCard, phase: string, index: number): Promise<Given> {
  core.fakeDevices.emitCard({ type: 'read', card: maskCard(card) }, card);
  await call('session.signInWithCard', { role: 'applicant' });
  const list = await call<{ matters: Array<{ code: string; channels: string[] }> }>('catalog.list', { limit: 500 });
  const selfService = list.matters.filter((m) => m.channels.includes('selfService'));
  const matter = selfService[index % selfService.length]!;
  const draft = await call<{
    fields: Array<{ name: string; kind: string; value: string; options?: Array<{ value: string }> }>;
    materials: Array<{ name: string; required: boolean }>;
  }>('application.start', { matterCodes: [matter.code], lifeEventId: null });
  const materials = [];
  for (const material of draft.materials.filter((m) => m.required)) {
    const staged = await call<{ captureId: string }>('capture.stage', {
      materialName: material.name,
      pageCount: 1,
      pdfBase64: pdf(`${phase}-${index}-${material.name}`),
    });
    materials.push({ name: material.name, captureIds: [staged.captureId] });
  }
  const receipt = await call<{ localRef: string; matters: Array<{ caseNo: string | null }> }>('application.submit', {
    confirmationId: crypto.randomUUID(),
    matterCodes: [matter.code],
    lifeEventId: null,
    form: Object.fromEntries(draft.fields.map((field) => [field.name, fill(field)])),
    materials,
    delivery: { method: 'pickUp' },
  });
  const overview = await call<{ services: Array<{ serviceCode: string }> }>('queue.overview', {});
  const { ticket } = await call<{ ticket: Given['ticket'] }>('queue.takeTicket', {
    confirmationId: crypto.randomUUID(),
    serviceCode: overview.services[index % overview.services.length]!.serviceCode,
    priority: 'normal',
    matterCode: null,
  });
  const options = await call<{ version: string }>('rating.options', {});
  const completed = await call<Array<{ kind: string; ref: string }>>('session.completedServices', {});
  let ratings = 0;
  for (const service of completed) {
    await call('rating.submit', {
      confirmationId: crypto.randomUUID(),
      service: { kind: service.kind, ref: service.ref },
      level: service.kind === 'ticket' ? 2 : 5,
      optionsVersion: options.version,
      optionCodes: [],
      ...(service.kind === 'ticket' ? { callbackPhone: '13800138000' } : {}),
    });
    ratings += 1;
  }
  await call('session.end', {});
  const applicationRef = completed.find((service) => service.kind === 'application')?.ref ?? receipt.localRef;
  return { localRef: receipt.localRef, applicationRef, ticket, ratings, phase };
}

async function drainOutbox(): Promise<void> {
  for (let pass = 0; pass < 400 && core.outbox.summary().pending > 0; pass += 1) await core.outbox.kick();
}

describe('delivery through dropped answers, a long outage and a 5xx storm', () => {
  const given: Given[] = [];
  let records: StoredRecords;

  it('takes every resident’s work, whatever the platform does', { timeout: 120_000 }, async () => {
    faults.update({ reset: true, seed: 20261121, dropAfterCommitRate: 0.5 });
    for (let i = 0; i < 4; i += 1) given.push(await residentVisit(CARDS[i % CARDS.length]!, 'dropped', i));

    faults.update({ reset: true, outage: true });
    for (let i = 4; i < 7; i += 1) given.push(await residentVisit(CARDS[i % CARDS.length]!, 'outage', i));
    await core.outbox.kick(); // still down: nothing may be lost by trying

    faults.update({ reset: true, errorRate: 1 });
    for (let i = 7; i < 9; i += 1) given.push(await residentVisit(CARDS[i % CARDS.length]!, 'storm', i));
    await core.outbox.kick();

    faults.update({ reset: true });
    await drainOutbox();
    expect(core.outbox.summary()).toMatchObject({ pending: 0, deadLetters: 0 });
    records = await storedRecords(platform.sql, platform.sealer);
  });

  it('stores every confirmed application exactly once, in the order the residents confirmed them', () => {
    const ours = records.applications.filter((r) => r.terminalId === kioskInfoFixture.terminal.id);
    expect(ours.map((r) => r.localRef)).toEqual(given.map((g) => g.localRef));
    expect(ours.every((r) => r.rows === 1)).toBe(true);
  });

  it('stores every ticket a resident was given exactly once; offline ones come from the reserved range', () => {
    for (const { ticket, phase } of given) {
      const stored = records.tickets.filter((r) => r.serviceCode === ticket.serviceCode && r.number === ticket.number);
      expect(stored, `${phase} ${ticket.ticketNo}`).toHaveLength(1);
      expect(stored[0]!.rows).toBe(1);
      if (phase !== 'dropped') expect(ticket.source, `${phase} ${ticket.ticketNo}`).toBe('offlineRange');
    }
    // A press whose every online attempt lost its answer can leave one ticket nobody holds (it
    // lapses as a no-show); never more than one per such press, and never a duplicate number.
    const givenNumbers = new Set(given.map((g) => `${g.ticket.serviceCode}/${g.ticket.number}`));
    const ghosts = records.tickets.filter((r) => !givenNumbers.has(`${r.serviceCode}/${r.number}`));
    const droppedPressesOffline = given.filter((g) => g.phase === 'dropped' && g.ticket.source === 'offlineRange');
    expect(ghosts.length).toBeLessThanOrEqual(droppedPressesOffline.length);
  });

  it('stores every rating exactly once, each after the application it rates', () => {
    expect(records.ratings).toHaveLength(given.reduce((sum, g) => sum + g.ratings, 0));
    expect(records.ratings.every((r) => r.rows === 1)).toBe(true);
    for (const g of given) {
      const application = records.applications.find((r) => r.localRef === g.localRef)!;
      const rating = records.ratings.find(
        (r) => r.subjectKind === 'application' && r.submittedRef === g.applicationRef,
      );
      expect(rating, g.localRef).toBeDefined();
      expect(rating!.subjectRef).toBe(application.caseNo);
      expect(rating!.arrival).toBeGreaterThan(application.arrival);
    }
    // Every bad rating (the tickets were rated 不满意) became a work order.
    expect(records.ratings.filter((r) => r.subjectKind === 'ticket').every((r) => r.workOrderNo !== null)).toBe(true);
  });
});
