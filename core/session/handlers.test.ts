import { afterEach, describe, expect, it, vi } from 'vitest';
import { idCardFixtures } from '../../drivers/idcard';
import type { ResidentCard } from '../../drivers/idcard/card';
import { testServiceDeps } from '../testing/service-deps';
import { buildSessionHandlers, CARD_WAIT_MS } from './handlers';

const ctx = { host: 'test' as const, requestId: 't' };
const { elderlyResident, womanResident, hongKongPermit } = idCardFixtures;

function setup() {
  const kit = testServiceDeps({ session: 'real' });
  const handlers = buildSessionHandlers(kit.deps);
  return { ...kit, handlers };
}

describe('resident sign-in', () => {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const close of open.splice(0)) await close();
  });
  const kit = () => {
    const made = setup();
    open.push(made.close);
    return made;
  };

  it('signs in with the card read in this session: full name, masked number, id type from the card', async () => {
    const { handlers, devices, session } = kit();
    devices.placeCard(elderlyResident);
    const state = await handlers['session.signInWithCard']({ role: 'applicant' }, ctx);
    expect(state).toEqual({
      ok: true,
      value: {
        applicant: {
          role: 'applicant',
          source: 'card',
          verified: true,
          idType: 'residentIdCard',
          name: '王示例',
          idNumberMasked: '3707**********0035',
          cardType: 'resident',
        },
        agent: null,
      },
    });
    expect(session.applicant()?.person.idNumber).toBe('370784194803150035');
    expect(JSON.stringify(state)).not.toContain('370784194803150035');
  });

  it('waits for the next card when none was read yet, and uses each card once', async () => {
    const { handlers, devices } = kit();
    const pending = handlers['session.signInWithCard']({ role: 'applicant' }, ctx);
    devices.placeCard(hongKongPermit);
    expect(await pending).toMatchObject({ ok: true, value: { applicant: { idType: 'hkMacaoTaiwanResidencePermit' } } });

    vi.useFakeTimers();
    const again = handlers['session.signInWithCard']({ role: 'agent', relation: 'family' }, ctx);
    await vi.advanceTimersByTimeAsync(CARD_WAIT_MS);
    expect(await again).toMatchObject({ ok: false, error: { code: 'noCard' } });
  });

  it('refuses an expired card but never a 长期 one', async () => {
    const { handlers, devices } = kit();
    const expired: ResidentCard = { ...womanResident, validTo: '2020-01-01' };
    devices.placeCard(expired);
    expect(await handlers['session.signInWithCard']({ role: 'applicant' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'cardExpired' },
    });
    devices.placeCard({ ...elderlyResident, validTo: 'long-term' });
    expect((await handlers['session.signInWithCard']({ role: 'applicant' }, ctx)).ok).toBe(true);
  });

  it('answers readerUnavailable when the reader is down, without waiting', async () => {
    const { handlers, devices } = kit();
    devices.journeys.idCardSignIn = false;
    expect(await handlers['session.signInWithCard']({ role: 'applicant' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'readerUnavailable' },
    });
  });

  it('an agent needs a relation and cannot also be the applicant', async () => {
    const { handlers, devices } = kit();
    expect(await handlers['session.signInWithCard']({ role: 'agent' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'relationRequired' },
    });
    devices.placeCard(womanResident);
    const agent = await handlers['session.signInWithCard']({ role: 'agent', relation: 'family' }, ctx);
    expect(agent).toMatchObject({
      ok: true,
      value: { agent: { relation: 'family', name: '李测试' }, applicant: null },
    });
    devices.placeCard(womanResident);
    expect(await handlers['session.signInWithCard']({ role: 'applicant' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'samePerson' },
    });
    expect(
      await handlers['session.signInWithIdNumber'](
        { role: 'applicant', idNumber: womanResident.idNumber, name: '李测试' },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'samePerson' } });
    devices.placeCard(elderlyResident);
    expect(await handlers['session.signInWithCard']({ role: 'applicant' }, ctx)).toMatchObject({
      ok: true,
      value: { applicant: { name: '王示例' }, agent: { name: '李测试' } },
    });
  });

  it('signs in with a typed number only when its check digit and birth date hold', async () => {
    const { handlers, session } = kit();
    expect(
      await handlers['session.signInWithIdNumber'](
        { role: 'applicant', idNumber: '370784194803150036', name: '王示例' },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalidIdNumber' } });
    const typed = await handlers['session.signInWithIdNumber'](
      { role: 'applicant', idNumber: '370784194803150035', name: ' 王示例 ' },
      ctx,
    );
    expect(typed).toMatchObject({
      ok: true,
      value: { applicant: { source: 'typed', verified: false, cardType: null, name: '王示例' } },
    });
    expect(session.applicant()?.proof).toEqual({ kind: 'typed' });
  });

  it('signs out, and a session end forgets people, cards and completed services', async () => {
    const { handlers, devices, session } = kit();
    devices.placeCard(elderlyResident);
    await handlers['session.signInWithCard']({ role: 'applicant' }, ctx);
    session.recordCompleted({ kind: 'ticket', ref: 'A012-20261121', title: '取号 A012', matterCode: null });
    expect(await handlers['session.completedServices']({}, ctx)).toMatchObject({
      ok: true,
      value: [{ kind: 'ticket', ref: 'A012-20261121', rated: false }],
    });
    expect(await handlers['session.signOut']({}, ctx)).toEqual({ ok: true, value: { applicant: null, agent: null } });

    devices.placeCard(womanResident);
    const ended = vi.fn();
    session.onEnd(ended);
    session.end();
    expect(ended).toHaveBeenCalledOnce();
    expect(session.completed()).toEqual([]);
    // The card read before the end belongs to the previous resident: it does not sign anyone in.
    vi.useFakeTimers();
    const next = handlers['session.signInWithCard']({ role: 'applicant' }, ctx);
    await vi.advanceTimersByTimeAsync(CARD_WAIT_MS);
    expect(await next).toMatchObject({ ok: false, error: { code: 'noCard' } });
  });
});
