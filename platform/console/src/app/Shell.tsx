import type { ReactNode } from 'react';
import type { ConsoleOperationId } from '../../../contract/console/endpoints';
import type { ConsoleRole } from '../../../contract/console/users';
import { may, mayTakeVideoCalls } from '../view/permissions';
import { useConsole, useWords } from './console-context';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './navigation';
import { pathOf, type Route } from './routes';

/** A page is shown to the roles that may call its endpoint, or that pass its own rule. */
const NAV: ReadonlyArray<{ page: Route['page']; needs: ConsoleOperationId | ((role: ConsoleRole) => boolean) }> = [
  { page: 'fleet', needs: 'getFleet' },
  { page: 'alarms', needs: 'listAlarms' },
  { page: 'enrolments', needs: 'listEnrolments' },
  { page: 'users', needs: 'listUsers' },
  { page: 'audit', needs: 'getAudit' },
  { page: 'statistics', needs: 'getStatistics' },
  { page: 'windows', needs: 'listQueueWindows' },
  { page: 'help', needs: 'listHelpRequests' },
  { page: 'workOrders', needs: 'listWorkOrders' },
  { page: 'calendar', needs: 'publishWorkCalendar' },
  { page: 'agent', needs: mayTakeVideoCalls },
];

/** Header, the pages this role may use, and the page itself. */
export function Shell({ route, onLogout, children }: { route: Route; onLogout: () => void; children: ReactNode }) {
  const { session } = useConsole();
  const { t } = useWords();
  const current = route.page === 'kiosk' ? 'fleet' : route.page === 'helpRequest' ? 'help' : route.page;
  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t('common:skipToContent')}
      </a>
      <header className="console-header">
        <span className="app-name">{t('common:appName')}</span>
        <nav aria-label={t('common:nav.label')}>
          <ul>
            {NAV.filter((item) =>
              typeof item.needs === 'function' ? item.needs(session.user.role) : may(session.user.role, item.needs),
            ).map((item) => (
              <li key={item.page}>
                <Link
                  href={pathOf({ page: item.page } as Route)}
                  aria-current={current === item.page ? 'page' : undefined}
                  data-testid={`nav-${item.page}`}
                >
                  {t(`common:nav.${item.page}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" data-testid="signed-in-as">
          {t('common:signedInAs', {
            name: session.user.displayName,
            role: t(`words:role.${session.user.role}`),
          })}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={onLogout}>
          {t('common:logout')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
