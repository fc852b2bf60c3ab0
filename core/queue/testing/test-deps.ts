import type { ReceiptDocument } from '../../../drivers/printer/receipt-document';
import type { Person } from '../../../platform/contract/common';
import { catalogFixture } from '../../../tests/helpers/catalog-fixture';
import { kioskInfoFixture } from '../../../tests/helpers/kiosk-info-fixture';
import type { CompletedService } from '../../api/resident';
import { err, ok, type Result } from '../../api/result';
import type { ServiceDeps } from '../../app/service-deps';
import type { DeviceManager, PrintFailure, PrintOutcome } from '../../devices/types';
import { silentLogger } from '../../logging/logger';
import type { OutboxDelivery } from '../../outbox';
import { testSealer } from '../../outbox/testing';
import type { HttpOptions } from '../../platform-client/http';
import type { ResidentSession, SignedIn } from '../../session/resident-session-types';
import { memoryStore } from '../../testing/memory-store';

/** A resident signed in with a card; the number is the GB 11643 sample, not a real person's. */
export const RESIDENT: Person = { name: '张三', idType: 'residentIdCard', idNumber: '11010519491231002X' };

/** The session as journeys see it, in memory, with who signed in set by the test. */
export function fakeSession() {
  let applicant: SignedIn | null = null;
  let completed: CompletedService[] = [];
  const endListeners = new Set<() => void>();
  const session: ResidentSession = {
    state: () => ({ applicant: null, agent: null }),
    applicant: () => applicant,
    agent: () => null,
    evaluator: () => 'applicant',
    recordCompleted(service) {
      completed.push({ ...service, completedAt: new Date().toISOString(), rated: false });
    },
    completed: () => completed,
    findCompleted: (kind, ref) => completed.find((service) => service.kind === kind && service.ref === ref),
    // These fakes sign people in typed: they never hold a consent to reuse history.
    consentToHistory: () => false,
    historyConsented: () => false,
    markRated: () => undefined,
    onEnd(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    end() {
      applicant = null;
      completed = [];
      for (const listener of endListeners) listener();
    },
  };
  return {
    session,
    signIn(person: Person = RESIDENT) {
      applicant = { person, proof: { kind: 'typed' } };
    },
  };
}

/** A printer the test scripts: prints (recording the document) unless told to fail. */
export function fakePrinter() {
  const printed: ReceiptDocument[] = [];
  const script = { failure: null as PrintFailure | null };
  const seen = new Set<string>();
  const print = (document: ReceiptDocument): Promise<Result<PrintOutcome, PrintFailure>> => {
    if (script.failure) return Promise.resolve(err(script.failure));
    if (seen.has(document.id)) return Promise.resolve(err({ kind: 'alreadyPrinted', message: document.id }));
    seen.add(document.id);
    printed.push(document);
    return Promise.resolve(ok({ receiptId: document.id, printedAt: new Date().toISOString() }));
  };
  const unused = () => {
    throw new Error('not used by queue and appointment tests');
  };
  const devices: DeviceManager = {
    snapshot: unused,
    onChange: unused,
    onIdCard: unused,
    onKeypad: unused,
    onScan: unused,
    reportCamera: unused,
    readCard: unused,
    print,
    printerCounters: unused,
    recordPaperReplaced: unused,
    restart: unused,
    emulator: unused,
    close: () => Promise.resolve(),
  };
  return { devices, printed, script };
}

/** Receipt text as one string per document, for asserting what a resident reads on paper. */
export function receiptText(document: ReceiptDocument): string {
  return document.blocks
    .map((block) => {
      switch (block.kind) {
        case 'text':
          return block.text;
        case 'pair':
          return `${block.label} ${block.value}`;
        case 'qr':
          return block.caption ?? '';
        case 'barcode128':
          return block.data;
        default:
          return '';
      }
    })
    .join('\n');
}

/**
 * ServiceDeps over an in-memory store with the sample catalog, a clock the test moves, a fake
 * printer and session, and an outbox that only counts kicks (delivery has its own tests).
 */
export function createTestDeps(options: { platform: HttpOptions; now: { value: Date }; info?: ServiceDeps['info'] }) {
  const db = memoryStore({ at: () => options.now.value, catalog: catalogFixture() });
  const printer = fakePrinter();
  const session = fakeSession();
  let kicks = 0;
  const outbox: OutboxDelivery = {
    kick: () => {
      kicks += 1;
      return Promise.resolve();
    },
    retryAll: () => Promise.resolve({ revived: 0 }),
    summary: () => ({ pending: 0, deadLetters: 0, oldestPendingAt: null }),
    list: () => [],
    stop: () => Promise.resolve(),
  };
  const deps: ServiceDeps = {
    db,
    info: options.info ?? kioskInfoFixture,
    platform: options.platform,
    platformReachability: () => 'unknown',
    devices: printer.devices,
    captures: undefined as unknown as ServiceDeps['captures'],
    outbox,
    sealer: testSealer(),
    session: session.session,
    catalogSync: undefined as unknown as ServiceDeps['catalogSync'],
    logger: silentLogger(),
    now: () => options.now.value,
    dataDir: '/nonexistent',
  };
  return { deps, db, printer, session, kicks: () => kicks };
}
