import type { ConsoleEndpoint } from './endpoint-shape';

/** Statistics per station, township or county and the 台账 export. Part of CONSOLE_ENDPOINTS (endpoints.ts). */
export const STATISTICS_ENDPOINTS = [] as const satisfies readonly ConsoleEndpoint[];
