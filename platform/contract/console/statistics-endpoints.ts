import type { ConsoleEndpoint } from './endpoint-shape';
import { STATION_WORKERS } from './endpoint-shape';
import { LedgerQuery, StatisticsQuery, StatisticsReport } from './statistics-views';

/**
 * Statistics per station, township or county and the 台账 export. Part of CONSOLE_ENDPOINTS
 * (endpoints.ts). Station workers only: technicians run devices and see uptime in the fleet
 * pages; the 台账 names residents. Each user gets its own scope at most (a township admin its
 * township, station staff its station).
 */
export const STATISTICS_ENDPOINTS = [
  {
    operationId: 'getStatistics',
    method: 'get',
    path: '/statistics',
    summary: 'Statistics of a station, township or county over China days',
    roles: STATION_WORKERS,
    query: StatisticsQuery,
    status: 200,
    response: StatisticsReport,
  },
  {
    operationId: 'exportLedger',
    method: 'get',
    path: '/statistics/ledger',
    summary: 'The 台账 of applications as .xlsx or CSV, streamed',
    roles: STATION_WORKERS,
    query: LedgerQuery,
    status: 200,
    response: 'download',
  },
] as const satisfies readonly ConsoleEndpoint[];
