import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AssistanceReceipt } from '../../../../core/api/care';
import { err, ok } from '../../../../core/pure/result';
import type { FakeHandlers } from '../../test/fake-host';
import { detail, fixtureInfo } from '../../test/fixture-catalog';
import { deferred } from '../rating/render-journey.testing';
import { renderCareJourney as renderJourney } from './render-care.testing';
import { HelpJourney } from './HelpJourney';
import { choicesIn } from '../../test/elder-checks';
import { SUNDAY_OFF_DUTY } from '../../test/station-hours';

const receipt: AssistanceReceipt = {
  status: 'delivered',
  reference: 'AR-20261121-0001',
  kind: 'callback',
  expectedContactWithinHours: 24,
  contactFrom: null,
  print: { output: 'paper', problem: null },
};

function handlers(overrides: FakeHandlers = {}): FakeHandlers {
  return {
    'assistance.request': () => ok(receipt),
    'catalog.matter': ({ code }) => {
      const found = detail(code);
      return found ? ok(found) : err({ code: 'notFound' as const, message: 'no such matter' });
    },
    ...overrides,
  };
}

const kind = (name: string) => screen.getAllByTestId('help-kind').find((tile) => tile.dataset['kind'] === name)!;

async function typePhone(user: ReturnType<typeof renderJourney>['user'], phone: string) {
  const pad = screen.getByTestId('help-phone');
  for (const digit of phone) await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
}

describe('help journey', () => {
  it('always shows the station hotline and its agents', async () => {
    renderJourney(<HelpJourney matterCode={null} onExit={() => undefined} />, handlers());
    const contacts = await screen.findByTestId('help-contacts');
    expect(within(contacts).getByTestId('help-hotline').textContent).toBe('0536-4000123');
    const agent = within(contacts).getByTestId('help-agent');
    expect(agent.textContent).toContain('王秀兰');
    expect(agent.textContent).toContain('红管家');
    expect(agent.textContent).toContain('13800000001');
  });

  it('shows the attached matter by name and sends its code', async () => {
    const matter = detail('370784-CJ-013');
    if (!matter) throw new Error('fixture matter missing');
    const { fake, user } = renderJourney(<HelpJourney matterCode={matter.code} onExit={() => undefined} />, handlers());
    await vi.waitFor(() => expect(screen.getByTestId('help-matter').textContent).toContain(matter.name));
    await user.click(kind('agentAtStation'));
    await user.click(screen.getByTestId('help-submit'));
    await screen.findByTestId('help-slip');
    expect(fake.callsTo('assistance.request')[0]).toMatchObject({ matterCode: matter.code });
  });

  it('says what is missing instead of sending, then sends a complete callback request', async () => {
    const { fake, user } = renderJourney(<HelpJourney matterCode={null} onExit={() => undefined} />, handlers());
    await user.click(await screen.findByTestId('help-submit'));
    expect(screen.getByTestId('help-problems').textContent).toContain('请先选择需要哪种帮助');

    await user.click(kind('callback'));
    await user.click(screen.getByTestId('help-submit'));
    expect(screen.getByTestId('help-problems').textContent).toContain('请留一个联系电话');
    expect(fake.callsTo('assistance.request')).toHaveLength(0);

    await typePhone(user, '13912345678');
    expect(screen.queryByTestId('help-problems')).toBeNull();
    await user.click(screen.getAllByTestId('help-time').find((chip) => chip.dataset['time'] === 'morning')!);
    await user.click(screen.getAllByTestId('help-need').find((chip) => chip.dataset['need'] === 'noSmartphone')!);
    await user.click(screen.getByTestId('help-submit'));

    const slip = await screen.findByTestId('help-slip');
    expect(fake.callsTo('assistance.request')).toEqual([
      {
        confirmationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'callback',
        phone: '13912345678',
        preferredTime: 'morning',
        needs: ['noSmartphone'],
        matterCode: null,
      },
    ]);
    expect(within(slip).getByTestId('help-reference').textContent).toBe('AR-20261121-0001');
    expect(within(slip).getByTestId('help-contact-time').textContent).toContain('24 小时内');
    expect(within(slip).getByTestId('help-delivery').textContent).toContain('已送达');
    expect(within(slip).getByTestId('help-print').textContent).toContain('已打印');
  });

  it('sends once for a double press, and says plainly when it is saved on the kiosk and on screen only', async () => {
    const answer = deferred<ReturnType<typeof ok<AssistanceReceipt>>>();
    const { fake, user } = renderJourney(
      <HelpJourney matterCode={null} onExit={() => undefined} />,
      handlers({ 'assistance.request': () => answer.promise }),
    );
    await screen.findByTestId('help-form');
    await user.click(kind('agentAtStation'));
    const submit = screen.getByTestId('help-submit');
    await user.click(submit);
    await user.click(submit);
    expect(fake.callsTo('assistance.request')).toHaveLength(1);
    await act(async () => {
      answer.resolve(
        ok({
          ...receipt,
          status: 'savedOffline',
          kind: 'agentAtStation',
          reference: 'HR-LOCAL-0001',
          print: { output: 'screen', problem: 'paperOut' },
        }),
      );
      await answer.promise;
    });
    const slip = await screen.findByTestId('help-slip');
    expect(within(slip).getByTestId('help-delivery').textContent).toContain('已保存在本机');
    expect(within(slip).getByTestId('help-print').textContent).toContain('没纸');
    expect(within(slip).getByTestId('help-contact-time').textContent).toContain('尽快到站');
  });

  it('explains invalidRequest in plain words and keeps what was filled in', async () => {
    const { user } = renderJourney(
      <HelpJourney matterCode={null} onExit={() => undefined} />,
      handlers({ 'assistance.request': () => err({ code: 'invalidRequest' as const, message: 'bad' }) }),
    );
    await screen.findByTestId('help-form');
    await user.click(kind('homeVisit'));
    await typePhone(user, '13912345678');
    await user.type(screen.getByTestId('help-address'), '东埠村三组12号');
    await user.click(screen.getByTestId('help-submit'));
    expect((await screen.findByTestId('help-failed')).textContent).toContain('请检查电话和地址');
    await user.click(screen.getByTestId('help-edit'));
    expect(screen.getByTestId<HTMLInputElement>('help-address').value).toBe('东埠村三组12号');
    expect(screen.getByTestId('help-phone-value').textContent).toBe('13912345678');
  });
});

