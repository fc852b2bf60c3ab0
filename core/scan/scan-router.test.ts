import { Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScannedCode } from '../api/scanner';
import type { Ticket } from '../../platform/contract/queue';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { testSealer } from '../testing/outbox';
import { requestFor, saveTicket } from '../queue/queue-store';
import { saveRating } from '../ratings/rating-store';
import { createResidentSession } from '../session/resident-session';
import type { ResidentSessionControl } from '../session/resident-session';
import { createFakeDevices, type FakeDevices } from '../testing/fake-devices';
import { createScanRouter, type ScanRouter } from './scan-router';
import { memoryStore } from '../testing/memory-store';

const PAGE = 'https://zwfw.example.gov.cn/anqiu/progress';
// 2026-11-21 16:00 in China.
const NOW = new Date('2026-11-21T08:00:00.000Z');
const LOCAL = '9f1c2b3a-1111-4222-8333-444455556666';

let db: Database.Database;
let devices: FakeDevices;
let session: ResidentSessionControl;
let router: ScanRouter;
let emitted: ScannedCode[];
let technician: boolean;
let logText: string;

const ticket = (ticketId: string, date: string, ticketNo = 'A012'): Ticket => ({
  ticketId,
  ticketNo,
  prefix: 'A',
  number: Number(ticketNo.slice(1)),
  serviceCode: 'SOCIAL',
  serviceName: '社保医保',
  stationId: kioskInfoFixture.station.id,
  date,
  priority: { class: 'normal', weight: 0, label: '普通' },
  waitingAhead: 2,
  estimatedWaitMinutes: 10,
  issuedAt: `${date}T01:00:00.000Z`,
  issuedBy: kioskInfoFixture.terminal.id,
  source: 'online',
});

function issue(t: Ticket) {
  const confirmationId = crypto.randomUUID();
  requestFor(
    db,
    { confirmationId, idempotencyKey: `ticket-${confirmationId}`, serviceCode: t.serviceCode, body: {} },
    NOW,
  );
  saveTicket(db, confirmationId, t, null);
}

beforeEach(() => {
  db = memoryStore({ at: NOW.toISOString() });
  devices = createFakeDevices();
  emitted = [];
  technician = false;
  logText = '';
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _e, done) {
        logText += chunk.toString('utf8');
        done();
      },
    }),
  );
  session = createResidentSession({ devices, now: () => NOW, logger });
  router = createScanRouter({
    db,
    sealer: testSealer(),
    session,
    devices,
    info: { ...kioskInfoFixture, station: { ...kioskInfoFixture.station, progressPageUrl: PAGE } },
    now: () => NOW,
    logger,
    emit: (code) => emitted.push(code),
    technicianActive: () => technician,
  });
});

describe('what a scan does', () => {
  it("a receipt's code (new address or old bmkiosk: text) opens its progress; a slip's code selects the appointment", () => {
    devices.scan(`${PAGE}?case=AQ-20261121-0001`);
    devices.scan(`${PAGE}?ref=${LOCAL}`);
    devices.scan('bmkiosk:progress:AQ-20261121-0002');
    devices.scan(`${PAGE}?appointment=AP-20261121-0007`);
    expect(emitted).toEqual([
      { kind: 'receipt', reference: 'AQ-20261121-0001' },
      { kind: 'receipt', reference: LOCAL },
      { kind: 'receipt', reference: 'AQ-20261121-0002' },
      { kind: 'appointment', appointmentId: 'AP-20261121-0007' },
    ]);
  });

  it('a ticket this kiosk issued today becomes a service of this visit to rate, once', () => {
    issue(ticket('TK-20261121-0012', '2026-11-21'));
    devices.scan(`${PAGE}?ticket=TK-20261121-0012`);
    expect(emitted).toEqual([
      {
        kind: 'ticket',
        status: 'rateable',
        ticketNo: 'A012',
        service: { kind: 'ticket', ref: 'TK-20261121-0012' },
      },
    ]);
    expect(session.completed()).toMatchObject([{ kind: 'ticket', ref: 'TK-20261121-0012', title: '取号 A012' }]);
    devices.scan(`${PAGE}?ticket=TK-20261121-0012`);
    expect(session.completed()).toHaveLength(1);
    session.markRated('ticket', 'TK-20261121-0012');
    devices.scan(`${PAGE}?ticket=TK-20261121-0012`);
    expect(emitted.at(-1)).toMatchObject({ kind: 'ticket', status: 'alreadyRated' });
  });

  it('a ticket rated in an earlier visit stays rated (一次一评)', () => {
    issue(ticket('TK-20261121-0013', '2026-11-21', 'A013'));
    saveRating(
      db,
      testSealer(),
      {
        confirmationId: crypto.randomUUID(),
        body: {
          subject: { kind: 'ticket', ref: 'TK-20261121-0013' },
          matter: null,
          stationId: kioskInfoFixture.station.id,
          channel: 'selfServiceTerminal',
          level: 5,
          optionsVersion: '2025.1',
          optionCodes: [],
          evaluator: 'applicant',
          ratedAt: NOW.toISOString(),
          offline: false,
        },
      },
      NOW,
    );
    devices.scan(`${PAGE}?ticket=TK-20261121-0013`);
    expect(emitted).toEqual([
      {
        kind: 'ticket',
        status: 'alreadyRated',
        ticketNo: 'A013',
        service: { kind: 'ticket', ref: 'TK-20261121-0013' },
      },
    ]);
    expect(session.completed()).toEqual([]);
  });

  it('a ticket of another day, or one this kiosk did not issue, is refused and not added to the visit', () => {
    issue(ticket('TK-20261120-0001', '2026-11-20', 'A001'));
    devices.scan(`${PAGE}?ticket=TK-20261120-0001`);
    devices.scan(`${PAGE}?ticket=TK-20261121-9999`);
    expect(emitted).toEqual([
      { kind: 'ticket', status: 'otherDay', ticketNo: 'A001', service: null },
      { kind: 'ticket', status: 'notFromThisKiosk', ticketNo: null, service: null },
    ]);
    expect(session.completed()).toEqual([]);
  });

  it('anything else is held for the visit under an id (a possible 亮证码), handed out once, gone at session end', () => {
    const licence = 'https://zzfw.example.gov.cn/licence/verify?token=8c1f9a0e2b7d4c55';
    devices.scan(licence);
    devices.scan('another code');
    const [first, second] = emitted;
    expect(first).toEqual({ kind: 'other', scanId: expect.any(String) });
    if (first?.kind !== 'other' || second?.kind !== 'other') throw new Error('not held');
    expect(router.licences.take(first.scanId, NOW)).toEqual({ text: licence, scannedAt: NOW.toISOString() });
    expect(router.licences.take(first.scanId, NOW)).toBeNull();
    session.end();
    expect(router.licences.has(second.scanId, NOW)).toBe(false);
  });

  it('does nothing for residents while a technician has the kiosk, and never logs what was read', () => {
    technician = true;
    devices.scan(`${PAGE}?case=AQ-20261121-0001`);
    expect(emitted).toEqual([]);
    technician = false;
    devices.scan('secret payment code 6222021234567890');
    expect(logText).toContain('"kind":"other"');
    expect(logText).not.toContain('6222021234567890');
    expect(logText).not.toContain('AQ-20261121-0001');
  });
});
