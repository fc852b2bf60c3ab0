/** The console's pages and their URLs under /console (the platform serves index.html for each). */
export const CONSOLE_BASE = '/console';

export type Route =
  | { readonly page: 'fleet' }
  | { readonly page: 'kiosk'; readonly terminalId: string }
  | { readonly page: 'alarms' }
  | { readonly page: 'enrolments' }
  | { readonly page: 'users' }
  | { readonly page: 'audit' }
  | { readonly page: 'help' }
  | { readonly page: 'helpRequest'; readonly requestId: string }
  | { readonly page: 'notFound' };

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(CONSOLE_BASE) ? pathname.slice(CONSOLE_BASE.length) : pathname;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (first === undefined) return { page: 'fleet' };
  if (first === 'kiosks' && second !== undefined && parts.length === 2) return { page: 'kiosk', terminalId: second };
  if (first === 'help' && second !== undefined && parts.length === 2) return { page: 'helpRequest', requestId: second };
  if (
    parts.length === 1 &&
    (first === 'alarms' || first === 'enrolments' || first === 'users' || first === 'audit' || first === 'help')
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
    case 'helpRequest':
      return `${CONSOLE_BASE}/help/${encodeURIComponent(route.requestId)}`;
    default:
      return `${CONSOLE_BASE}/${route.page}`;
  }
}
