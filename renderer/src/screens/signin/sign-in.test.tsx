import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createActor, SimulatedClock, waitFor as waitForActor } from 'xstate';
import type { ResidentSessionState, SignedInPerson } from '../../../../core/api/resident';
import { err, ok } from '../../../../core/pure/result';
import { renderJourney } from '../apply/testing/render-journey';
import { SignIn } from './SignIn';
import { SIGN_IN_TIMEOUTS, signInMachine, type SignInApi } from './sign-in-machine';

const applicantFromCard: SignedInPerson = {
  role: 'applicant',
  source: 'card',
  verified: true,
  idType: 'residentIdCard',
  name: '张三',
  idNumberMasked: '3701********9973',
  cardType: 'resident',
};
const VALID_ID = '370102199001011231';
const WRONG_CHECK_DIGIT = '370102199001011232';
const noOne: ResidentSessionState = { applicant: null, agent: null };
const signedIn: ResidentSessionState = { applicant: applicantFromCard, agent: null };

async function typeId(user: UserEvent, digits: string) {
  const keypad = screen.getByTestId('id-keypad');
  for (const key of digits) await user.click(within(keypad).getByText(key, { selector: 'button' }));
}

describe('SignIn by card', () => {
  it('waits for the card, reads it, and shows only the name and the masked number', async () => {
    const onSignedIn = vi.fn();
    const { fake, user } = renderJourney(
      <SignIn purpose="apply" allowAgent={false} onSignedIn={onSignedIn} onCancel={() => {}} />,
      {
        handlers: {
          'session.state': () => ok(noOne),
          'session.signInWithCard': () => ok(signedIn),
        },
      },
    );
    expect(await screen.findByText('请把身份证放在屏幕下方的读卡区')).toBeTruthy();
    fake.emit('idCard.event', { type: 'present' });
    expect(await screen.findByText('正在读取身份证，请不要移动…')).toBeTruthy();
    fake.emit('idCard.event', {
      type: 'read',
      card: { cardType: 'resident', nameMasked: '张*', idNumberMasked: '3701********9973' },
    });
    expect((await screen.findByTestId('signed-in-name')).textContent).toBe('张三');
    expect(screen.getByTestId('signed-in-id').textContent).toBe('3701********9973');
    expect(fake.callsTo('session.signInWithCard')).toEqual([{ role: 'applicant' }]);
    expect(onSignedIn).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('sign-in-continue'));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(signedIn));
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('offers typing after a failed read, saying so in plain words', async () => {
    const { fake } = renderJourney(
      <SignIn purpose="progress" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      { handlers: { 'session.state': () => ok(noOne) } },
    );
    await screen.findByTestId('card-prompt');
    fake.emit('idCard.event', { type: 'failed', code: 'readFailed' });
    expect((await screen.findByTestId('sign-in-notice')).textContent).toContain('身份证没有读出来');
    expect(screen.getByTestId('id-keypad')).toBeTruthy();
  });

  it('greets someone who already signed in this visit, and "不是您？" signs them out and asks again', async () => {
    let state = signedIn;
    const { fake, user } = renderJourney(
      <SignIn purpose="apply" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      {
        handlers: {
          'session.state': () => ok(state),
          'session.signOut': () => {
            state = noOne;
            return ok(noOne);
          },
        },
      },
    );
    await user.click(await screen.findByTestId('sign-in-not-me'));
    expect(await screen.findByTestId('card-prompt')).toBeTruthy();
    expect(fake.callsTo('session.signOut')).toHaveLength(1);
  });

  it('says what is wrong when the card has expired, and keeps waiting for another', async () => {
    const { user } = renderJourney(
      <SignIn purpose="apply" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      {
        handlers: {
          'session.state': () => ok(noOne),
          'session.signInWithCard': () => err({ code: 'cardExpired' as const, message: 'expired' }),
        },
      },
    );
    await user.click(await screen.findByText('我已放好身份证'));
    expect((await screen.findByTestId('sign-in-notice')).textContent).toContain('已过有效期');
    expect(screen.getByTestId('card-prompt')).toBeTruthy();
  });
});

