import { describe, expect, it } from 'vitest';
import type { QueueWindowView } from '../../../contract/console/queue-views';
import { conflictCode, enabledVerbs, formatTimer, openWords, secondsSince } from './queue-window';

const window = (status: QueueWindowView['window']['status'], staffIsMe: boolean): QueueWindowView['window'] => ({
  stationId: 's',
  windowNo: 1,
  label: '1号窗口',
  serviceCodes: ['general'],
  status,
  staffName: status === 'closed' ? null : 'alice',
  staffIsMe,
  updatedAt: '2025-03-04T01:00:00.000Z',
});
const ticket = (status: 'called' | 'serving') => ({ status }) as unknown as NonNullable<QueueWindowView['current']>;
const verbs = (view: Pick<QueueWindowView, 'window' | 'current'>) => [...enabledVerbs(view)].sort();

describe('the window page’s verbs', () => {
  it('offers only what the person at the window can do now', () => {
    expect(verbs({ window: window('closed', false), current: null })).toEqual(['open']);
    expect(verbs({ window: window('open', false), current: null })).toEqual([]);
    expect(verbs({ window: window('open', true), current: null })).toEqual(['callNext', 'close', 'pause']);
    expect(verbs({ window: window('paused', true), current: null })).toEqual(['close', 'open']);
    expect(verbs({ window: window('open', true), current: ticket('called') })).toEqual([
      'noShow',
      'pause',
      'recall',
      'start',
      'transfer',
    ]);
    expect(verbs({ window: window('paused', true), current: ticket('serving') })).toEqual([
      'finish',
      'open',
      'transfer',
    ]);
    expect(openWords('paused', true)).toBe('resume');
    expect(openWords('closed', false)).toBe('open');
  });

  it('shows timers as a clock does', () => {
    const now = new Date('2025-03-04T01:10:05.900Z');
    expect(secondsSince('2025-03-04T01:06:00.000Z', now)).toBe(245);
    expect(secondsSince('2025-03-04T01:20:00.000Z', now)).toBe(0);
    expect(secondsSince(null, now)).toBeNull();
    expect(formatTimer(245)).toBe('4:05');
    expect(formatTimer(3723)).toBe('1:02:03');
    expect(formatTimer(0)).toBe('0:00');
  });

  it('reads the conflict code the platform puts first in the problem detail', () => {
    const problem = (detail: string | null) => ({ kind: 'problem', status: 409, code: 'conflict', detail }) as const;
    expect(conflictCode(problem('windowBusy: finish, transfer or mark the current ticket first'))).toBe('windowBusy');
    expect(conflictCode(problem('noTicketWaiting: nobody is waiting for this window'))).toBe('noTicketWaiting');
    expect(conflictCode(problem('somethingElse: no'))).toBeNull();
    expect(conflictCode(problem(null))).toBeNull();
    expect(conflictCode({ kind: 'network', detail: 'down' })).toBeNull();
  });
});
