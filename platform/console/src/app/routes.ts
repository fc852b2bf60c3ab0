/** The console's pages and their URLs under /console (the platform serves index.html for each). */
export const CONSOLE_BASE = '/console';

export type Route =
  | { readonly page: 'fleet' }
  | { readonly page: 'kiosk'; readonly terminalId: string }
  | { readonly page: 'alarms' }
  | { readonly page: 'enrolments' }
  | { readonly page: 'users' }
  | { readonly page: 'audit' }
  | { readonly page: 'statistics' }
  | { readonly page: 'windows'; readonly stationId: string | null; readonly windowNo: number | null }
  | { readonly page: 'help' }
  | { readonly page: 'helpRequest'; readonly requestId: string }
  | { readonly page: 'workOrders' }
  | { readonly page: 'calendar' }
  | { readonly page: 'agent' }
  | { readonly page: 'notFound' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(CONSOLE_BASE) ? pathname.slice(CONSOLE_BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === undefined) return { page: 'fleet' };
  if (parts.length === 1 && first === 'work-orders') return { page: 'workOrders' };
  if (parts.length === 1 && first === 'calendar') return { page: 'calendar' };
  if (parts.length === 1 && first === 'agent') return { page: 'agent' };
  if (first === 'kiosks' && second !== undefined && parts.length === 2) return { page: 'kiosk', terminalId: second };
  if (first === 'windows') return windowsRoute(parts.slice(1));
  if (first === 'help' && second !== undefined && parts.length === 2) return { page: 'helpRequest', requestId: second };
  if (
    parts.length === 1 &&
    (first === 'alarms' ||
      first === 'enrolments' ||
      first === 'users' ||
      first === 'audit' ||
      first === 'statistics' ||
      first === 'help')
  ) {
    return { page: first };
  }
  return { page: 'notFound' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'fleet':
    case 'notFound':
      return `${CONSOLE_BASE}/`;
    case 'kiosk':
      return `${CONSOLE_BASE}/kiosks/${encodeURIComponent(route.terminalId)}`;
    case 'windows':
      if (route.stationId === null) return `${CONSOLE_BASE}/windows`;
      return `${CONSOLE_BASE}/windows/${encodeURIComponent(route.stationId)}${route.windowNo === null ? '' : `/${route.windowNo}`}`;
    case 'helpRequest':
      return `${CONSOLE_BASE}/help/${encodeURIComponent(route.requestId)}`;
    case 'workOrders':
      return `${CONSOLE_BASE}/work-orders`;
    default:
      return `${CONSOLE_BASE}/${route.page}`;
  }
}

/** /windows, /windows/<station>, /windows/<station>/<window number>. */
function windowsRoute(rest: readonly string[]): Route {
  const [stationId, windowText] = rest;
  if (rest.length > 2) return { page: 'notFound' };
  if (windowText !== undefined && !/^[1-9][0-9]?$/.test(windowText)) return { page: 'notFound' };
  return {
    page: 'windows',
    stationId: stationId ?? null,
    windowNo: windowText === undefined ? null : Number(windowText),
  };
}
