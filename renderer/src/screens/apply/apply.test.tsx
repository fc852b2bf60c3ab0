import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationDraft, ApplicationReceipt } from '../../../../core/api/applications';
import type { ResidentSessionState, SignedInPerson } from '../../../../core/api/resident';
import { err, ok } from '../../../../core/pure/result';
import type { FakeHandlers } from '../../test/fake-host';
import { ApplyJourney } from './ApplyJourney';
import { CaptureRendererContext, type RenderCapture } from './capture-context';
import { allDevicesFine, renderJourney } from './testing/render-journey';

const applicantFromCard: SignedInPerson = {
  role: 'applicant',
  source: 'card',
  verified: true,
  idType: 'residentIdCard',
  name: '张三',
  idNumberMasked: '3701********9973',
  cardType: 'resident',
};
const CODE = '370784-CJ-020';
const signedIn: ResidentSessionState = { applicant: applicantFromCard, agent: null };

function fixtureDraft(overrides: Partial<ApplicationDraft> = {}): ApplicationDraft {
  return {
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
      {
        name: 'phone',
        label: '联系电话',
        kind: 'phone',
        required: true,
        prefillFrom: null,
        rememberable: true,
        value: '',
        filledFrom: 'none',
      },
      {
        name: 'address',
        label: '现住址',
        kind: 'text',
        required: false,
        prefillFrom: null,
        rememberable: true,
        value: '',
        filledFrom: 'none',
      },
    ],
    materials: [
      { name: '户口簿', required: true, note: null, matterCodes: [CODE] },
      { name: '结婚证', required: false, note: '已婚的请提交', matterCodes: [CODE] },
    ],
    delivery: {
      pickUp: { servicePointId: 'sp-dongcun', name: '东村便民服务站', address: '东村村委会一楼' },
      mail: true,
      mailDefaults: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市' },
      cardAddress: '山东省安丘市景芝镇东埠村123号',
    },
    history: null,
    ...overrides,
  };
}

function fixtureReceipt(overrides: Partial<ApplicationReceipt> = {}): ApplicationReceipt {
  return {
    localRef: '6f1c2a4e-8a55-4c1e-9a0b-2f7d1e3c4b5a',
    status: 'delivered',
    matters: [
      {
        matter: { matterCode: CODE, matterVersion: 2, matterName: '城乡居民养老保险参保登记' },
        caseNo: 'AQ2026112000017',
        promisedBy: '2026-11-27',
      },
    ],
    submittedAt: '2026-11-20T10:15:00+08:00',
    receiptLines: [],
    progressQr: 'https://platform.example/progress?case=AQ2026112000017',
    print: { output: 'paper', problem: null },
    ...overrides,
  };
}

/** A stand-in for the document camera: one button hands back a new capture id each time. */
function fakeCapture(): RenderCapture {
  let next = 1;
  return ({ materialName, onDone, onCancel }) => (
    <div data-testid="fake-capture" data-material={materialName}>
      <button
        type="button"
        data-testid="fake-capture-done"
        onClick={() => onDone({ captureId: `cap-${next++}`, pageCount: 2 })}
      />
      <button type="button" data-testid="fake-capture-cancel" onClick={onCancel} />
    </div>
  );
}

function renderApply(handlers: FakeHandlers, options: { selfService?: boolean } = {}) {
  const onExit = vi.fn();
  const rendered = renderJourney(
    <CaptureRendererContext.Provider value={fakeCapture()}>
      <ApplyJourney matterCodes={[CODE]} lifeEventId={null} onExit={onExit} />
    </CaptureRendererContext.Provider>,
    {
      journeys: { ...allDevicesFine, selfServiceSubmission: options.selfService ?? true },
      handlers: {
        'session.state': () => ok(signedIn),
        'application.start': () => ok(fixtureDraft()),
        'capture.discard': () => ok({}),
        ...handlers,
      },
    },
  );
  return { ...rendered, onExit };
}

async function passSignIn(user: UserEvent) {
  await user.click(await screen.findByTestId('sign-in-continue'));
  return screen.findByTestId('apply-form');
}

async function fillFormAndMaterials(user: UserEvent) {
  await passSignIn(user);
  await user.type(screen.getByTestId('field-phone'), '13805361234');
  await user.click(screen.getByTestId('apply-next'));
  await screen.findByTestId('apply-material');
  await user.click(screen.getByTestId('material-capture'));
  await user.click(await screen.findByTestId('fake-capture-done'));
  await user.click(await screen.findByTestId('apply-next'));
  await user.click(await screen.findByTestId('material-skip'));
  await screen.findByTestId('apply-delivery');
}

