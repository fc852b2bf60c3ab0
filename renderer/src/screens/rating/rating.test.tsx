import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RatingResult } from '../../../../core/api/care';
import type { CompletedService } from '../../../../core/api/resident';
import { err, ok } from '../../../../core/pure/result';
import { RATING_LEVEL_LABELS, type RatingOptionSet } from '../../../../platform/contract/ratings';
import { ELDER_MAX_CHOICES } from '../../styles/sizes';
import type { FakeHandlers } from '../../test/fake-host';
import { choicesIn, speechMarks } from '../../test/elder-checks';
import { RatingJourney } from './RatingJourney';
import { deferred, renderJourney } from './render-journey.testing';

const AT = '2026-11-21T08:00:00.000+08:00';

const service = (ref: string, title: string, rated = false): CompletedService => ({
  kind: 'ticket',
  ref,
  title,
  matterCode: null,
  completedAt: AT,
  rated,
});

const optionCodes: Record<number, string[]> = {
  5: ['veryFast', 'veryKind'],
  4: ['fast', 'kind'],
  3: ['okay'],
  2: ['slow', 'unclearGuide'],
  1: ['rude', 'refused'],
};

const options: RatingOptionSet & { source: 'platform' } = {
  version: 'RO-2026.1',
  publishedAt: AT,
  isSample: true,
  source: 'platform',
  levels: ([5, 4, 3, 2, 1] as const).map((level) => ({
    level,
    label: RATING_LEVEL_LABELS[level],
    options: (optionCodes[level] ?? []).map((code) => ({ code, label: `选项${code}` })),
  })),
};

const delivered: RatingResult = { status: 'delivered', workOrderNo: null, followUpBy: null };

function handlers(services: CompletedService[], overrides: FakeHandlers = {}): FakeHandlers {
  return {
    'session.completedServices': () => ok(services),
    'rating.options': () => ok(options),
    'rating.submit': () => ok(delivered),
    ...overrides,
  };
}

const levelButton = (level: number) =>
  screen.getAllByTestId('rating-level').find((button) => button.dataset['level'] === String(level))!;
const pressed = () =>
  screen
    .getAllByTestId('rating-level')
    .filter((button) => button.getAttribute('aria-pressed') === 'true')
    .map((button) => Number(button.dataset['level']));
const shownOptionCodes = () => screen.queryAllByTestId('rating-option').map((chip) => chip.dataset['code']);

