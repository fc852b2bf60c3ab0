import { randomUUID } from 'node:crypto';
import type { ApplicationSubmission } from '../../contract/applications';
import type { AppointmentBooking } from '../../contract/appointments';
import type { AssistanceRequest } from '../../contract/assistance';
import type { TicketRequest } from '../../contract/queue';
import type { RatingSubmission } from '../../contract/ratings';
import type { Heartbeat, InspectionReport } from '../../contract/terminals';

/** Valid request bodies for tests; spread and override what a test is about. */

export function heartbeatBody(overrides: Partial<Heartbeat> = {}): Heartbeat {
  return {
    sentAt: '2026-03-01T08:00:00+08:00',
    appVersion: '0.1.0',
    catalogVersion: 'test-1',
    host: 'browser',
    uptimeSeconds: 120,
    catalogConfirmedAt: '2026-03-01T07:00:00+08:00',
    catalogAgeSeconds: 3600,
    catalogStale: false,
    ratingOptionsVersion: null,
    devices: [
      {
        device: 'printer',
        mode: 'real',
        status: 'online',
        action: 'none',
        code: 'ok',
        warnings: ['paperNearEnd'],
        since: '2026-03-01T06:00:00+08:00',
        paper: 'low',
      },
      {
        device: 'idCardReader',
        mode: 'real',
        status: 'noDevice',
        action: 'maintenance',
        code: 'portMissing',
        warnings: [],
        since: '2026-03-01T06:00:00+08:00',
      },
    ],
    paper: {
      rollChangedAt: '2026-02-20T09:00:00+08:00',
      receiptsSinceRollChange: 350,
      rollCapacity: 400,
      receiptsLeft: 50,
      receiptsPerDay: 35,
      rateWindowDays: 7,
      daysLeft: 1.4,
    },
    outbox: { pending: 2, oldestPendingAt: '2026-03-01T07:55:00+08:00', oldestPendingAgeSeconds: 300, deadLetters: 0 },
    disk: { freeBytes: 20_000_000_000, totalBytes: 64_000_000_000 },
    lastInspection: { finishedAt: '2026-02-28T09:20:00+08:00', automatic: false },
    residentSessionActive: false,
    ...overrides,
  };
}

export function inspectionBody(overrides: Partial<InspectionReport> = {}): InspectionReport {
  return {
    inspector: { name: '王工', staffId: 'T-0042', organisation: '安丘市政务服务中心' },
    startedAt: '2026-03-01T09:00:00+08:00',
    finishedAt: '2026-03-01T09:20:00+08:00',
    appVersion: '0.1.0',
    catalogVersion: 'test-1',
    devices: [
      { device: 'printer', model: 'TP-80', serialNumber: 'SN123', status: 'online', test: 'pass' },
      { device: 'idCardReader', status: 'online', test: 'pass' },
      { device: 'documentCamera', status: 'hardwareError', test: 'fail', detail: 'no frames' },
    ],
    consumables: [{ kind: 'receiptPaper', level: 'full', replaced: true, estimatedRemaining: 900 }],
    outcome: 'needsRepair',
    notes: '高拍仪无画面, 已报修',
    ...overrides,
  };
}

export function callbackRequestBody(stationId = 'station-1'): Extract<AssistanceRequest, { kind: 'callback' }> {
  return {
    kind: 'callback',
    stationId,
    requesterName: '李大爷',
    matter: { matterCode: 'TEST-002', matterVersion: 1, matterName: '测试事项2' },
    caseNo: null,
    needs: ['elderly', 'unfamiliarWithProcess'],
    requestedAt: '2026-03-01T10:00:00+08:00',
    offline: false,
    phone: '13800001234',
    preferredTime: 'morning',
  };
}

/* Resident journeys. Identity numbers below are made up (valid shape, no real person). */

export const APPLICANT_ID = '370784195001011234';
export const AGENT_ID = '37078419800202567X';

export function applicationBody(overrides: Partial<ApplicationSubmission> = {}): ApplicationSubmission {
  return {
    localRef: randomUUID(),
    matter: { matterCode: 'TEST-002', matterVersion: 1, matterName: '测试事项2' },
    catalogVersion: 'test-1',
    stationId: 'station-1',
    applicant: {
      kind: 'naturalPerson',
      person: { name: '张三丰', idType: 'residentIdCard', idNumber: APPLICANT_ID, phone: '13800001234' },
    },
    agent: null,
    form: { phone: '13800001234' },
    materials: [],
    delivery: { method: 'pickUp', servicePointId: 'aq-jingzhi-centre' },
    confirmedAt: '2026-03-02T10:00:00+08:00',
    offline: false,
    bundle: null,
    ...overrides,
  };
}

export const agentFor = (idNumber = AGENT_ID): NonNullable<ApplicationSubmission['agent']> => ({
  person: { name: '李四', idType: 'residentIdCard', idNumber },
  relation: 'family',
  authorisation: { kind: 'consentStatement', materialSha256: null },
});

export function ratingBody(overrides: Partial<RatingSubmission> = {}): RatingSubmission {
  return {
    subject: { kind: 'ticket', ref: 'TK-20260302-0001' },
    matter: null,
    stationId: 'station-1',
    channel: 'selfServiceTerminal',
    level: 5,
    optionsVersion: '2025.1',
    optionCodes: ['efficientService'],
    evaluator: 'applicant',
    ratedAt: '2026-03-02T10:05:00+08:00',
    offline: false,
    ...overrides,
  };
}

export function ticketRequestBody(overrides: Partial<TicketRequest> = {}): TicketRequest {
  return {
    serviceCode: 'general',
    priority: 'normal',
    appointmentId: null,
    matter: null,
    requestedAt: '2026-03-02T10:00:00+08:00',
    ...overrides,
  };
}

export function bookingBody(slotId: string, overrides: Partial<AppointmentBooking> = {}): AppointmentBooking {
  return {
    slotId,
    matter: { matterCode: 'TEST-001', matterVersion: 1, matterName: '测试事项1' },
    applicant: { name: '张三丰', idType: 'residentIdCard', idNumber: APPLICANT_ID, phone: '13800001234' },
    agent: null,
    bookedAt: '2026-03-02T09:00:00+08:00',
    ...overrides,
  };
}
