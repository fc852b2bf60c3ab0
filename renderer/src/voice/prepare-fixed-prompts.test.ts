import { describe, expect, it } from 'vitest';
import type { KioskContract } from '../../../core/api/contract';
import type { Client } from '../../../core/api/client';
import { err, ok } from '../../../core/pure/result';
import type { PrepareSpeechResult } from '../../../core/api/speech';
import { PREPARE_BATCH_SIZE, prepareFixedPrompts } from './prepare-fixed-prompts';

type Answer = Awaited<ReturnType<Client<KioskContract>['call']>>;
interface PrepareCall {
  texts: string[];
  locale: string;
  rate: string;
}

function fakeApi(answer: (call: PrepareCall) => Answer) {
  const calls: PrepareCall[] = [];
  const api = {
    call: (method: string, input: unknown) => {
      if (method !== 'speech.prepare') throw new Error(`unexpected ${method}`);
      const call = input as PrepareCall;
      calls.push(call);
      return Promise.resolve(answer(call));
    },
  } as Pick<Client<KioskContract>, 'call'>;
  return { api, calls };
}

const allPrepared = (call: PrepareCall) =>
  ok<PrepareSpeechResult>({ prepared: call.texts.length, failed: 0 }) as Answer;

describe('prepareFixedPrompts', () => {
  it('asks for the same utterances the player will, at both rates, in batches of at most 50', async () => {
    const titles = Array.from({ length: 60 }, (_, i) => `标题${i}`);
    const { api, calls } = fakeApi(allPrepared);
    const result = await prepareFixedPrompts(api, [...titles, '请核对材料。再申报。', '标题0'], 'zh-CN');

    expect(calls.map((call) => [call.rate, call.texts.length])).toEqual([
      ['slow', PREPARE_BATCH_SIZE],
      ['slow', 12],
      ['normal', PREPARE_BATCH_SIZE],
      ['normal', 12],
    ]);
    expect(calls.every((call) => call.locale === 'zh-CN')).toBe(true);
    expect(calls[1]?.texts.slice(-2)).toEqual(['请核对材料。', '再申报。']);
    expect(result).toEqual({ prepared: 124, failed: 0, unavailable: false });
  });

  it('leaves out strings with interpolation', async () => {
    const { api, calls } = fakeApi(allPrepared);
    await prepareFixedPrompts(api, ['{{count}} 秒后将回到开始页面', '请选择事项'], 'zh-CN');
    expect(calls.map((call) => call.texts)).toEqual([['请选择事项'], ['请选择事项']]);
  });

  it('stops asking when core has no speech', async () => {
    const { api, calls } = fakeApi(() => err({ code: 'speechUnavailable', message: 'no engine' }));
    const result = await prepareFixedPrompts(api, ['首页', '取号'], 'en');
    expect(calls).toHaveLength(1);
    expect(result).toEqual({ prepared: 0, failed: 4, unavailable: true });
  });
});