describe('rating journey', () => {
  it('goes straight to the only service, with five levels in order and none chosen', async () => {
    renderJourney(<RatingJourney onExit={() => undefined} />, handlers([service('T-A012-01', '取号 A012')]));
    await screen.findByTestId('rating-form');
    expect(screen.getByTestId('rating-service-title').textContent).toContain('取号 A012');
    const levels = screen.getAllByTestId('rating-level');
    expect(levels.map((button) => button.dataset['level'])).toEqual(['5', '4', '3', '2', '1']);
    expect(levels.map((button) => button.textContent)).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    expect(pressed()).toEqual([]);
    // Not yet: marked disabled, and a tap says why.
    expect(screen.getByTestId('rating-submit').getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByTestId('rating-options')).toBeNull();
  });

  it('takes the level from the keypad, shows only that level’s options, and lets the resident change it', async () => {
    const { fake, user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')]),
    );
    await screen.findByTestId('rating-form');

    act(() => fake.emit('keypad.pressed', { level: 4, key: 'report:04' }));
    expect(pressed()).toEqual([4]);
    expect(shownOptionCodes()).toEqual(['fast', 'kind']);
    expect(screen.getByTestId<HTMLButtonElement>('rating-submit').disabled).toBe(false);

    // A key with no level does nothing.
    act(() => fake.emit('keypad.pressed', { level: null, key: 'report:09' }));
    expect(pressed()).toEqual([4]);

    await user.click(screen.getAllByTestId('rating-option')[0]!);
    await user.click(levelButton(5));
    expect(pressed()).toEqual([5]);
    expect(shownOptionCodes()).toEqual(['veryFast', 'veryKind']);
    // Options of the old level are not carried to the new one.
    expect(screen.getAllByTestId('rating-option').every((chip) => chip.getAttribute('aria-pressed') === 'false')).toBe(
      true,
    );
  });

  it('asks for a callback phone only for 不满意 and 非常不满意', async () => {
    const { fake, user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')]),
    );
    await screen.findByTestId('rating-form');
    for (const level of [5, 4, 3]) {
      await user.click(levelButton(level));
      expect(screen.queryByTestId('rating-phone')).toBeNull();
    }
    act(() => fake.emit('keypad.pressed', { level: 2, key: 'report:02' }));
    expect(screen.getByTestId('rating-phone')).toBeTruthy();
    expect(screen.getByTestId('rating-follow-up').textContent).toContain('15个工作日');
    await user.click(levelButton(1));
    expect(screen.getByTestId('rating-phone')).toBeTruthy();
    await user.click(levelButton(3));
    expect(screen.queryByTestId('rating-phone')).toBeNull();
  });

  it('sends a bad rating once, with its options and phone, however often 提交 is pressed', async () => {
    const answer = deferred<ReturnType<typeof ok<RatingResult>>>();
    const submit = vi.fn(() => answer.promise);
    const { fake, user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')], { 'rating.submit': submit }),
    );
    await screen.findByTestId('rating-form');
    await user.click(levelButton(1));
    await user.click(screen.getAllByTestId('rating-option')[1]!);
    const pad = screen.getByTestId('rating-phone');
    for (const digit of '13912345678') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
    expect(screen.getByTestId('rating-phone-value').textContent).toContain('13912345678');

    const button = screen.getByTestId('rating-submit');
    await user.click(button);
    await user.click(button);
    act(() => fake.emit('keypad.pressed', { level: 5, key: 'report:05' }));

    expect(fake.callsTo('rating.submit')).toHaveLength(1);
    expect(fake.callsTo('rating.submit')[0]).toEqual({
      confirmationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      service: { kind: 'ticket', ref: 'T-A012-01' },
      level: 1,
      optionsVersion: 'RO-2026.1',
      optionCodes: ['refused'],
      callbackPhone: '13912345678',
    });

    await act(async () => {
      answer.resolve(ok({ status: 'delivered', workOrderNo: 'WO-20261121-0007', followUpBy: '2026-12-12' }));
      await answer.promise;
    });
    const thanks = await screen.findByTestId('rating-thanks');
    expect(within(thanks).getByTestId('rating-work-order').textContent).toContain('WO-20261121-0007');
    expect(within(thanks).getByTestId('rating-follow-up-by').textContent).toContain('2026-12-12');
    expect(within(thanks).getByTestId('rating-delivery').textContent).toContain('已送达');
  });

  it('says plainly when the rating is saved on the kiosk', async () => {
    const { user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')], {
        'rating.submit': () => ok({ status: 'savedOffline', workOrderNo: null, followUpBy: null }),
      }),
    );
    await screen.findByTestId('rating-form');
    await user.click(levelButton(5));
    await user.click(screen.getByTestId('rating-submit'));
    expect((await screen.findByTestId('rating-delivery')).textContent).toContain('已保存在本机');
    expect(screen.queryByTestId('rating-work-order')).toBeNull();
  });

  it('lists several services, rates one, then offers the next', async () => {
    const { fake, user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([
        service('T-A012-01', '取号 A012'),
        service('AP-000123', '预约 09:30'),
        service('T-OLD-01', '早先的', true),
      ]),
    );
    const list = await screen.findByTestId('rating-service-list');
    expect(
      within(list)
        .getAllByTestId('rating-service')
        .map((item) => item.dataset['ref']),
    ).toEqual(['T-A012-01', 'AP-000123']);
    // With a list on screen the keypad cannot know which service it rates.
    act(() => fake.emit('keypad.pressed', { level: 5, key: 'report:05' }));
    expect(screen.queryByTestId('rating-form')).toBeNull();

    await user.click(within(list).getAllByTestId('rating-service')[1]!);
    await user.click(levelButton(3));
    await user.click(screen.getByTestId('rating-submit'));
    await user.click(await screen.findByTestId('rating-another'));
    // One left: straight to it.
    expect((await screen.findByTestId('rating-form')).getAttribute('data-ref')).toBe('T-A012-01');
  });

  it('says so when nothing from this visit can be rated, and goes back', async () => {
    const onExit = vi.fn();
    const { user } = renderJourney(<RatingJourney onExit={onExit} />, handlers([service('T-OLD-01', '早先的', true)]));
    expect((await screen.findByTestId('rating-nothing')).textContent).toContain('本次没有可评价的服务');
    await user.click(screen.getByTestId('rating-done'));
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['alreadyRated', '已经评价过了'],
    ['unknownService', '没有找到这项服务'],
  ] as const)('explains %s in plain words', async (code, words) => {
    const { user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')], { 'rating.submit': () => err({ code, message: 'no' }) }),
    );
    await screen.findByTestId('rating-form');
    await user.click(levelButton(4));
    await user.click(screen.getByTestId('rating-submit'));
    const problem = await screen.findByTestId('rating-problem');
    expect(problem.textContent).toContain(words);
    expect(within(problem).queryByTestId('rating-resend')).toBeNull();
  });

  it('explains when the rating options are not available', async () => {
    renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')], {
        'rating.options': () => err({ code: 'notAvailable' as const, message: 'none stored' }),
      }),
    );
    expect((await screen.findByTestId('rating-problem')).textContent).toContain('评价暂时无法进行');
  });

  it('types the comment on the on-screen pinyin keyboard', async () => {
    const { user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')]),
    );
    await screen.findByTestId('rating-form');
    await user.click(levelButton(4));
    expect(screen.queryByTestId('rating-comment-keyboard')).toBeNull();
    await user.click(screen.getByTestId('rating-comment'));
    const keyboard = screen.getByTestId('rating-comment-keyboard');
    expect(keyboard.hasAttribute('data-input-pad')).toBe(true);
    expect(screen.getByTestId<HTMLTextAreaElement>('rating-comment').maxLength).toBe(300);
  });
});