describe('ApplyJourney: the whole way', () => {
  it('signs in, fills the form, takes materials, chooses mail, reviews, submits once, shows the receipt', async () => {
    let answer: (value: ReturnType<typeof ok<ApplicationReceipt>>) => void = () => {};
    const { fake, user, onExit } = renderApply({
      'application.submit': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    const form = await passSignIn(user);
    const name = form.querySelector('[data-field="applicantName"]');
    expect(name?.getAttribute('data-filled-from')).toBe('card');
    expect(name?.textContent).toContain('已从身份证读取');
    expect(screen.getByTestId<HTMLInputElement>('field-applicantName').value).toBe('张三');

    // A required field left empty: a plain message, and no step forward.
    await user.click(screen.getByTestId('apply-next'));
    expect(within(form).getByText('请填写这一项')).toBeTruthy();
    await user.type(screen.getByTestId('field-phone'), '1380536');
    await user.click(screen.getByTestId('apply-next'));
    expect(within(form).getByText('请填写11位手机号，或带区号的固定电话')).toBeTruthy();
    await user.type(screen.getByTestId('field-phone'), '1234');
    await user.click(screen.getByTestId('apply-next'));

    // A required material cannot be skipped, nor passed without a capture.
    const required = await screen.findByTestId('apply-material');
    expect(required.getAttribute('data-material')).toBe('户口簿');
    expect(screen.queryByTestId('material-skip')).toBeNull();
    // 下一步 looks disabled and, touched, says what is missing instead of doing nothing.
    expect(screen.getByTestId('apply-next').getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByTestId('apply-next'));
    expect((await screen.findByTestId('blocked-reason')).textContent).not.toBe('');
    expect(screen.getByTestId('apply-material').getAttribute('data-material')).toBe('户口簿');
    await user.click(screen.getByTestId('material-capture'));
    expect((await screen.findByTestId('fake-capture')).getAttribute('data-material')).toBe('户口簿');
    await user.click(screen.getByTestId('fake-capture-done'));
    expect((await screen.findByTestId('material-state')).textContent).toBe('已拍摄 2 页');
    await user.click(screen.getByTestId('apply-next'));

    // The optional one can be skipped.
    expect((await screen.findByTestId('apply-material')).getAttribute('data-material')).toBe('结婚证');
    await user.click(screen.getByTestId('material-skip'));

    await screen.findByTestId('apply-delivery');
    await user.click(screen.getByTestId('delivery-mail'));
    expect(screen.getByTestId<HTMLInputElement>('delivery-recipient').value).toBe('张三');
    expect(screen.getByTestId<HTMLInputElement>('delivery-phone').value).toBe('13805361234');
    await user.click(screen.getByTestId('apply-next'));
    expect(screen.getByText('请填写详细地址')).toBeTruthy();
    // The card's address is offered, not filled in: the part under this station's county.
    const detail = screen.getByTestId<HTMLInputElement>('delivery-detail');
    expect(detail.value).toBe('');
    const offer = screen.getByTestId('delivery-card-address');
    expect(offer.textContent).toBe('使用身份证上的地址：景芝镇东埠村123号');
    await user.click(offer);
    expect(detail.value).toBe('景芝镇东埠村123号');
    expect(screen.queryByTestId('delivery-card-address')).toBeNull();
    // The resident lives elsewhere now: their own words win.
    await user.clear(detail);
    await user.type(detail, '东村 12 号');
    await user.click(screen.getByTestId('apply-next'));

    const review = await screen.findByTestId('apply-review');
    expect(review.textContent).toContain('13805361234');
    expect(review.textContent).toContain('已拍摄 2 页');
    expect(review.textContent).toContain('已跳过');
    expect(review.textContent).toContain('山东省潍坊市安丘市东村 12 号');

    const confirm = screen.getByTestId<HTMLButtonElement>('apply-confirm');
    await user.click(confirm);
    await user.click(confirm);
    await user.dblClick(confirm);
    expect(confirm.disabled).toBe(true);
    const submits = fake.callsTo('application.submit');
    expect(submits).toHaveLength(1);
    expect(submits[0]).toEqual({
      confirmationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      matterCodes: [CODE],
      lifeEventId: null,
      form: { applicantName: '张三', phone: '13805361234' },
      materials: [{ name: '户口簿', captureIds: ['cap-1'] }],
      delivery: {
        method: 'mail',
        recipient: '张三',
        phone: '13805361234',
        address: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市', detail: '东村 12 号' },
      },
    });

    answer(ok(fixtureReceipt()));
    const receipt = await screen.findByTestId('apply-receipt');
    expect(screen.getByTestId('receipt-status').textContent).toBe('已提交到政务服务平台。');
    expect(screen.getByTestId('receipt-case-no').textContent).toBe('AQ2026112000017');
    expect(screen.getByTestId('receipt-print').textContent).toBe('回执已打印，请从出纸口取走。');
    expect(within(receipt).queryByTestId('receipt-qr')).toBeNull();
    expect(receipt.textContent).toContain('城乡居民养老保险参保登记');
    // 完成: the resident is done; the visit ends with the farewell (not back to the list).
    await user.click(screen.getByTestId('receipt-finish'));
    await waitFor(() => expect(screen.getByTestId('shell-journey').dataset['screen']).toBe('farewell'));
    expect(onExit).not.toHaveBeenCalled();
  });

  it('edits from the review and comes back to it, with everything else kept', async () => {
    const { user } = renderApply({});
    await fillFormAndMaterials(user);
    await user.click(screen.getByTestId('apply-next'));
    await screen.findByTestId('apply-review');
    await user.click(screen.getByTestId('edit-form'));
    const phone = await screen.findByTestId<HTMLInputElement>('field-phone');
    expect(phone.value).toBe('13805361234');
    await user.clear(phone);
    await user.type(phone, '0536-4393178');
    await user.click(screen.getByTestId('apply-next'));
    const review = await screen.findByTestId('apply-review');
    expect(review.textContent).toContain('0536-4393178');
    expect(review.textContent).toContain('已拍摄 2 页');
  });

  it('discards the earlier capture when a material is retaken', async () => {
    const { fake, user } = renderApply({});
    await passSignIn(user);
    await user.type(screen.getByTestId('field-phone'), '13805361234');
    await user.click(screen.getByTestId('apply-next'));
    await user.click(await screen.findByTestId('material-capture'));
    await user.click(await screen.findByTestId('fake-capture-done'));
    await user.click(await screen.findByText('重拍'));
    await user.click(await screen.findByTestId('fake-capture-done'));
    await screen.findByTestId('material-state');
    expect(fake.callsTo('capture.discard')).toEqual([{ captureId: 'cap-1' }]);
  });
});

describe('ApplyJourney: history consent', () => {
  const history = { lastSubmittedAt: '2026-10-02T09:30:00+08:00', fieldNames: ['phone', 'address'] };

  it('asks first, and fills phone and address only after a yes, marked as from last time', async () => {
    const { fake, user } = renderApply({
      'application.start': () => ok(fixtureDraft({ history })),
      'application.consentToHistory': () => ok({}),
      'application.historyPrefill': () => ok({ values: { phone: '13905360000', address: '东村 8 号' } }),
    });
    await user.click(await screen.findByTestId('sign-in-continue'));
    expect((await screen.findByTestId('history-consent')).textContent).toContain('使用您上次在本机填写的电话和地址？');
    expect(fake.callsTo('application.historyPrefill')).toEqual([]);
    expect(fake.callsTo('application.consentToHistory')).toEqual([]);
    await user.click(screen.getByTestId('consent-yes'));
    const form = await screen.findByTestId('apply-form');
    // The tap is recorded as consent in core first; then the values are read back.
    expect(fake.callsTo('application.consentToHistory')).toEqual([{}]);
    expect(fake.callsTo('application.historyPrefill')).toEqual([{ matterCodes: [CODE] }]);
    expect(screen.getByTestId<HTMLInputElement>('field-phone').value).toBe('13905360000');
    expect(form.querySelector('[data-field="phone"]')?.textContent).toContain('来自您上次填写');
  });

  it('takes nothing on a no', async () => {
    const { fake, user } = renderApply({ 'application.start': () => ok(fixtureDraft({ history })) });
    await user.click(await screen.findByTestId('sign-in-continue'));
    await user.click(await screen.findByTestId('consent-no'));
    await screen.findByTestId('apply-form');
    expect(screen.getByTestId<HTMLInputElement>('field-phone').value).toBe('');
    expect(fake.callsTo('application.historyPrefill')).toEqual([]);
    expect(fake.callsTo('application.consentToHistory')).toEqual([]);
  });
});

describe('ApplyJourney: the receipt', () => {
  it('says plainly when the application is saved offline and the printer is out of paper, with the QR and 重新打印', async () => {
    const receipt = fixtureReceipt({
      status: 'savedOffline',
      matters: [{ ...fixtureReceipt().matters[0]!, caseNo: null, promisedBy: null }],
      print: { output: 'screen', problem: 'paperOut' },
    });
    const { fake, user } = renderApply({
      'application.submit': () => ok(receipt),
      'application.reprintReceipt': () => ok({ output: 'screen' as const, problem: 'paperOut' as const }),
    });
    await fillFormAndMaterials(user);
    await user.click(screen.getByTestId('apply-next'));
    await user.click(await screen.findByTestId('apply-confirm'));
    await screen.findByTestId('apply-receipt');
    expect(screen.getByTestId('receipt-status').textContent).toBe('已保存在本机，网络恢复后自动上报。');
    expect(screen.getByTestId('receipt-local-ref').textContent).toBe('6F1C2A4E');
    expect(screen.queryByTestId('receipt-case-no')).toBeNull();
    expect(screen.getByTestId('receipt-print').textContent).toContain('打印机没有纸了');
    const qr = screen.getByTestId('receipt-qr');
    expect(qr.getAttribute('data-qr-text')).toBe(receipt.progressQr);
    expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(100);

    await user.click(screen.getByTestId('receipt-reprint'));
    expect((await screen.findByTestId('apply-notice')).textContent).toContain('还是没有打印出来');
    expect(fake.callsTo('application.reprintReceipt')).toEqual([{ localRef: receipt.localRef }]);

    await user.click(screen.getByTestId('receipt-rate'));
    await waitFor(() => expect(screen.getByTestId('shell-journey').textContent).toBe('{"kind":"rating"}'));
  });
});

describe('ApplyJourney: refusals, at the right step, nothing lost', () => {
  it('invalidForm brings back the form with the refused field marked and the values kept', async () => {
    const { user } = renderApply({
      'application.submit': () => err({ code: 'invalidForm' as const, message: 'phone: kind' }),
    });
    await fillFormAndMaterials(user);
    await user.click(screen.getByTestId('apply-next'));
    await user.click(await screen.findByTestId('apply-confirm'));
    const form = await screen.findByTestId('apply-form');
    expect(screen.getByTestId('apply-notice').textContent).toContain('有几项需要修改');
    expect(form.querySelector('[data-field="phone"]')?.textContent).toContain('这一项平台没有接受');
    expect(screen.getByTestId<HTMLInputElement>('field-phone').value).toBe('13805361234');
  });

  it('materialMissing goes to the materials step and says so', async () => {
    const { user } = renderApply({
      'application.submit': () => err({ code: 'materialMissing' as const, message: '户口簿' }),
    });
    await fillFormAndMaterials(user);
    await user.click(screen.getByTestId('apply-next'));
    await user.click(await screen.findByTestId('apply-confirm'));
    expect((await screen.findByTestId('apply-notice')).textContent).toContain('还缺少必须提交的材料');
    expect(screen.getByTestId('apply-material')).toBeTruthy();
  });

  it('notSelfService offers help instead', async () => {
    const { user } = renderApply({
      'application.submit': () => err({ code: 'notSelfService' as const, message: 'counter only' }),
    });
    await fillFormAndMaterials(user);
    await user.click(screen.getByTestId('apply-next'));
    await user.click(await screen.findByTestId('apply-confirm'));
    await screen.findByTestId('apply-not-self-service');
    await user.click(screen.getByTestId('apply-help'));
    await waitFor(() =>
      expect(screen.getByTestId('shell-journey').textContent).toBe(`{"kind":"help","matterCode":"${CODE}"}`),
    );
  });

  it('a refused start says why, in plain words', async () => {
    const { user } = renderApply({
      'application.start': () => err({ code: 'notSelfService' as const, message: 'no' }),
    });
    await user.click(await screen.findByTestId('sign-in-continue'));
    expect((await screen.findByTestId('apply-start-failed')).textContent).toContain('这个事项不能在本机申请');
  });
});

describe('ApplyJourney without the document camera', () => {
  it('says so at the start and offers 请人帮办 with the matter', async () => {
    const { user } = renderApply({}, { selfService: false });
    expect((await screen.findByTestId('apply-camera-unavailable')).textContent).toContain('高拍仪暂时不能使用');
    await user.click(screen.getByTestId('apply-help'));
    await waitFor(() =>
      expect(screen.getByTestId('shell-journey').textContent).toBe(`{"kind":"help","matterCode":"${CODE}"}`),
    );
  });
});
