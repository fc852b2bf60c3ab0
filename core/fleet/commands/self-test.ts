import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KioskInfo } from '../../api/contract';
import type { DeviceKind, DeviceStatus } from '../../api/devices';
import { PAGE_DEVICES, type DeviceManager } from '../../devices/types';
import { testPageReceipt } from '../../technician/receipts';
import { recordTestOutcome } from '../../technician/test-store';
import type { CommandResult } from '../../../platform/contract/fleet';

export type SelfTestRow = NonNullable<Extract<CommandResult, { outcome: 'done' }>['selfTest']>[number];

export interface SelfTestDeps {
  readonly db: Database.Database;
  readonly info: KioskInfo;
  readonly devices: Pick<DeviceManager, 'snapshot' | 'restart' | 'print'>;
  readonly now: () => Date;
}

const WORKING: ReadonlySet<DeviceStatus['state']> = new Set(['online', 'busy']);

/**
 * The device self-test a console can run with nobody at the kiosk. The printer runs the
 * technician's own test (core/technician: the test page, recorded like a technician's so the next
 * 巡检单 shows it). The card reader, keypad and scanner are reconnected, which makes each driver
 * open its port and run its handshake again (SAM reset, HID open, serial open), and pass when
 * they come back working; their technician tests need a person (a card, a key press, a code) and
 * are not run. The document camera, face camera and microphone belong to the page, which core
 * cannot drive: skipped, with the state the page last reported.
 */
export async function runSelfTest(deps: SelfTestDeps): Promise<SelfTestRow[]> {
  const rows: SelfTestRow[] = [];
  for (const status of deps.devices.snapshot().devices) {
    rows.push(await testOne(deps, status.device));
  }
  return rows;
}

async function testOne(deps: SelfTestDeps, device: DeviceKind): Promise<SelfTestRow> {
  const current = () => deps.devices.snapshot().devices.find((d) => d.device === device);
  if (PAGE_DEVICES.has(device)) {
    return { device, test: 'skipped', code: current()?.code ?? 'noResponse' };
  }
  if (device === 'printer') {
    const at = deps.now();
    const id = `self-test-${at.getTime()}-${randomBytes(4).toString('hex')}`;
    const printed = await deps.devices.print(testPageReceipt(deps.info, id, at));
    const passed = printed.ok;
    const detail = printed.ok ? `printed ${printed.value.receiptId} (remote self-test)` : printed.error.message;
    recordTestOutcome(deps.db, {
      device,
      test: 'printTestPage',
      passed,
      detail: detail.slice(0, 500),
      at: at.toISOString(),
    });
    if (printed.ok) return { device, test: 'pass', code: 'ok' };
    const code = 'code' in printed.error ? printed.error.code : (current()?.code ?? 'noResponse');
    return { device, test: 'fail', code };
  }
  // restart() resolves once the supervisor has reopened the device (or given up for now).
  await deps.devices.restart(device);
  const after = current();
  if (!after) return { device, test: 'skipped', code: 'noResponse' };
  return { device, test: WORKING.has(after.state) ? 'pass' : 'fail', code: after.code };
}
