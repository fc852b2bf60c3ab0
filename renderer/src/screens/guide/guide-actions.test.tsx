import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../../core/pure/result';
import type * as ShellContext from '../../shell/shell-context';
import type { FakeHandlers } from '../../test/fake-host';
import { detail } from '../../test/fixture-catalog';
import { renderScreen } from '../search/testing/render-screen';
import { GuideActions } from './GuideActions';

// The shell is not under test here: what matters is what the actions ask it to open.
const send = vi.hoisted(() => vi.fn<(event: unknown) => void>());
vi.mock('../../shell/shell-context', async (importOriginal) => ({
  ...(await importOriginal<typeof ShellContext>()),
  useShellSend: () => send,
}));

const GUIDE_URL = 'https://zwfw.example.gov.cn/guide/370784-CJ-013?v=1';

function renderActions(
  code: string,
  options: { selfServiceSubmission?: boolean; print?: NonNullable<FakeHandlers['catalog.printChecklist']> } = {},
) {
  send.mockClear();
  const matter = detail(code);
  if (!matter) throw new Error(`no fixture matter ${code}`);
  const printChecklist = vi.fn(
    options.print ?? (() => ok({ output: 'paper' as const, problem: null, guideUrl: GUIDE_URL })),
  );
  const rendered = renderScreen(<GuideActions matter={matter} />, {
    'catalog.printChecklist': printChecklist,
    'devices.snapshot': () =>
      ok({
        devices: [],
        journeys: {
          idCardSignIn: true,
          selfServiceSubmission: options.selfServiceSubmission ?? true,
          output: 'paper' as const,
          keypadRating: true,
          scanCodes: false,
          videoHelp: false,
        },
      }),
  });
  return { ...rendered, printChecklist };
}

describe('guide actions', () => {
  it('opens the application, the appointment and the help request for this matter', async () => {
    const { user } = renderActions('370784-CJ-013');
    await user.click(screen.getByRole('button', { name: '在本机申请' }));
    await user.click(screen.getByRole('button', { name: '预约到窗口办理' }));
    await user.click(screen.getByRole('button', { name: '请人帮办' }));
    expect(send.mock.calls.map(([event]) => event)).toEqual([
      { type: 'OPEN_JOURNEY', journey: { kind: 'apply', matterCodes: ['370784-CJ-013'], lifeEventId: null } },
      { type: 'OPEN_JOURNEY', journey: { kind: 'appointment', matterCode: '370784-CJ-013', servicePointId: null } },
      { type: 'OPEN_JOURNEY', journey: { kind: 'help', matterCode: '370784-CJ-013' } },
    ]);
  });

  it('offers no application for a matter not submitted here, and no checklist without a guide', () => {
    renderActions('370784-CJ-021');
    expect(screen.queryByTestId('action-apply')).toBeNull();
    expect(screen.queryByTestId('action-print-checklist')).toBeNull();
    expect(screen.getByTestId('action-help')).toBeTruthy();
  });

  it('disables the application, saying why, while the devices do not allow self-service', async () => {
    const { user } = renderActions('370784-CJ-013', { selfServiceSubmission: false });
    await vi.waitFor(() => expect(screen.queryByTestId('apply-unavailable')).not.toBeNull());
    expect(screen.getByTestId('apply-unavailable').textContent).toContain('高拍仪不可用');
    const apply = screen.getByTestId<HTMLButtonElement>('action-apply');
    expect(apply.disabled).toBe(true);
    await user.click(apply);
    expect(send).not.toHaveBeenCalled();
  });

  it('prints the checklist and says to take it', async () => {
    const { user, printChecklist } = renderActions('370784-CJ-013');
    await user.click(screen.getByRole('button', { name: '打印材料清单' }));
    expect((await screen.findByTestId('checklist-printed')).textContent).toContain('材料清单已打印');
    expect(printChecklist).toHaveBeenCalledWith({ code: '370784-CJ-013' });
    expect(screen.queryByTestId('checklist-on-screen')).toBeNull();
  });

  it('shows the checklist with the QR of the guide on screen when the printer is out of paper', async () => {
    const { user } = renderActions('370784-CJ-013', {
      print: () => ok({ output: 'screen' as const, problem: 'paperOut' as const, guideUrl: GUIDE_URL }),
    });
    await user.click(screen.getByRole('button', { name: '打印材料清单' }));
    const onScreen = await screen.findByTestId('checklist-on-screen');
    expect(onScreen.textContent).toContain('打印机缺纸');
    expect(
      within(onScreen)
        .getAllByTestId('checklist-material')
        .map((m) => m.textContent),
    ).toEqual(['居民身份证 · 原件 1 份 · 复印件 2 份', '一寸免冠照片（如有） · 复印件 1 份']);
    const qr = within(onScreen).getByTestId('qr-code');
    expect(qr.dataset['value']).toBe(GUIDE_URL);
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await user.click(within(onScreen).getByTestId('checklist-close'));
    expect(screen.queryByTestId('checklist-on-screen')).toBeNull();
  });

  it('says so when the checklist could not be made at all', async () => {
    const { user } = renderActions('370784-CJ-013', {
      print: () => err({ code: 'notFound' as const, message: 'gone' }),
    });
    await user.click(screen.getByRole('button', { name: '打印材料清单' }));
    expect((await screen.findByTestId('checklist-failed')).textContent).toContain('打印没有成功');
  });
});
