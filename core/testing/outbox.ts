import type { InspectionReport } from '../../platform/contract/terminals';
import { createDataSealer, type DataSealer } from '../outbox/data-sealer';
import type { OutboxItem } from '../outbox/outbox-store';

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

/** A fixed data key for tests: what is sealed with it opens in any test, and nowhere on a station. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7);

export function testSealer(): DataSealer {
  return createDataSealer(TEST_DATA_KEY);
}

/** What an outbox item will send, opened: tests check bodies the way the platform will read them. */
export function openedBody(item: OutboxItem | null, sealer: DataSealer): unknown {
  if (!item) throw new Error('no such outbox item');
  if (item.stored.kind === 'json') return JSON.parse(item.body) as unknown;
  const bytes = item.stored.sealed ? sealer.open(item.stored.bytes) : item.stored.bytes;
  return JSON.parse(bytes.toString('utf8')) as unknown;
}
