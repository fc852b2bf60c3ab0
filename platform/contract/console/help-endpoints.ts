import type { ConsoleEndpoint } from './endpoint-shape';

/** Help requests (帮办代办): the station inbox, contacts, completion, station time limits. Part of CONSOLE_ENDPOINTS (endpoints.ts). */
export const HELP_ENDPOINTS = [] as const satisfies readonly ConsoleEndpoint[];
