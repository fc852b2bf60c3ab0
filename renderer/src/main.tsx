// Global styles first, so each screen's own stylesheet (imported with the screen) comes after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startAliveReports } from './host/alive-reports';
import { connectToHost } from './host/connect';
import { installPageGuard } from './host/page-guard';
import { App } from './shell/App';

// Before anything renders: keys, drops, popups and navigation away are stopped from the start.
const guard = installPageGuard(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const host = connectToHost(window);
// For the page's whole life, whatever screen it shows: the service's watchdog follows these.
startAliveReports(host.client, window);
createRoot(root).render(
  <StrictMode>
    <App host={host} onDevMode={() => guard.allowDeveloperKeys()} />
  </StrictMode>,
);
