import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DevicesSnapshot, DeviceStatus } from '../../../../core/api/devices';
import { ok } from '../../../../core/pure/result';
import type { TechnicianOverview } from '../../../../core/api/technician';
import type { FakeHandlers } from '../../test/fake-host';
import { renderKiosk } from '../../test/render-kiosk';

const TOKEN = 'T'.repeat(43);
const AT = '2026-11-21T08:00:00.000Z';
const RECEIPT = 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001';

function device(kind: DeviceStatus['device']): DeviceStatus {
  return {
    device: kind,
    mode: 'emulated',
    link: `emulator ${kind}`,
    state: 'online',
    code: 'ok',
    action: 'none',
    warnings: [],
    detail: 'ready',
    identity: null,
    since: AT,
    lastError: null,
  };
}

function handlers(withScanner: boolean): FakeHandlers {
  const kinds = ['idCardReader', 'printer', 'evaluationKeypad', 'documentCamera'] as const;
  const devices: DevicesSnapshot = {
    devices: [...kinds.map(device), ...(withScanner ? [device('qrScanner')] : [])],
    journeys: {
      idCardSignIn: true,
      selfServiceSubmission: true,
      output: 'paper',
      keypadRating: true,
      scanCodes: withScanner,
      videoHelp: false,
    },
  };
  const overview: TechnicianOverview = {
    devices,
    lastTests: [],
    printer: { printsSincePaperReplaced: 0, paperReplacedAt: null },
    outbox: { pending: 0, deadLetters: 0 },
    config: [],
    lastInspection: null,
  };
  return {
    'technician.enter': () => ok({ token: TOKEN, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }),
    'technician.exit': () => ok({}),
    'technician.overview': () => ok(overview),
    'technician.testScanner': () =>
      ok({
        outcome: {
          device: 'qrScanner' as const,
          test: 'scanCode' as const,
          passed: true,
          detail: 'read 64 characters (qr), recognised as receipt',
          at: AT,
        },
        read: { text: RECEIPT, symbology: 'qr' as const, recognisedAs: 'receipt' as const },
      }),
  };
}

async function enterTechnicianMode(user: ReturnType<typeof renderKiosk>['user']) {
  await screen.findByTestId('attract-screen');
  await act(() => Promise.resolve());
  for (let i = 0; i < 5; i++) fireEvent.pointerDown(document.body, { clientX: 10, clientY: 10 });
  const pad = await screen.findByTestId('technician-pin');
  for (const digit of '246810') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
  await user.click(screen.getByTestId('technician-pin-submit'));
  await screen.findByTestId('technician-devices');
  await user.click(screen.getByRole('tab', { name: '巡检' }));
  return screen.findByTestId('technician-inspection');
}

describe('the QR scanner in the inspection', () => {
  it('is inspected where fitted: 扫码测试 waits for a code and shows what was read and how a resident’s scan is taken', async () => {
    const { user, fake } = renderKiosk({ handlers: handlers(true) });
    const inspection = await enterTechnicianMode(user);
    const item = await within(inspection).findByText('扫码器');
    const row = item.closest('li');
    if (!row) throw new Error('no inspection row for the scanner');
    await user.click(within(row).getByRole('button', { name: '扫码测试' }));
    expect((await within(row).findByTestId('technician-test-result')).textContent).toBe(
      '通过 · read 64 characters (qr), recognised as receipt',
    );
    const read = within(row).getByTestId('scan-test-read');
    expect(read.dataset['recognised']).toBe('receipt');
    expect(read.textContent).toContain('受理回执');
    expect(read.textContent).toContain(RECEIPT);
    expect(fake.callsTo('technician.testScanner')).toEqual([{ token: TOKEN, timeoutSeconds: 30 }]);
  });

  it('is left out of the inspection where the station has none', async () => {
    const { user } = renderKiosk({ handlers: handlers(false) });
    const inspection = await enterTechnicianMode(user);
    await within(inspection).findByText('身份证阅读器');
    expect(inspection.querySelector('[data-device="qrScanner"]')).toBeNull();
  });
});
