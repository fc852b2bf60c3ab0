// Global styles first, so each screen's own stylesheet (imported with the screen) comes after them.
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectToHost } from './host/connect';
import { App } from './shell/App';

// A long press opens the browser's menu on a touch screen; nothing in it is for residents.
document.addEventListener('contextmenu', (event) => event.preventDefault());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App host={connectToHost(window)} />
  </StrictMode>,
);
