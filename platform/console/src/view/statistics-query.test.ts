import { describe, expect, it } from 'vitest';
import { scopeValue, statisticsQueryFrom, statisticsSearch, withScope } from './statistics-query';

const NOW = new Date('2026-03-31T20:00:00Z'); // 1 April in China

describe('the statistics query in the URL', () => {
  it('defaults to the last 30 China days', () => {
    expect(statisticsQueryFrom('', NOW)).toEqual({ from: '2026-03-03', to: '2026-04-01' });
  });
  it('reads and writes a range with a station or a township, a station winning', () => {
    const query = statisticsQueryFrom('?from=2026-01-01&to=2026-01-31&township=370784107', NOW);
    expect(query).toEqual({ from: '2026-01-01', to: '2026-01-31', township: '370784107' });
    expect(statisticsSearch(query)).toBe('?from=2026-01-01&to=2026-01-31&township=370784107');
    expect(statisticsQueryFrom('?station=s1&township=370784107&from=x', NOW)).toEqual({
      from: '2026-03-03',
      to: '2026-04-01',
      station: 's1',
    });
  });
  it('turns the scope picker value into a query and back', () => {
    const query = { from: '2026-01-01', to: '2026-01-31' };
    expect(withScope(query, 's:st-1')).toEqual({ ...query, station: 'st-1' });
    expect(scopeValue(withScope(query, 't:370784107'))).toBe('t:370784107');
    expect(withScope({ ...query, station: 'x' }, '')).toEqual(query);
  });
});
