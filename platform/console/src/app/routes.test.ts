import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './routes';

describe('console routes', () => {
  it.each<Route>([
    { page: 'fleet' },
    { page: 'kiosk', terminalId: 'KIOSK 0001' },
    { page: 'alarms' },
    { page: 'enrolments' },
    { page: 'users' },
    { page: 'audit' },
    { page: 'windows', stationId: null, windowNo: null },
    { page: 'windows', stationId: '370784-JZ-DB', windowNo: null },
    { page: 'windows', stationId: '370784-JZ-DB', windowNo: 12 },
    { page: 'help' },
    { page: 'helpRequest', requestId: 'AR-20260301-0001' },
    { page: 'agent' },
  ])('round-trips %o', (route) => {
    expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('knows the base with and without its slash, and nothing else', () => {
    expect(parseRoute('/console')).toEqual({ page: 'fleet' });
    expect(parseRoute('/console/kiosks')).toEqual({ page: 'notFound' });
    expect(parseRoute('/console/nope')).toEqual({ page: 'notFound' });
    expect(parseRoute('/console/help/AR-20260301-0001/more')).toEqual({ page: 'notFound' });
    expect(parseRoute('/console/help/')).toEqual({ page: 'help' });
  });
});
