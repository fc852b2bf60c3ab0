import { describe, expect, it } from 'vitest';
import type { QueuedVideoCall } from '../../../contract/video-help';
import {
  EMPTY_REFERENCE,
  learnFromQueue,
  learnMatter,
  loadReference,
  saveReference,
  topicChoices,
  toggleTopic,
} from './agent-reference';

const queued = (topic: string, topicName: string, matterCode?: string): QueuedVideoCall => ({
  callId: 'VC-20260301-0001',
  requestId: 'AR-20260301-0001',
  stationId: '370784-JZ-DB',
  stationName: '东北村便民服务站',
  terminalId: 'KIOSK-0001',
  topic,
  topicName,
  matter: matterCode ? { matterCode, matterVersion: 1, matterName: `事项${matterCode}` } : null,
  elderMode: false,
  requestedAt: '2026-03-01T02:00:00.000Z',
});

describe('topics and matters learnt from the platform', () => {
  it('learns topics and matters from a queue, general always offered first', () => {
    const reference = learnFromQueue(EMPTY_REFERENCE, [
      queued('socialSecurity', '社会保障', 'SB-001'),
      queued('general', '综合咨询'),
      queued('civilAffairs', '民政服务'),
    ]);
    expect(topicChoices(reference).map((choice) => choice.id)).toEqual(['general', 'civilAffairs', 'socialSecurity']);
    expect(reference.matters).toEqual([{ matterCode: 'SB-001', matterName: '事项SB-001' }]);
  });

  it('gives back the same object when nothing is new (no needless save)', () => {
    const reference = learnFromQueue(EMPTY_REFERENCE, [queued('socialSecurity', '社会保障', 'SB-001')]);
    expect(learnFromQueue(reference, [queued('socialSecurity', '社会保障', 'SB-001')])).toBe(reference);
  });

  it('keeps the most recently seen matter first', () => {
    let reference = learnMatter(EMPTY_REFERENCE, { matterCode: 'A-1', matterName: 'A' });
    reference = learnMatter(reference, { matterCode: 'B-1', matterName: 'B' });
    reference = learnMatter(reference, { matterCode: 'A-1', matterName: 'A 新名' });
    expect(reference.matters.map((m) => m.matterName)).toEqual(['A 新名', 'B']);
  });

  it('toggles a topic in and out of the choice', () => {
    expect(toggleTopic(['a1'], 'b1')).toEqual(['a1', 'b1']);
    expect(toggleTopic(['a1', 'b1'], 'a1')).toEqual(['b1']);
  });

  it('remembers on this PC and drops what does not parse', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (k: string, v: string) => stored.set(k, v),
    };
    const reference = {
      ...learnFromQueue(EMPTY_REFERENCE, [queued('socialSecurity', '社会保障')]),
      chosen: ['socialSecurity'],
    };
    saveReference(storage, reference);
    expect(loadReference(storage)).toEqual(reference);
    stored.set([...stored.keys()][0] ?? '', '{"topics":{"Bad Id!":"x"},"matters":[],"chosen":[]}');
    expect(loadReference(storage)).toEqual(EMPTY_REFERENCE);
    stored.set([...stored.keys()][0] ?? '', 'not json');
    expect(loadReference(storage)).toEqual(EMPTY_REFERENCE);
  });
});
