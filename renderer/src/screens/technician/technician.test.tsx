import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DevicesSnapshot, DeviceStatus } from '../../../../core/api/devices';
import { err, ok } from '../../../../core/pure/result';
import type { InspectionRecord, TechnicianOverview } from '../../../../core/api/technician';
import type { FakeHandlers } from '../../test/fake-host';
import { renderKiosk } from '../../test/render-kiosk';

const TOKEN = 'T'.repeat(43);
const AT = '2026-11-21T08:00:00.000Z';

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
    identity: { model: `MODEL-${kind}`, serial: `SN-${kind}`, firmware: '1.0' },
    since: AT,
    lastError: null,
  };
}

const snapshot: DevicesSnapshot = {
  devices: [device('idCardReader'), device('printer'), device('evaluationKeypad'), device('documentCamera')],
  journeys: {
    idCardSignIn: true,
    selfServiceSubmission: true,
    output: 'paper',
    keypadRating: true,
    scanCodes: false,
    videoHelp: false,
  },
};

const overview: TechnicianOverview = {
  devices: snapshot,
  lastTests: [],
  printer: { printsSincePaperReplaced: 12, paperReplacedAt: null },
  outbox: { pending: 1, deadLetters: 0 },
  config: [{ key: 'terminal.id', value: 'KIOSK-TEST-01' }],
  lastInspection: null,
};

const record: InspectionRecord = {
  id: 'INSP-20261121-0001',
  platformId: 'INSP-20261121-0001',
  delivery: 'sent',
  finishedAt: AT,
  report: {
    inspector: { name: '李工', staffId: 'AQ-0042' },
    startedAt: AT,
    finishedAt: AT,
    appVersion: '0.0.0-test',
    catalogVersion: null,
    devices: [{ device: 'printer', status: 'online', test: 'pass' }],
    consumables: [],
    outcome: 'normal',
  },
};

function technicianHandlers(overrides: FakeHandlers = {}): FakeHandlers {
  let enterCalls = 0;
  return {
    'technician.enter': ({ pin }) => {
      enterCalls += 1;
      if (pin !== '246810')
        return err({ code: 'wrongPin' as const, message: `wrong PIN: ${5 - enterCalls} attempts left` });
      return ok({ token: TOKEN, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });
    },
    'technician.exit': () => ok({}),
    'technician.overview': () => ok(overview),
    'technician.testDevice': ({ test }) =>
      ok({
        device: test === 'readCard' ? 'idCardReader' : 'printer',
        test,
        passed: true,
        detail: test === 'readCard' ? '王*例 3707**********0035' : 'printed',
        at: new Date().toISOString(),
      }),
    'technician.recordTest': ({ device: kind, test, passed, detail }) =>
      ok({ device: kind, test, passed, detail, at: new Date().toISOString() }),
    'technician.recordPaperReplaced': () => ok({ printsSincePaperReplaced: 0, paperReplacedAt: AT }),
    'technician.submitInspection': () => ok(record),
    'technician.printInspection': () => ok({}),
    'technician.outbox': () =>
      ok([
        {
          id: 7,
          kind: 'inspection',
          createdAt: AT,
          attempts: 3,
          nextAttemptAt: AT,
          lastError: 'platform unreachable: ECONNREFUSED',
          state: 'pending' as const,
        },
      ]),
    'technician.retryOutbox': () => ok([]),
    'technician.logs': () =>
      ok([{ time: AT, level: 'info' as const, component: 'outbox', message: 'outbox item delivered' }]),
    ...overrides,
  };
}

async function openPinPad() {
  await screen.findByTestId('attract-screen');
  // Let the shell's effects (the gesture listener among them) run before tapping.
  await act(() => Promise.resolve());
  for (let i = 0; i < 5; i++) fireEvent.pointerDown(document.body, { clientX: 10, clientY: 10 });
  return screen.findByTestId('technician-pin');
}

