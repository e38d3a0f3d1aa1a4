import './app/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootSession } from './app/boot-session';
import { i18nReady } from './app/i18n';
import { preloadSignedInChunks, safeNext } from './app/route-chunks';
import type { SessionMe } from './app/session';

// The entry holds only React, the translations and this choice; the rest are chunks fetched from here at
// once, in parallel with the session question (plain fetch, sent before any other code arrives):
// - a first visit to /masuk loads the sign-in page alone (no router, no Apollo, no shell);
// - any other address loads the app (router, Apollo) with the shell and this address's screen.
const session = bootSession();
const root = createRoot(document.getElementById('root')!);
const loadApp = () => import('./app/App');
// A chunk that cannot be fetched at start: a deploy replaced it (load the new version once), or offline.
const failedToStart = () => void import('./app/lazyPage').then(({ reloadIfNewVersion }) => reloadIfNewVersion());

function startApp(state: Promise<{ me: SessionMe | null } | null>) {
  preloadSignedInChunks(window.location.pathname);
  Promise.all([loadApp(), state, i18nReady]).then(([{ App }, boot]) => {
    root.render(
      <StrictMode>
        <App boot={boot} />
      </StrictMode>,
    );
  }, failedToStart);
}

const next = safeNext(new URLSearchParams(window.location.search).get('next'));

function enterApp(me: SessionMe) {
  // The app's router starts at the address it finds: put the page the person asked for there first.
  window.history.replaceState(null, '', next);
  startApp(Promise.resolve({ me }));
}

if (window.location.pathname === '/masuk') {
  Promise.all([import('./app/SignInApp'), i18nReady]).then(([{ SignInApp }]) => {
    root.render(
      <StrictMode>
        <SignInApp
          session={session}
          enterApp={enterApp}
          prefetchApp={() => {
            void loadApp().catch(() => undefined);
            preloadSignedInChunks(new URL(next, window.location.origin).pathname);
          }}
        />
      </StrictMode>,
    );
  }, failedToStart);
} else {
  startApp(session);
}
