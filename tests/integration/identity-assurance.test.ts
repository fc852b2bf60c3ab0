import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDraft, ApplicationReceipt } from '../../core/api/applications';
import type { CaseLookup } from '../../core/api/care';
import { contract } from '../../core/api/contract';
import type { AppointmentReceipt, AppointmentSlotList } from '../../core/api/queue';
import { startKioskCore } from '../../core/app/start';
import type { KioskCore } from '../../core/app/types';
import { silentLogger } from '../../core/logging/logger';
import { idCardFixtures } from '../../drivers/idcard';
import type { Appointment } from '../../platform/contract/appointments';
import { samplePdfBase64, valueFor } from '../helpers/form-values';
import { kioskConfigIn } from '../helpers/kiosk-config-on-disk';

/**
 * Only the ID card opens a person's records (docs/privacy.md). The kiosk runs as `npm start`
 * runs it (embedded reference platform, emulated reader over its byte protocol). A neighbour signs
 * in with their card, applies with a mailing address and books an appointment. Then a visitor
 * types the neighbour's number (in a village an ID number is not a secret) with any name: every
 * method the contract marks `person` refuses them — the list comes from the contract, so a method
 * added later is covered the day it is declared — the neighbour's appointment cannot be cancelled,
 * the draft says nothing of the neighbour's history, and the receipt number shows status only.
 * What a typed sign-in may still do (apply, book, take a ticket) works.
 */

const NEIGHBOUR = idCardFixtures.elderlyResident;
const ctx = { host: 'test' as const, requestId: 'identity' };

