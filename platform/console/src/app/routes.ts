/** The console's pages and their URLs under /console (the platform serves index.html for each). */
export const CONSOLE_BASE = '/console';

export type Route =
  | { readonly page: 'fleet' }
  | { readonly page: 'kiosk'; readonly terminalId: string }
  | { readonly page: 'alarms' }
  | { readonly page: 'enrolments' }
  | { readonly page: 'users' }
  | { readonly page: 'audit' }
  | { readonly page: 'workOrders' }
  | { readonly page: 'calendar' }
  | { readonly page: 'notFound' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(CONSOLE_BASE) ? pathname.slice(CONSOLE_BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === undefined) return { page: 'fleet' };
  if (parts.length === 1 && first === 'work-orders') return { page: 'workOrders' };
  if (parts.length === 1 && first === 'calendar') return { page: 'calendar' };
  if (first === 'kiosks' && second !== undefined && parts.length === 2) return { page: 'kiosk', terminalId: second };
  if (parts.length === 1 && (first === 'alarms' || first === 'enrolments' || first === 'users' || first === 'audit')) {
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
    case 'workOrders':
      return `${CONSOLE_BASE}/work-orders`;
    default:
      return `${CONSOLE_BASE}/${route.page}`;
  }
}