describe('help journey in 长辈版', () => {
  /** What a resident can choose from now, keypad keys counted as one pad. */
  const choices = () => choicesIn(document.body);

  it('asks one question per step, never more than six choices, and sends the same request', async () => {
    const { fake, user } = renderJourney(<HelpJourney matterCode={null} onExit={() => undefined} />, handlers(), {
      elder: true,
    });
    const step = () => screen.getByTestId('help-form').dataset['step'];
    const question = () => screen.getByTestId('help-form').querySelector('[data-speech="hint"]')?.textContent;
    await screen.findByTestId('help-form');
    expect(step()).toBe('kind');
    expect(question()).toBe('您需要哪种帮助？');
    expect(screen.queryByTestId('help-need')).toBeNull();
    // The three kinds, and 我的求助进度 for a resident following up an earlier request.
    expect(choices()).toBe(4);

    await user.click(kind('homeVisit'));
    expect(step()).toBe('address');
    await user.click(screen.getByTestId('help-step-next'));
    expect(screen.getByTestId('help-problems').textContent).toContain('请填写上门的地址');
    expect(step()).toBe('address');
    await user.type(screen.getByTestId('help-address'), '东埠村三组12号');
    expect(screen.queryByTestId('help-problems')).toBeNull();
    expect(choices()).toBeLessThanOrEqual(6);
    await user.click(screen.getByTestId('help-step-next'));

    expect(step()).toBe('day');
    expect(choices()).toBe(6);
    await user.click(screen.getAllByTestId('help-day').find((chip) => chip.dataset['day'] === 'any')!);

    expect(step()).toBe('phone');
    expect(choices()).toBe(3);
    await user.click(screen.getByTestId('help-step-next'));
    expect(screen.getByTestId('help-problems').textContent).toContain('请留一个联系电话');
    await typePhone(user, '13912345678');
    await user.click(screen.getByTestId('help-step-next'));

    expect(step()).toBe('needs');
    expect(choices()).toBeLessThanOrEqual(6);
    expect(screen.getAllByTestId('help-need')).toHaveLength(2);
    await user.click(screen.getByTestId('choice-pages-next'));
    await user.click(screen.getAllByTestId('help-need').find((chip) => chip.dataset['need'] === 'illness')!);
    await user.click(screen.getByTestId('help-submit'));

    await screen.findByTestId('help-slip');
    expect(fake.callsTo('assistance.request')).toEqual([
      {
        confirmationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'homeVisit',
        phone: '13912345678',
        address: '东埠村三组12号',
        preferredDate: null,
        needs: ['illness'],
        matterCode: null,
      },
    ]);
  });

  it('goes back a step with 上一步, keeping what was chosen', async () => {
    const { user } = renderJourney(<HelpJourney matterCode={null} onExit={() => undefined} />, handlers(), {
      elder: true,
    });
    await screen.findByTestId('help-form');
    await user.click(kind('callback'));
    await user.click(screen.getAllByTestId('help-time').find((chip) => chip.dataset['time'] === 'evening')!);
    expect(screen.getByTestId('help-form').dataset['step']).toBe('phone');
    await user.click(screen.getByTestId('help-step-back'));
    const evening = screen.getAllByTestId('help-time').find((chip) => chip.dataset['time'] === 'evening')!;
    expect(evening.getAttribute('aria-pressed')).toBe('true');
  });

  describe('out of hours (Sunday 14:00, staff next in on Monday 08:30)', () => {
    const sunday = {
      ...fixtureInfo,
      clockOffsetMs: Date.parse('2026-11-22T06:00:00.000Z') - Date.now(),
    };

    it('promises a callback when staff are back and the hotline, and offers no agent at the station', async () => {
      renderJourney(
        <HelpJourney matterCode={null} onExit={() => undefined} />,
        handlers({ 'station.hours': () => ok(SUNDAY_OFF_DUTY) }),
        {},
        sunday,
      );
      const notice = await screen.findByTestId('help-off-duty');
      expect(notice.textContent).toContain('电话回访和上门服务会在明天（周一）08:30上班后联系您');
      expect(notice.textContent).toContain('0536-4000123');
      await vi.waitFor(() => expect((kind('agentAtStation') as HTMLButtonElement).disabled).toBe(true));
      expect(kind('agentAtStation').textContent).toContain('帮办员明天（周一）08:30上班，现在不能到站');
      expect(document.body.textContent).not.toContain('尽快到站');
      expect((kind('callback') as HTMLButtonElement).disabled).toBe(false);
    });

    it('the slip says the day and hour staff will call, not within so many hours', async () => {
      const { user } = renderJourney(
        <HelpJourney matterCode={null} onExit={() => undefined} />,
        handlers({
          'station.hours': () => ok(SUNDAY_OFF_DUTY),
          'assistance.request': () => ok({ ...receipt, contactFrom: '2026-11-23T00:30:00.000Z' }),
        }),
        {},
        sunday,
      );
      await user.click(await screen.findByTestId('help-submit'));
      await user.click(kind('callback'));
      await typePhone(user, '13912345678');
      await user.click(screen.getByTestId('help-submit'));
      const slip = await screen.findByTestId('help-slip');
      expect(within(slip).getByTestId('help-contact-time').textContent).toBe(
        '工作人员会在明天（周一）08:30上班后与您联系。',
      );
      expect(slip.textContent).not.toContain('24 小时内');
    });

    it('says plainly when the platform refuses an agent because nobody is on duty', async () => {
      const { user } = renderJourney(
        <HelpJourney matterCode={null} onExit={() => undefined} />,
        handlers({ 'assistance.request': () => err({ code: 'notStaffed' as const, message: 'off duty' }) }),
      );
      await user.click(await screen.findByTestId('help-submit'));
      await user.click(kind('agentAtStation'));
      await user.click(screen.getByTestId('help-submit'));
      expect((await screen.findByTestId('help-failed')).textContent).toContain('现在没有帮办员在岗，不能到站');
    });
  });
});