let dir: string;
let core: KioskCore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-identity-'));
  const loaded = kioskConfigIn(dir);
  const started = await startKioskCore({
    loaded,
    host: 'browser',
    appVersion: 'test',
    buildKind: 'development',
    devMode: true,
    logger: silentLogger(),
  });
  if (!started.ok) throw new Error(started.error.message);
  core = started.value;
  await call('catalog.syncNow');
  // The emulated reader answers its SAM handshake a moment after start.
  const until = Date.now() + 20_000;
  while (!(await call<{ journeys: { idCardSignIn: boolean } }>('devices.snapshot')).journeys.idCardSignIn) {
    if (Date.now() > until) throw new Error('the emulated ID card reader never came online');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const dispatch = (method: string, input: unknown = {}) => core.dispatch(method, input, ctx) as Promise<Answer>;

async function call<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const answer = await dispatch(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** Places a card on the emulated reader and signs in with it, as a resident would (retrying a missed read). */
async function signInWithCard(card: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await call('dev.emulator', { device: 'idCardReader', action: 'insertCard', argument: card });
    const answer = await dispatch('session.signInWithCard', { role: 'applicant' });
    await call('dev.emulator', { device: 'idCardReader', action: 'removeCard' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    if (answer.ok) return;
    if (answer.error.code !== 'noCard' || attempt === 3) throw new Error(`card sign-in: ${answer.error.code}`);
  }
}

const signInTyped = (idNumber: string, name: string) =>
  call('session.signInWithIdNumber', { role: 'applicant', idNumber, name });

async function apply(delivery: unknown): Promise<ApplicationReceipt> {
  const list = await call<{ matters: Array<{ code: string; channels: string[] }> }>('catalog.list', { limit: 500 });
  const matter = list.matters.find((m) => m.channels.includes('selfService'));
  if (!matter) throw new Error('the seed catalog has no self-service matter');
  const draft = await call<ApplicationDraft>('application.start', { matterCodes: [matter.code], lifeEventId: null });
  const materials = [];
  for (const material of draft.materials.filter((m) => m.required)) {
    const staged = await call<{ captureId: string }>('capture.stage', {
      materialName: material.name,
      pageCount: 1,
      pdfBase64: samplePdfBase64(material.name),
    });
    materials.push({ name: material.name, captureIds: [staged.captureId] });
  }
  return call<ApplicationReceipt>('application.submit', {
    confirmationId: randomUUID(),
    matterCodes: [matter.code],
    lifeEventId: null,
    form: Object.fromEntries(draft.fields.map((field) => [field.name, valueFor(field)])),
    materials,
    delivery,
  });
}

async function book(phone: string): Promise<Appointment> {
  const points = await call<{ servicePoints: Array<{ id: string; bookable: boolean; services: string[] }> }>(
    'serviceMap.points',
  );
  const point = points.servicePoints.find((p) => p.bookable);
  if (!point) throw new Error('no bookable service point in the sample map');
  for (let day = 0; day < 7; day += 1) {
    const days = await call<{ days: Array<{ date: string; remaining: number }> }>('appointment.days', {
      servicePointId: point.id,
      matterCode: '',
    });
    const open = days.days.find((d) => d.remaining > 0);
    if (!open) continue;
    const slots = await call<AppointmentSlotList>('appointment.slots', {
      servicePointId: point.id,
      matterCode: '',
      date: open.date,
    });
    const slot = slots.slots.find((s) => s.remaining > 0);
    if (!slot) continue;
    const list = await call<{ matters: Array<{ code: string }> }>('catalog.list', { limit: 1 });
    const booked = await call<AppointmentReceipt>('appointment.book', {
      confirmationId: randomUUID(),
      slotId: slot.slotId,
      matterCode: slot.matterCodes[0] ?? list.matters[0]!.code,
      phone,
    });
    return booked.appointment;
  }
  throw new Error('no free appointment slot in the next days');
}

const PERSON_METHODS = Object.entries(contract.methods)
  .filter(([, spec]) => spec.access === 'person')
  .map(([name]) => name);

describe('identity assurance: only the card opens a person’s records', () => {
  let caseNo: string;
  let appointment: Appointment;

  it('the neighbour, with their card, applies with a mailing address and books an appointment', async () => {
    await signInWithCard('residentElderly');
    const receipt = await apply({
      method: 'mail',
      recipient: NEIGHBOUR.name,
      phone: '13700001111',
      address: {
        regionCode: '370784107',
        province: '山东省',
        city: '潍坊市',
        county: '安丘市',
        detail: '景芝镇东埠村邻居路9号',
      },
    });
    expect(receipt.status).toBe('delivered');
    caseNo = receipt.matters[0]!.caseNo!;
    appointment = await book('13700001111');
    expect(appointment.status).toBe('booked');
    // With the card the neighbour's own records open.
    expect(await dispatch('progress.mine')).toMatchObject({ ok: true });
    expect(await dispatch('appointment.mine', {})).toMatchObject({ ok: true });
    await call('session.end');
  });

  it('the contract marks the per-person methods, and they are the ones that read or change stored records', () => {
    expect(PERSON_METHODS).toEqual(
      expect.arrayContaining([
        'application.consentToHistory',
        'application.historyPrefill',
        'progress.mine',
        'appointment.mine',
        'appointment.checkIn',
        'appointment.cancel',
      ]),
    );
  });

  it.each(PERSON_METHODS)('%s refuses a visitor who typed the neighbour’s number', async (method) => {
    await call('session.end');
    await signInTyped(NEIGHBOUR.idNumber, '冒名者');
    expect(await dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'cardRequired' } });
  });

  it('…with real inputs too: the appointment stays booked, the history stays closed', async () => {
    await call('session.end');
    await signInTyped(NEIGHBOUR.idNumber, '冒名者');
    expect(await dispatch('appointment.cancel', { appointmentId: appointment.appointmentId })).toMatchObject({
      ok: false,
      error: { code: 'cardRequired' },
    });
    expect(
      await dispatch('appointment.checkIn', { confirmationId: randomUUID(), appointmentId: appointment.appointmentId }),
    ).toMatchObject({ ok: false, error: { code: 'cardRequired' } });
    const list = await call<{ matters: Array<{ code: string; channels: string[] }> }>('catalog.list', { limit: 500 });
    const matter = list.matters.find((m) => m.channels.includes('selfService'))!;
    const draft = await call<ApplicationDraft>('application.start', { matterCodes: [matter.code], lifeEventId: null });
    expect(draft.history).toBeNull();
    expect(await dispatch('application.historyPrefill', { matterCodes: [matter.code] })).toMatchObject({
      ok: false,
      error: { code: 'cardRequired' },
    });

    // The neighbour, back with the card, still has the appointment.
    await call('session.end');
    await signInWithCard('residentElderly');
    const mine = await call<{ appointments: Appointment[] }>('appointment.mine', {});
    expect(mine.appointments.find((a) => a.appointmentId === appointment.appointmentId)?.status).toBe('booked');
    await call('session.end');
  });

  it('a lookup by the receipt’s number shows status only: no name, phone or address', async () => {
    const lookup = await call<CaseLookup>('progress.lookup', { reference: caseNo });
    expect(lookup.found).toBe('platform');
    if (lookup.found === 'platform') expect(lookup.progress.delivery).toEqual({ method: 'mail' });
    const text = JSON.stringify(lookup);
    for (const personal of [NEIGHBOUR.name, '13700001111', '邻居路9号', NEIGHBOUR.idNumber]) {
      expect(text).not.toContain(personal);
    }
  });

  it('a typed sign-in may still apply, book and take a ticket', async () => {
    await call('session.end');
    await signInTyped('11010519491231002X', '张三');
    const receipt = await apply({ method: 'pickUp' });
    expect(receipt.status).toBe('delivered');
    // The platform is told the identity was typed, so staff check the ID document at 受理; the
    // neighbour's card-signed application says it was read from the chip.
    const identified = new Database(join(dir, 'data', 'platform.sqlite'), { readonly: true });
    try {
      const byCase = (caseNo: string) =>
        identified.prepare('SELECT applicant_identified_by AS by FROM applications WHERE case_no = ?').get(caseNo);
      expect(byCase(receipt.matters[0]!.caseNo!)).toEqual({ by: 'typedNumber' });
      expect(byCase(caseNo)).toEqual({ by: 'idCardChip' });
    } finally {
      identified.close();
    }
    expect((await book('13600003333')).status).toBe('booked');
    const queues = await call<{ services: Array<{ serviceCode: string }> }>('queue.overview');
    const service = queues.services[0]!;
    expect(
      await dispatch('queue.takeTicket', {
        confirmationId: randomUUID(),
        serviceCode: service.serviceCode,
        priority: 'normal',
        matterCode: null,
      }),
    ).toMatchObject({ ok: true });
    await call('session.end');
  });

  it('a card of someone else ends the visit of whoever was signed in, and the card starts the next one', async () => {
    const ended: unknown[] = [];
    const stop = core.events.subscribe((event, payload) => {
      if (event === 'session.visitEnded') ended.push(payload);
    });
    try {
      await signInWithCard('residentElderly');
      await call('queue.takeTicket', {
        confirmationId: randomUUID(),
        serviceCode: (await call<{ services: Array<{ serviceCode: string }> }>('queue.overview')).services[0]!
          .serviceCode,
        priority: 'normal',
        matterCode: null,
      });
      expect((await call<unknown[]>('session.completedServices')).length).toBe(1);

      await call('dev.emulator', { device: 'idCardReader', action: 'insertCard', argument: 'resident' });
      await expect.poll(() => ended.length, { timeout: 5_000 }).toBe(1);
      expect(ended).toEqual([{ reason: 'anotherPersonsCard' }]);
      expect(await call('session.state')).toEqual({ applicant: null, agent: null });
      expect(await call('session.completedServices')).toEqual([]);
      // The card that ended the visit signs its owner in without being placed again.
      const state = await call<{ applicant: { name: string } }>('session.signInWithCard', { role: 'applicant' });
      expect(state.applicant.name).toBe(idCardFixtures.womanResident.name);
      await call('dev.emulator', { device: 'idCardReader', action: 'removeCard' });
    } finally {
      stop();
      await call('session.end');
    }
  });
});