describe('rating journey in 长辈版', () => {
  const step = () => screen.getByTestId('rating-form').dataset['step'];
  const form = () => screen.getByTestId('rating-screen');

  it('asks one question per step, never more than six choices, and sends what was chosen once', async () => {
    const submit = vi.fn(() => ok({ status: 'delivered' as const, workOrderNo: 'WO-1', followUpBy: '2026-12-12' }));
    const many = {
      ...options,
      levels: options.levels.map((entry) =>
        entry.level === 2
          ? { ...entry, options: Array.from({ length: 8 }, (_, i) => ({ code: `bad${i}`, label: `问题${i}` })) }
          : entry,
      ),
    };
    const { user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')], { 'rating.options': () => ok(many), 'rating.submit': submit }),
      { profile: 'elder' },
    );
    await screen.findByTestId('rating-form');
    // The levels alone: five choices, no 提交 yet.
    expect(step()).toBe('level');
    expect(choicesIn(form())).toBe(5);
    expect(screen.queryByTestId('rating-submit')).toBeNull();
    expect(speechMarks(form())).toEqual({
      titles: ['好差评', '您对“取号 A012”满意吗？'],
      hints: ['请点一下您的满意程度，也可以按评价器上的按键'],
    });

    await user.click(levelButton(2));
    // Eight options beside 重新选择 and 下一步: two to a page, with the page buttons.
    expect(step()).toBe('options');
    expect(screen.getByTestId('rating-chosen').textContent).toBe('您选的是：不满意');
    expect(shownOptionCodes()).toEqual(['bad0', 'bad1']);
    expect(choicesIn(form())).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    await user.click(screen.getAllByTestId('rating-option')[1]!);
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(choicesIn(form())).toBe(ELDER_MAX_CHOICES);
    await user.click(screen.getAllByTestId('rating-option')[0]!);
    await user.click(screen.getByTestId('rating-step-next'));

    expect(step()).toBe('comment');
    expect(speechMarks(form()).hints).toEqual(['可以不填，直接点“下一步”']);
    await user.type(screen.getByTestId('rating-comment'), 'ok');
    expect(choicesIn(form())).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    await user.click(screen.getByTestId('rating-step-next'));

    // 差评: the follow-up promise and the phone pad, which is one input.
    expect(step()).toBe('phone');
    expect(screen.getByTestId('rating-follow-up').textContent).toContain('15个工作日');
    const pad = screen.getByTestId('rating-phone');
    for (const digit of '13912345678') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
    expect(choicesIn(form())).toBe(3);
    const send = screen.getByTestId('rating-submit');
    await user.click(send);
    await user.click(send);

    await screen.findByTestId('rating-thanks');
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]).toEqual([
      expect.objectContaining({ level: 2, optionCodes: ['bad1', 'bad2'], comment: 'ok', callbackPhone: '13912345678' }),
    ]);
    expect(speechMarks(form())).toEqual({ titles: ['好差评', '感谢您的评价'], hints: ['评价已送达政务服务平台。'] });
  });

  it('a level from the keypad goes on to its options; 重新选择 goes back to the levels', async () => {
    const { fake, user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')]),
      { profile: 'elder' },
    );
    await screen.findByTestId('rating-form');
    act(() => fake.emit('keypad.pressed', { level: 5, key: 'report:05' }));
    expect(step()).toBe('options');
    expect(shownOptionCodes()).toEqual(['veryFast', 'veryKind']);
    await user.click(screen.getByTestId('rating-step-back'));
    expect(step()).toBe('level');
    expect(pressed()).toEqual([5]);
    // The same level again still answers the question.
    await user.click(levelButton(5));
    expect(step()).toBe('options');
    await user.click(screen.getByTestId('rating-step-next'));
    // 满意 has no phone step: the comment is the last, with 提交.
    expect(step()).toBe('comment');
    expect(screen.getByTestId<HTMLButtonElement>('rating-submit').disabled).toBe(false);
  });

  it('keeps the answers when the resident switches between 长辈版 and the standard form', async () => {
    const { user, setProfile } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      handlers([service('T-A012-01', '取号 A012')]),
    );
    await screen.findByTestId('rating-form');
    await user.click(levelButton(2));
    setProfile('elder');
    expect(step()).toBe('options');
    await user.click(screen.getAllByTestId('rating-option')[0]!);
    setProfile('standard');
    expect(pressed()).toEqual([2]);
    expect(screen.getAllByTestId('rating-option')[0]!.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('rating-phone')).toBeTruthy();
  });
});