describe('SignIn where only the card will do (a person’s records)', () => {
  const typedApplicant: ResidentSessionState = {
    applicant: { ...applicantFromCard, source: 'typed', verified: false, cardType: null },
    agent: null,
  };

  it('says why the card is needed, offers help instead of the keypad, and never types', async () => {
    const { fake, user } = renderJourney(
      <SignIn purpose="progress" requireCard="progress" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      { handlers: { 'session.state': () => ok(noOne) } },
    );
    await screen.findByTestId('card-prompt');
    expect(screen.getByTestId('card-required').textContent).toContain('查看您的办件记录需要刷身份证');
    expect(screen.queryByTestId('type-instead')).toBeNull();
    // A failed read asks for the card again; it does not open the keypad.
    fake.emit('idCard.event', { type: 'failed', code: 'readFailed' });
    expect((await screen.findByTestId('sign-in-notice')).textContent).toContain('再放一次');
    expect(screen.queryByTestId('id-keypad')).toBeNull();
    await user.click(screen.getByTestId('card-required-help'));
    expect(screen.getByTestId('shell-journey').textContent).toContain('"kind":"help"');
  });

  it('does not greet someone signed in by a typed number: it asks for their card', async () => {
    const { fake } = renderJourney(
      <SignIn purpose="checkIn" requireCard="checkIn" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      {
        handlers: {
          'session.state': () => ok(typedApplicant),
          'session.signInWithCard': () => ok(signedIn),
        },
      },
    );
    expect((await screen.findByTestId('sign-in-notice')).textContent).toContain('这一步需要刷身份证');
    expect(screen.getByTestId('card-required').textContent).toContain('查看和签到您的预约需要刷身份证');
    expect(screen.queryByTestId('signed-in')).toBeNull();
    fake.emit('idCard.event', {
      type: 'read',
      card: { cardType: 'resident', nameMasked: '张*', idNumberMasked: '3701********9973' },
    });
    expect((await screen.findByTestId('signed-in-name')).textContent).toBe('张三');
  });

  it('when the reader cannot read, says so with the hotline and offers help, not the keypad', async () => {
    renderJourney(
      <SignIn purpose="progress" requireCard="progress" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      {
        handlers: { 'session.state': () => ok(noOne) },
        journeys: {
          idCardSignIn: false,
          selfServiceSubmission: true,
          output: 'paper',
          keypadRating: true,
          scanCodes: false,
          videoHelp: false,
        },
      },
    );
    const unavailable = await screen.findByTestId('card-unavailable');
    expect(unavailable.textContent).toContain('读卡器暂时不能读卡');
    expect(unavailable.textContent).toContain('0536-4000123');
    expect(within(unavailable).getByTestId('card-required-help')).toBeTruthy();
    expect(screen.queryByTestId('id-keypad')).toBeNull();
  });
});

describe('SignIn by typing the ID number', () => {
  it('goes straight to the keypad when the reader cannot be used, and checks the check digit first', async () => {
    const { fake, user } = renderJourney(
      <SignIn purpose="apply" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      {
        journeys: {
          idCardSignIn: false,
          selfServiceSubmission: true,
          output: 'paper',
          keypadRating: true,
          scanCodes: false,
          videoHelp: false,
        },
        handlers: {
          'session.state': () => ok(noOne),
          'session.signInWithIdNumber': () =>
            ok({
              applicant: { ...applicantFromCard, source: 'typed' as const, verified: false, cardType: null },
              agent: null,
            }),
        },
      },
    );
    await screen.findByTestId('id-keypad');
    await typeId(user, WRONG_CHECK_DIGIT.slice(0, 6));
    expect(screen.getByTestId('id-number-display').textContent).toBe('370102');
    await typeId(user, WRONG_CHECK_DIGIT.slice(6, 10));
    expect(screen.getByTestId('id-number-display').textContent).toBe('370102 1990');
    await typeId(user, WRONG_CHECK_DIGIT.slice(10));
    expect(screen.getByTestId('id-number-display').textContent).toBe('370102 19900101 1232');
    await user.type(screen.getByTestId('typed-name'), '张三');
    await user.click(screen.getByTestId('typed-submit'));
    expect(screen.getByTestId('id-number-message').textContent).toBe('这个身份证号不对，请对照身份证逐位检查');
    expect(fake.callsTo('session.signInWithIdNumber')).toEqual([]);

    await user.click(within(screen.getByTestId('id-keypad')).getByText('删除'));
    await typeId(user, '1');
    await user.click(screen.getByTestId('typed-submit'));
    expect(await screen.findByTestId('signed-in')).toBeTruthy();
    expect(fake.callsTo('session.signInWithIdNumber')).toEqual([
      { role: 'applicant', idNumber: VALID_ID, name: '张三' },
    ]);
  });

  it('asks for the name and says a short number is incomplete', async () => {
    const { user } = renderJourney(
      <SignIn purpose="apply" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      { handlers: { 'session.state': () => ok(noOne) } },
    );
    await user.click(await screen.findByTestId('type-instead'));
    await typeId(user, '3701');
    await user.click(screen.getByTestId('typed-submit'));
    expect(screen.getByTestId('id-number-message').textContent).toContain('18位');
    expect(screen.getByText('请填写姓名')).toBeTruthy();
  });

  it('sends one sign-in however often 确认 is pressed, and keeps what was typed when refused', async () => {
    let answer: (value: ReturnType<typeof err<{ code: 'invalidIdNumber'; message: string }>>) => void = () => {};
    const { fake, user } = renderJourney(
      <SignIn purpose="apply" allowAgent={false} onSignedIn={() => {}} onCancel={() => {}} />,
      {
        handlers: {
          'session.state': () => ok(noOne),
          'session.signInWithIdNumber': () =>
            new Promise((resolve) => {
              answer = resolve;
            }),
        },
      },
    );
    await user.click(await screen.findByTestId('type-instead'));
    await typeId(user, VALID_ID);
    await user.type(screen.getByTestId('typed-name'), '李四');
    const submit = screen.getByTestId('typed-submit');
    await user.click(submit);
    await user.click(submit);
    await user.dblClick(submit);
    expect(fake.callsTo('session.signInWithIdNumber')).toHaveLength(1);
    answer(err({ code: 'invalidIdNumber', message: 'no such number' }));
    expect((await screen.findByTestId('sign-in-notice')).textContent).toContain('这个身份证号不对');
    expect(screen.getByTestId('id-number-display').textContent).toBe('370102 19900101 1231');
    expect(screen.getByTestId<HTMLInputElement>('typed-name').value).toBe('李四');
  });
});

