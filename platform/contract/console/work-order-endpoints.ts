import type { ConsoleEndpoint } from './endpoint-shape';

/** 差评 work orders: callback (回访), fix (整改), closing, KPIs; the working calendar. Part of CONSOLE_ENDPOINTS (endpoints.ts). */
export const WORK_ORDER_ENDPOINTS = [] as const satisfies readonly ConsoleEndpoint[];
