import { createActor, SimulatedClock, waitFor } from 'xstate';
import { describe, expect, it, vi } from 'vitest';
import type { CompletedService } from '../../../../core/api/resident';
import { ok } from '../../../../core/pure/result';
import { RATING_LEVEL_LABELS } from '../../../../platform/contract/ratings';
import {
  createRatingMachine,
  RATING_TIMEOUTS,
  submitInput,
  type RatingApi,
  type RatingSubmitInput,
} from './rating-machine';

const AT = '2026-11-21T08:00:00.000+08:00';
const ticket: CompletedService = {
  kind: 'ticket',
  ref: 'T-A012-01',
  title: 'A012',
  matterCode: null,
  completedAt: AT,
  rated: false,
};

function fakeApi() {
  const submit = vi.fn((_input: RatingSubmitInput) =>
    Promise.resolve(ok({ status: 'delivered' as const, workOrderNo: null, followUpBy: null })),
  );
  const api: RatingApi = {
    'session.completedServices': () => Promise.resolve(ok([ticket])),
    'rating.options': () =>
      Promise.resolve(
        ok({
          version: 'RO-1',
          publishedAt: AT,
          isSample: true,
          source: 'cache' as const,
          levels: ([5, 4, 3, 2, 1] as const).map((level) => ({
            level,
            label: RATING_LEVEL_LABELS[level],
            options: [{ code: `l${level}`, label: 'x' }],
          })),
        }),
      ),
    'rating.submit': submit,
  };
  return { api, submit };
}

async function startRating(api: RatingApi, ids: () => string = () => crypto.randomUUID()) {
  const clock = new SimulatedClock();
  const actor = createActor(createRatingMachine(api, ids), { clock }).start();
  await waitFor(actor, (snapshot) => snapshot.matches('rating'));
  return { actor, clock };
}

describe('rating machine', () => {
  it('leaves an untouched rating screen after its timeout, sending nothing', async () => {
    const { api, submit } = fakeApi();
    const { actor, clock } = await startRating(api);
    clock.increment(RATING_TIMEOUTS.untouchedRating - 1);
    expect(actor.getSnapshot().matches('rating')).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().status).toBe('done');
    expect(submit).not.toHaveBeenCalled();
  });

  it('starts the untouched time again at every change', async () => {
    const { actor, clock } = await startRating(fakeApi().api);
    clock.increment(RATING_TIMEOUTS.untouchedRating - 1000);
    actor.send({ type: 'LEVEL', level: 4 });
    clock.increment(RATING_TIMEOUTS.untouchedRating - 1000);
    expect(actor.getSnapshot().matches('rating')).toBe(true);
    expect(actor.getSnapshot().context.draft?.level).toBe(4);
  });

  it('does not submit without a level, and sends once for two presses with one id per press', async () => {
    const { api, submit } = fakeApi();
    const ids = vi.fn().mockReturnValueOnce('00000000-0000-4000-8000-000000000001');
    const { actor } = await startRating(api, ids);
    actor.send({ type: 'SUBMIT' });
    expect(actor.getSnapshot().matches('rating')).toBe(true);

    actor.send({ type: 'LEVEL', level: 5 });
    actor.send({ type: 'SUBMIT' });
    actor.send({ type: 'SUBMIT' });
    await waitFor(actor, (snapshot) => snapshot.matches('thanks'));
    expect(submit).toHaveBeenCalledTimes(1);
    expect(ids).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]?.[0]).toMatchObject({ confirmationId: '00000000-0000-4000-8000-000000000001' });
  });

  it('refuses a callback phone above 差评 and drops it when the level goes up', async () => {
    const { actor } = await startRating(fakeApi().api);
    actor.send({ type: 'LEVEL', level: 3 });
    actor.send({ type: 'SET_PHONE', phone: '13912345678' });
    expect(actor.getSnapshot().context.draft?.callbackPhone).toBe('');

    actor.send({ type: 'LEVEL', level: 2 });
    actor.send({ type: 'SET_PHONE', phone: '13912345678' });
    actor.send({ type: 'TOGGLE_OPTION', code: 'l2' });
    const bad = submitInput(actor.getSnapshot().context, 'id');
    expect(bad).toMatchObject({ level: 2, callbackPhone: '13912345678', optionCodes: ['l2'] });

    actor.send({ type: 'LEVEL', level: 4 });
    const good = submitInput(actor.getSnapshot().context, 'id');
    expect(good).toMatchObject({ level: 4, optionCodes: [] });
    expect(good).not.toHaveProperty('callbackPhone');
  });
});
