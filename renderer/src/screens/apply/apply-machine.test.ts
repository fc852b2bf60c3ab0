import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import type { ApplicationDraft, ApplicationReceipt } from '../../../../core/api/applications';
import { err, ok } from '../../../../core/pure/result';
import type { Response } from '../../../../core/api/types';
import type { KioskContract } from '../../../../core/api/contract';
import type { ApplyApi, SubmitInput } from './apply-api';
import { APPLY_TIMEOUTS } from './apply-context';
import { applyMachine } from './apply-machine';

const CODE = '370784-CJ-020';

const draft: ApplicationDraft = {
  matters: [{ matterCode: CODE, matterVersion: 2, matterName: '城乡居民养老保险参保登记', promisedWorkingDays: 5 }],
  lifeEventId: null,
  catalogVersion: '2026.11.20-1',
  fields: [
    {
      name: 'phone',
      label: '联系电话',
      kind: 'phone',
      required: true,
      prefillFrom: null,
      rememberable: true,
      value: '13805361234',
      filledFrom: 'history',
    },
  ],
  materials: [],
  delivery: {
    pickUp: { servicePointId: 'sp-dongcun', name: '东村便民服务站', address: '东村村委会一楼' },
    mail: false,
    mailDefaults: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市' },
    cardAddress: '山东省安丘市景芝镇东埠村123号',
  },
  history: null,
};

const receipt: ApplicationReceipt = {
  localRef: '6f1c2a4e-8a55-4c1e-9a0b-2f7d1e3c4b5a',
  status: 'savedOffline',
  matters: [
    {
      matter: { matterCode: CODE, matterVersion: 2, matterName: '城乡居民养老保险参保登记' },
      caseNo: null,
      promisedBy: null,
    },
  ],
  submittedAt: '2026-11-20T10:15:00+08:00',
  receiptLines: [],
  progressQr: 'https://platform.example/progress?ref=6f1c2a4e',
  print: { output: 'paper', problem: null },
};

type SubmitAnswer = Response<KioskContract, 'application.submit'>;

/** An API whose submit answers from a list, one answer per call, recording what was sent. */
function scriptedApi(answers: SubmitAnswer[]) {
  const submits: SubmitInput[] = [];
  let ids = 0;
  const api: ApplyApi = {
    'application.start': () => Promise.resolve(ok(draft)),
    'application.consentToHistory': () => Promise.resolve(ok({})),
    'application.historyPrefill': () => Promise.resolve(ok({ values: {} })),
    'application.submit': (input) => {
      submits.push(input);
      const answer = answers.shift();
      if (!answer) throw new Error('no scripted answer left');
      return Promise.resolve(answer);
    },
    'application.reprintReceipt': () => Promise.resolve(ok({ output: 'paper', problem: null })),
    'capture.discard': () => Promise.resolve(ok({})),
  };
  const newConfirmationId = () => `00000000-0000-4000-8000-00000000000${++ids}`;
  return { api, newConfirmationId, submits };
}

async function toReview(
  { api, newConfirmationId }: { api: ApplyApi; newConfirmationId: () => string },
  clock: SimulatedClock,
) {
  const actor = createActor(applyMachine, {
    input: { api, newConfirmationId, matterCodes: [CODE], lifeEventId: null, selfServiceAvailable: true },
    clock,
  });
  actor.start();
  actor.send({ type: 'SIGNED_IN', state: { applicant: null, agent: null } });
  await waitFor(actor, (s) => s.matches('form'));
  actor.send({ type: 'NEXT' }); // form → (no materials) → delivery
  expect(actor.getSnapshot().matches('delivery')).toBe(true);
  actor.send({ type: 'NEXT' });
  expect(actor.getSnapshot().matches('review')).toBe(true);
  return actor;
}

const transport: SubmitAnswer = err({ code: 'transport', message: 'socket closed' });

describe('apply machine: submitting', () => {
  it('resends after a transport failure with the same confirmationId, after the named pause', async () => {
    const clock = new SimulatedClock();
    const { submits, ...scripted } = scriptedApi([transport, ok(receipt)]);
    const actor = await toReview(scripted, clock);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('submitFailed'));
    expect(submits).toHaveLength(1);
    clock.increment(APPLY_TIMEOUTS.submitRetry - 1);
    expect(submits).toHaveLength(1);
    clock.increment(1);
    await waitFor(actor, (s) => s.matches('receipt'));
    expect(submits).toHaveLength(2);
    expect(submits[1]?.confirmationId).toBe(submits[0]?.confirmationId);
    actor.stop();
  });

  it('stops resending by itself after a few tries and waits for 再试一次, still with the same id', async () => {
    const clock = new SimulatedClock();
    const { submits, ...scripted } = scriptedApi([transport, transport, transport, ok(receipt)]);
    const actor = await toReview(scripted, clock);
    actor.send({ type: 'CONFIRM' });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await waitFor(actor, (s) => s.matches('submitFailed') && s.context.submitAttempts === attempt);
      clock.increment(APPLY_TIMEOUTS.submitRetry);
    }
    expect(submits).toHaveLength(3);
    expect(actor.getSnapshot().matches('submitFailed')).toBe(true);
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('receipt'));
    expect(new Set(submits.map((s) => s.confirmationId)).size).toBe(1);
    actor.stop();
  });

  it('makes a new confirmation after a refusal sent the resident back to change something', async () => {
    const clock = new SimulatedClock();
    const { submits, ...scripted } = scriptedApi([err({ code: 'invalidForm', message: 'phone' }), ok(receipt)]);
    const actor = await toReview(scripted, clock);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ form: 'editing' }));
    actor.send({ type: 'SET_FIELD', name: 'phone', value: '13905360000' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches('review')).toBe(true);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('receipt'));
    expect(submits[1]?.form).toEqual({ phone: '13905360000' });
    expect(submits[1]?.confirmationId).not.toBe(submits[0]?.confirmationId);
    actor.stop();
  });
});

describe('apply machine: the receipt', () => {
  it('ends the journey by itself after the named receipt time', async () => {
    const clock = new SimulatedClock();
    const scripted = scriptedApi([ok(receipt)]);
    const actor = await toReview(scripted, clock);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('receipt'));
    clock.increment(APPLY_TIMEOUTS.receiptIdle - 1);
    expect(actor.getSnapshot().status).toBe('active');
    clock.increment(1);
    expect(actor.getSnapshot().status).toBe('done');
  });
});