describe('SignIn for someone else (经办人)', () => {
  it('signs the agent in with the relation, then the applicant, and explains samePerson', async () => {
    const agent = { ...applicantFromCard, role: 'agent' as const, name: '王五', relation: 'family' as const };
    const calls: string[] = [];
    const { fake, user } = renderJourney(
      <SignIn purpose="apply" allowAgent onSignedIn={() => {}} onCancel={() => {}} />,
      {
        handlers: {
          'session.state': () => ok(noOne),
          'session.signInWithCard': ({ role }) => {
            calls.push(role);
            if (role === 'agent') return ok({ applicant: null, agent });
            if (calls.filter((r) => r === 'applicant').length === 1)
              return err({ code: 'samePerson' as const, message: 'same card' });
            return ok({ applicant: applicantFromCard, agent });
          },
        },
      },
    );
    await user.click(await screen.findByTestId('sign-in-for-other'));
    await user.click(screen.getByText('家属'));
    expect(screen.getByTestId('sign-in-step').textContent).toBe('第一步：经办人确认身份');
    const card = { cardType: 'resident' as const, nameMasked: '王*', idNumberMasked: '3701********0011' };
    fake.emit('idCard.event', { type: 'read', card });
    expect((await screen.findByTestId('agent-done')).textContent).toBe('经办人 王五（家属）已确认');
    expect(screen.getByTestId('sign-in-step').textContent).toBe('第二步：申请人确认身份');
    fake.emit('idCard.event', { type: 'read', card });
    expect((await screen.findByTestId('sign-in-notice')).textContent).toContain('不能是同一个人');
    fake.emit('idCard.event', { type: 'read', card: { ...card, idNumberMasked: '3701********9973' } });
    expect((await screen.findByTestId('signed-in-name')).textContent).toBe('张三');
    expect(fake.callsTo('session.signInWithCard')).toEqual([
      { role: 'agent', relation: 'family' },
      { role: 'applicant' },
      { role: 'applicant' },
    ]);
  });
});

describe('sign-in machine timeouts', () => {
  it('offers typing when no card came within the named wait', async () => {
    const api: SignInApi = {
      'session.state': () => Promise.resolve(ok(noOne)),
      'session.signInWithCard': () => Promise.resolve(err({ code: 'noCard', message: 'no card' })),
      'session.signInWithIdNumber': () => Promise.resolve(err({ code: 'invalidIdNumber', message: 'invalid' })),
      'session.signOut': () => Promise.resolve(ok(noOne)),
    };
    const clock = new SimulatedClock();
    const actor = createActor(signInMachine, {
      input: { api, allowAgent: false, readerAvailable: true, requireCard: false },
      clock,
    });
    actor.start();
    await waitForActor(actor, (s) => s.matches('waitingForCard'));
    clock.increment(SIGN_IN_TIMEOUTS.cardWait - 1);
    expect(actor.getSnapshot().matches('waitingForCard')).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches('typing')).toBe(true);
    expect(actor.getSnapshot().context.notice).toBe('timedOut');
    actor.stop();
  });
});
