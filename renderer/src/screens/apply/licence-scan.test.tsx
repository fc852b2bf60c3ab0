import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApplicationDraft, ApplicationReceipt } from '../../../../core/api/applications';
import type { DeviceStatus } from '../../../../core/api/devices';
import type { ResidentSessionState } from '../../../../core/api/resident';
import { ok } from '../../../../core/pure/result';
import { ScanRouting } from '../../scan/ScanRouting';
import { ApplyJourney } from './ApplyJourney';
import { CaptureRendererContext } from './capture-context';
import { allDevicesFine, renderJourney } from './testing/render-journey';

const CODE = '370784-CJ-020';
const signedIn: ResidentSessionState = {
  applicant: {
    role: 'applicant',
    source: 'card',
    verified: true,
    idType: 'residentIdCard',
    name: '张三',
    idNumberMasked: '3701********9973',
    cardType: 'resident',
  },
  agent: null,
};

const draft: ApplicationDraft = {
  matters: [{ matterCode: CODE, matterVersion: 2, matterName: '城乡居民养老保险参保登记', promisedWorkingDays: 5 }],
  lifeEventId: null,
  catalogVersion: '2026.11.20-1',
  fields: [
    {
      name: 'applicantName',
      label: '申请人姓名',
      kind: 'text',
      required: true,
      maxLength: 64,
      prefillFrom: 'applicantName',
      rememberable: false,
      value: '张三',
      filledFrom: 'card',
    },
  ],
  materials: [
    // An identity document: a 亮证码 may stand for it.
    { name: '户口簿', required: true, note: null, matterCodes: [CODE] },
    // Not an electronic licence: only its photograph will do.
    { name: '结婚证', required: false, note: '已婚的请提交', matterCodes: [CODE] },
  ],
  delivery: {
    pickUp: { servicePointId: 'sp-dongcun', name: '东村便民服务站', address: '东村村委会一楼' },
    mail: true,
    mailDefaults: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市' },
    cardAddress: null,
  },
  history: null,
};

const receipt: ApplicationReceipt = {
  localRef: '6f1c2a4e-8a55-4c1e-9a0b-2f7d1e3c4b5a',
  status: 'delivered',
  matters: [
    {
      matter: { matterCode: CODE, matterVersion: 2, matterName: '城乡居民养老保险参保登记' },
      caseNo: 'AQ-20261120-0017',
      promisedBy: '2026-11-27',
    },
  ],
  submittedAt: '2026-11-20T10:15:00+08:00',
  receiptLines: [],
  progressQr: 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261120-0017',
  print: { output: 'paper', problem: null },
};

const scanner: DeviceStatus = {
  device: 'qrScanner',
  mode: 'emulated',
  link: 'pty',
  state: 'online',
  code: 'ok',
  action: 'none',
  warnings: [],
  detail: 'ready',
  identity: null,
  since: '2026-11-21T08:00:00.000Z',
  lastError: null,
};

const FIRST = '0b8f1d5e-4c1a-4f7e-9a55-2d7c1e3b9a10';
const SECOND = '7d2e9c41-3b5f-4a88-8e21-6c0f4b7a2d93';

function renderApply(scannerFitted: boolean) {
  return renderJourney(
    <CaptureRendererContext.Provider value={() => null}>
      <ApplyJourney matterCodes={[CODE]} lifeEventId={null} onExit={() => undefined} />
      {/* The shell's listener, as Shell mounts it over an open apply journey. */}
      <ScanRouting screen="journey" journey="apply" send={() => undefined} />
    </CaptureRendererContext.Provider>,
    {
      handlers: {
        'devices.snapshot': () =>
          ok({ devices: scannerFitted ? [scanner] : [], journeys: { ...allDevicesFine, scanCodes: scannerFitted } }),
        'session.state': () => ok(signedIn),
        'application.start': () => ok(draft),
        'application.submit': () => ok(receipt),
        'capture.discard': () => ok({}),
      },
    },
  );
}

describe('a 亮证码 on the materials step', () => {
  it('is attached to an identity material, shown, removable, and sent with the application', async () => {
    const { user, fake } = renderApply(true);
    await user.click(await screen.findByTestId('sign-in-continue'));
    await user.click(await screen.findByTestId('apply-next'));
    expect((await screen.findByTestId('apply-material')).dataset['material']).toBe('户口簿');
    expect(await screen.findByTestId('licence-offer')).toBeTruthy();
    expect(screen.getByTestId('apply-next').getAttribute('aria-disabled')).toBe('true');

    act(() => fake.emit('scanner.scanned', { kind: 'other', scanId: FIRST }));
    expect((await screen.findByTestId('material-state')).textContent).toBe('已扫描亮证码，提交后由工作人员核验');
    expect(screen.getByTestId('apply-next').getAttribute('aria-disabled')).toBeNull();
    // Taken by the step: no "not ours" message.
    expect(screen.queryByTestId('scan-notice')).toBeNull();

    await user.click(screen.getByTestId('licence-remove'));
    expect(screen.getByTestId('material-state').textContent).toBe('还没有拍摄');
    expect(screen.getByTestId('apply-next').getAttribute('aria-disabled')).toBe('true');

    act(() => fake.emit('scanner.scanned', { kind: 'other', scanId: SECOND }));
    await screen.findByTestId('material-licence');
    await user.click(screen.getByTestId('apply-next'));

    // 结婚证 is no licence: the code is refused in words, nothing else changes.
    expect((await screen.findByTestId('apply-material')).dataset['material']).toBe('结婚证');
    expect(screen.queryByTestId('licence-offer')).toBeNull();
    act(() => fake.emit('scanner.scanned', { kind: 'other', scanId: FIRST }));
    expect((await screen.findByTestId('licence-refused')).textContent).toContain('不能代替这份材料');
    expect(screen.getByTestId('material-state').textContent).toBe('还没有拍摄');
    await user.click(screen.getByTestId('material-skip'));

    await screen.findByTestId('apply-delivery');
    await user.click(screen.getByTestId('apply-next'));
    expect((await screen.findByTestId('apply-review')).textContent).toContain('亮证码（待核验）');
    await user.click(screen.getByTestId('apply-confirm'));
    await screen.findByTestId('apply-receipt');
    expect(fake.callsTo('application.submit')).toEqual([
      expect.objectContaining({ materials: [], licences: [{ materialName: '户口簿', scanId: SECOND }] }),
    ]);
  });

  it('is not offered where the station has no scanner', async () => {
    const { user } = renderApply(false);
    await user.click(await screen.findByTestId('sign-in-continue'));
    await user.click(await screen.findByTestId('apply-next'));
    await screen.findByTestId('apply-material');
    expect(screen.queryByTestId('licence-offer')).toBeNull();
  });
});
