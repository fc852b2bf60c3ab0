import { describe, expect, it } from 'vitest';
import { dueState, helpFiltersFromSearch, isClosed, searchFromHelpFilters, waited, withHelpFilter } from './help-inbox';

describe('help inbox filters in the URL', () => {
  it('reads the four filters and drops values the contract refuses', () => {
    expect(helpFiltersFromSearch('?status=done&kind=homeVisit&overdue=true&station=370784-JZ-DB')).toEqual({
      status: 'done',
      kind: 'homeVisit',
      overdue: 'true',
      station: '370784-JZ-DB',
    });
    expect(helpFiltersFromSearch('?status=lost&kind=fax&overdue=maybe&other=1')).toEqual({});
  });

  it('writes them back in a fixed order, leaving empty ones out', () => {
    expect(searchFromHelpFilters({ station: 'S1', status: 'open', overdue: 'true' })).toBe(
      '?status=open&overdue=true&station=S1',
    );
    expect(searchFromHelpFilters({})).toBe('');
  });

  it('clears a filter with an empty value and keeps the others', () => {
    expect(withHelpFilter({ status: 'done', kind: 'callback' }, { kind: '' })).toEqual({ status: 'done' });
    expect(withHelpFilter({}, { overdue: 'true' })).toEqual({ overdue: 'true' });
    expect(withHelpFilter({ kind: 'callback' }, { kind: 'nonsense' })).toEqual({});
  });
});

describe('waited', () => {
  it('says minutes under an hour, hours under two days, then days', () => {
    expect(waited(0)).toEqual({ unit: 'minutes', count: 0 });
    expect(waited(45)).toEqual({ unit: 'minutes', count: 45 });
    expect(waited(90)).toEqual({ unit: 'hours', count: 1.5 });
    expect(waited(3 * 24 * 60)).toEqual({ unit: 'days', count: 3 });
  });
});

describe('dueState', () => {
  const open = { status: 'received', overdue: false, contactCount: 0 } as const;
  it('names an overdue request so the row can say 已超时 in words', () => {
    expect(dueState({ ...open, overdue: true })).toBe('overdue');
    expect(dueState({ ...open, status: 'assigned', overdue: true })).toBe('overdue');
  });
  it('tells a request still waiting for its first contact from one already contacted', () => {
    expect(dueState(open)).toBe('due');
    expect(dueState({ ...open, status: 'assigned', contactCount: 1 })).toBe('contacted');
    expect(dueState({ ...open, status: 'inProgress' })).toBe('contacted');
  });
  it('calls done and withdrawn requests closed, whatever their overdue flag', () => {
    expect(dueState({ ...open, status: 'done', overdue: true })).toBe('closed');
    expect(dueState({ ...open, status: 'cancelled' })).toBe('closed');
    expect(isClosed('done')).toBe(true);
    expect(isClosed('assigned')).toBe(false);
  });
});