async function typePin(user: ReturnType<typeof renderKiosk>['user'], pin: string) {
  const pad = screen.getByTestId('technician-pin');
  for (const digit of pin) await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
  await user.click(screen.getByTestId('technician-pin-submit'));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('technician mode', () => {
  it('opens with the hidden gesture, refuses a wrong PIN with the tries left, and enters with the right one', async () => {
    const { user, fake } = renderKiosk({ handlers: technicianHandlers() });
    await openPinPad();
    await typePin(user, '1111');
    expect((await screen.findByTestId('technician-pin-problem')).textContent).toBe('密码错误，还可以再试 4 次');
    await typePin(user, '246810');
    const devices = await screen.findByTestId('technician-devices');
    expect(fake.callsTo('technician.enter')).toEqual([{ pin: '1111' }, { pin: '246810' }]);
    const cards = within(devices).getAllByRole('article');
    expect(cards.map((card) => card.dataset['device'])).toEqual([
      'idCardReader',
      'printer',
      'evaluationKeypad',
      'documentCamera',
    ]);
    expect(within(cards[1]!).getByTestId('technician-device-status').textContent).toBe('正常 · 正常');
    expect(cards[1]!.textContent).toContain('MODEL-printer');
    expect(cards[1]!.textContent).toContain('自上次换纸已打印 12 张');
  });

  it('runs the card and printer tests in core and shows the masked result', async () => {
    const { user, fake } = renderKiosk({ handlers: technicianHandlers() });
    await openPinPad();
    await typePin(user, '246810');
    const devices = await screen.findByTestId('technician-devices');
    await user.click(within(devices).getByRole('button', { name: '读测试卡' }));
    await user.click(within(devices).getByRole('button', { name: '打印测试页' }));
    const results = await within(devices).findAllByTestId('technician-test-result');
    expect(results.map((r) => r.textContent)).toEqual(['通过 · 王*例 3707**********0035', '通过 · printed']);
    expect(fake.callsTo('technician.testDevice')).toEqual([
      { token: TOKEN, test: 'readCard' },
      { token: TOKEN, test: 'printTestPage' },
    ]);
  });

  it('ticks keypad levels off as keys are pressed, and records the sound test the technician heard', async () => {
    const tones: number[] = [];
    class FakeAudioContext {
      currentTime = 0;
      destination = {};
      resume = () => Promise.resolve();
      close = () => Promise.resolve();
      createGain = () => ({ gain: { value: 0 }, connect: (next: unknown) => next });
      createOscillator = () => ({
        frequency: { value: 0 },
        connect: (next: unknown) => next,
        start: () => tones.push(1),
        stop: () => undefined,
        onended: null,
      });
    }
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const { user, fake } = renderKiosk({ handlers: technicianHandlers() });
    await openPinPad();
    await typePin(user, '246810');
    const keypad = (await screen.findByTestId('technician-devices')).querySelector<HTMLElement>(
      '[data-device=evaluationKeypad]',
    )!;
    await user.click(within(keypad).getByRole('button', { name: '逐个按键测试' }));
    for (const level of [5, 4, 3, 2]) act(() => fake.emit('keypad.pressed', { level, key: `report:0${level}` }));
    expect(within(keypad).getByTestId('technician-keys').querySelectorAll('[data-pressed]')).toHaveLength(4);
    expect(fake.callsTo('technician.recordTest')).toEqual([]);
    act(() => fake.emit('keypad.pressed', { level: 1, key: 'report:01' }));
    await vi.waitFor(() =>
      expect(within(keypad).getByTestId('technician-test-result').textContent).toBe('通过 · 全部按键正常'),
    );

    await user.click(within(keypad).getByRole('button', { name: '播放测试音' }));
    expect(tones).toEqual([1]);
    await user.click(await within(keypad).findByRole('button', { name: '听到了' }));
    await vi.waitFor(() => expect(fake.callsTo('technician.recordTest')).toHaveLength(2));
    expect(fake.callsTo('technician.recordTest')).toEqual([
      { token: TOKEN, device: 'evaluationKeypad', test: 'pressEachKey', passed: true, detail: 'all 5 keys pressed' },
      { token: TOKEN, device: 'evaluationKeypad', test: 'playSound', passed: true, detail: 'tone heard' },
    ]);
  });

  it('guides the inspection: fill in, submit, see it was sent, print it', async () => {
    const { user, fake } = renderKiosk({ handlers: technicianHandlers() });
    await openPinPad();
    await typePin(user, '246810');
    await screen.findByTestId('technician-devices');
    await user.click(screen.getByRole('tab', { name: '巡检' }));
    const form = await screen.findByTestId('technician-inspection');
    await user.click(within(form).getByTestId('inspection-submit'));
    expect(within(form).getByRole('alert').textContent).toBe('请填写巡检人姓名和工号');
    await user.type(within(form).getByTestId('inspector-name'), '李工');
    await user.type(within(form).getByTestId('inspector-staff-id'), 'AQ-0042');
    await user.click(within(form).getByLabelText('偏少'));
    await user.click(within(form).getByLabelText('已清洁屏幕和设备表面'));
    await user.click(within(form).getByLabelText('现场已修复'));
    await user.click(within(form).getByTestId('inspection-submit'));
    const done = await screen.findByTestId('technician-inspection-done');
    expect(done.textContent).toContain('巡检单已上报平台，编号 INSP-20261121-0001');
    const [submitted] = fake.callsTo('technician.submitInspection') as Array<{ draft: Record<string, unknown> }>;
    expect(submitted?.draft).toMatchObject({
      inspector: { name: '李工', staffId: 'AQ-0042' },
      outcome: 'fixedOnSite',
      consumables: [
        { kind: 'receiptPaper', level: 'low', replaced: false },
        { kind: 'cleaningKit', replaced: false },
      ],
    });
    await user.click(within(done).getByRole('button', { name: '打印巡检单' }));
    expect(await within(done).findByText('巡检单已打印')).toBeTruthy();
    expect(fake.callsTo('technician.printInspection')).toEqual([{ token: TOKEN, id: 'INSP-20261121-0001' }]);
  });

  it('shows the outbox with a retry, the logs and the configuration, and exits to the attract screen', async () => {
    const { user, fake } = renderKiosk({ handlers: technicianHandlers() });
    await openPinPad();
    await typePin(user, '246810');
    await screen.findByTestId('technician-devices');

    await user.click(screen.getByRole('tab', { name: '待上报' }));
    const outbox = await screen.findByTestId('technician-outbox');
    expect(await within(outbox).findByText(/巡检单 · 等待上报/)).toBeTruthy();
    expect(outbox.textContent).toContain('已尝试 3 次');
    expect(outbox.textContent).toContain('原因：platform unreachable: ECONNREFUSED');
    await user.click(within(outbox).getByRole('button', { name: '立即重试全部' }));
    expect(await within(outbox).findByText('没有待上报的内容')).toBeTruthy();
    expect(fake.callsTo('technician.retryOutbox')).toHaveLength(1);

    await user.click(screen.getByRole('tab', { name: '日志' }));
    expect(await screen.findByText(/outbox item delivered/)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: '配置' }));
    const config = await screen.findByTestId('technician-config');
    expect(await within(config).findByText('KIOSK-TEST-01')).toBeTruthy();

    await user.click(screen.getByTestId('technician-exit'));
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
    expect(fake.callsTo('technician.exit')).toEqual([{ token: TOKEN }]);
  });

  it('says until when entry is locked', async () => {
    // 16:15 on the station's clocks (China time), whatever zone the test machine is in.
    const until = new Date('2026-11-21T16:15:00+08:00').toISOString();
    const { user } = renderKiosk({
      handlers: technicianHandlers({
        'technician.enter': () => err({ code: 'lockedOut' as const, message: `entry locked until ${until}` }),
      }),
    });
    await openPinPad();
    await typePin(user, '246810');
    expect((await screen.findByTestId('technician-pin-problem')).textContent).toBe(
      '密码错误次数过多，已锁定。请在 16:15 之后再试',
    );
  });

  it('returns to the attract screen when core says the session is gone', async () => {
    const { user, fake } = renderKiosk({
      handlers: technicianHandlers({
        'technician.overview': () => err({ code: 'notAuthorised' as const, message: 'expired' }),
      }),
    });
    await openPinPad();
    await typePin(user, '246810');
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
    expect(fake.callsTo('technician.exit')).toEqual([{ token: TOKEN }]);
  });

  it('the PIN pad goes back to the attract screen with 返回首页', async () => {
    const { user } = renderKiosk({ handlers: technicianHandlers() });
    await openPinPad();
    await user.click(screen.getByRole('button', { name: '返回首页' }));
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
  });
});
