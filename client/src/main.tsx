import './app/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { i18nReady } from './app/i18n';
import { preloadStartChunks } from './app/router';
import { startSessionQuery } from './app/session';

// Before anything renders (and before English translations arrive): ask who is signed in and fetch the
// shell and this address's screen in parallel, so a cold start waits for the slowest of them, not their sum.
startSessionQuery();
preloadStartChunks(window.location.pathname);

// English readers wait for their (lazily loaded) translations; Indonesian renders at once.
void i18nReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
