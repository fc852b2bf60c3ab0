import { describe, expect, it } from 'vitest';
import type { QueuedVideoCall } from '../../../contract/video-help';
import { formatWaiting, sortQueue, waitingSeconds } from './agent-queue';

const call = (callId: string, requestedAt: string): QueuedVideoCall => ({
  callId,
  requestId: 'AR-20260301-0001',
  stationId: '370784-JZ-DB',
  stationName: '东北村便民服务站',
  terminalId: 'KIOSK-0001',
  topic: 'general',
  topicName: '综合咨询',
  matter: null,
  elderMode: false,
  requestedAt,
});

describe('agent queue', () => {
  it('puts the oldest request first, whatever order the frames brought', () => {
    const sorted = sortQueue([
      call('VC-20260301-0003', '2026-03-01T02:00:30.000Z'),
      call('VC-20260301-0001', '2026-03-01T02:00:00.000Z'),
      call('VC-20260301-0002', '2026-03-01T02:00:10.000Z'),
    ]);
    expect(sorted.map((c) => c.callId)).toEqual(['VC-20260301-0001', 'VC-20260301-0002', 'VC-20260301-0003']);
  });

  it('breaks a tie of request times by call number', () => {
    const at = '2026-03-01T02:00:00.000Z';
    expect(sortQueue([call('VC-20260301-0012', at), call('VC-20260301-0011', at)]).map((c) => c.callId)).toEqual([
      'VC-20260301-0011',
      'VC-20260301-0012',
    ]);
  });

  it('counts whole seconds waited and never below zero when the PC clock is behind', () => {
    const requested = '2026-03-01T02:00:00.000Z';
    expect(waitingSeconds(requested, new Date('2026-03-01T02:01:05.900Z'))).toBe(65);
    expect(waitingSeconds(requested, new Date('2026-03-01T01:59:58.000Z'))).toBe(0);
    expect(waitingSeconds('not a time', new Date())).toBe(0);
  });

  it('shows waiting time as a clock', () => {
    expect(formatWaiting(0)).toBe('0:00');
    expect(formatWaiting(65)).toBe('1:05');
    expect(formatWaiting(3600 + 2 * 60 + 3)).toBe('1:02:03');
  });
});
