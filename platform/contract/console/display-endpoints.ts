import type { ConsoleEndpoint } from './endpoint-shape';

/** Call displays (叫号屏): what the console offers about a station's TV. Part of CONSOLE_ENDPOINTS (endpoints.ts). */
export const DISPLAY_ENDPOINTS = [] as const satisfies readonly ConsoleEndpoint[];
