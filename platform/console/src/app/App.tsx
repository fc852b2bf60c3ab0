import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ConsoleSession } from '../../../contract/console/users';
import type { ConsoleClient } from '../api/client';
import { AgentPage } from '../screens/AgentPage';
import { AlarmsPage } from '../screens/AlarmsPage';
import { AuditPage } from '../screens/AuditPage';
import { StatisticsPage } from '../screens/StatisticsPage';
import { WindowPage } from '../screens/WindowPage';
import { EnrolmentsPage } from '../screens/EnrolmentsPage';
import { FleetPage } from '../screens/FleetPage';
import { HelpInboxPage } from '../screens/HelpInboxPage';
import { HelpRequestPage } from '../screens/HelpRequestPage';
import { KioskPage } from '../screens/KioskPage';
import { UsersPage } from '../screens/UsersPage';
import { CalendarPage } from '../screens/CalendarPage';
import { WorkOrdersPage } from '../screens/WorkOrdersPage';
import { ConsoleContext, useWords } from './console-context';
import { Login } from './Login';
import { useLocation } from './navigation';
import { parseRoute, type Route } from './routes';
import { Shell } from './Shell';

type SessionState =
  | { readonly state: 'checking' }
  | { readonly state: 'signedOut' }
  | { readonly state: 'signedIn'; readonly session: ConsoleSession };

/**
 * The console: asks who is signed in, shows the login page when nobody is (or a call answers
 * 401), and otherwise the page the URL names. The URL stays as it was across a login, so a link
 * to a kiosk opens that kiosk after signing in.
 */
export function App({
  client,
  onUnauthorized,
}: {
  client: ConsoleClient;
  onUnauthorized: (listener: () => void) => void;
}) {
  const [auth, setAuth] = useState<SessionState>({ state: 'checking' });
  const location = useLocation();
  const route = useMemo(() => parseRoute(location.pathname), [location.pathname]);
  const { t } = useWords();

  useEffect(() => {
    onUnauthorized(() => setAuth({ state: 'signedOut' }));
    void client.call('getSession', {}).then((result) => {
      setAuth(result.ok ? { state: 'signedIn', session: result.value } : { state: 'signedOut' });
    });
  }, [client, onUnauthorized]);

  const logout = useCallback(() => {
    void client.call('logout', { body: {} }).then(() => {
      client.setSession(null);
      setAuth({ state: 'signedOut' });
    });
  }, [client]);

  if (auth.state === 'checking') return <p role="status">{t('common:loading')}</p>;
  if (auth.state === 'signedOut') {
    return <Login client={client} onSignedIn={(session) => setAuth({ state: 'signedIn', session })} />;
  }
  return (
    <ConsoleContext.Provider value={{ client, session: auth.session }}>
      <Shell route={route} onLogout={logout}>
        <Page route={route} />
      </Shell>
    </ConsoleContext.Provider>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useWords();
  switch (route.page) {
    case 'fleet':
      return <FleetPage />;
    case 'kiosk':
      return <KioskPage key={route.terminalId} terminalId={route.terminalId} />;
    case 'alarms':
      return <AlarmsPage />;
    case 'enrolments':
      return <EnrolmentsPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'windows':
      return <WindowPage stationId={route.stationId} windowNo={route.windowNo} />;
    case 'help':
      return <HelpInboxPage />;
    case 'helpRequest':
      return <HelpRequestPage key={route.requestId} requestId={route.requestId} />;
    case 'workOrders':
      return <WorkOrdersPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'agent':
      return <AgentPage />;
    case 'notFound':
      return <p role="alert">{t('errors:notFound')}</p>;
  }
}
