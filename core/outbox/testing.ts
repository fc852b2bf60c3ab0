import type { InspectionReport } from '../../platform/contract/terminals';

/** A valid 巡检单 for outbox and technician tests: a real request body the platform accepts. */
export function sampleInspectionReport(overrides: Partial<InspectionReport> = {}): InspectionReport {
  return {
    inspector: { name: '李工', staffId: 'AQ-0042' },
    startedAt: '2026-11-21T08:00:00.000Z',
    finishedAt: '2026-11-21T08:20:00.000Z',
    appVersion: '0.0.0-test',
    catalogVersion: null,
    devices: [{ device: 'printer', status: 'online', test: 'pass' }],
    consumables: [{ kind: 'receiptPaper', level: 'full', replaced: true, estimatedRemaining: null }],
    outcome: 'normal',
    ...overrides,
  };
}
