import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../../../renderer/src/styles/tokens.css';
import './styles/console.css';
import { createConsoleClient } from './api/client';
import { App } from './app/App';
import { createConsoleI18n, initialLocale } from './i18n/create-i18n';

const locale = initialLocale(window.localStorage);
document.documentElement.lang = locale;
const i18n = createConsoleI18n(locale);

let unauthorized: () => void = () => undefined;
const client = createConsoleClient({
  fetch: (url, init) => window.fetch(url, init),
  onUnauthorized: () => unauthorized(),
});
const listenUnauthorized = (listener: () => void) => {
  unauthorized = listener;
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App client={client} onUnauthorized={listenUnauthorized} />
    </I18nextProvider>
  </StrictMode>,
);
