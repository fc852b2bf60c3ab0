import type { ConsoleEndpoint } from './endpoint-shape';

/** Queue calling at the windows (叫号): the window page and the windows a station has. Part of CONSOLE_ENDPOINTS (endpoints.ts). */
export const QUEUE_ENDPOINTS = [] as const satisfies readonly ConsoleEndpoint[];
