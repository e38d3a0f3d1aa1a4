import './app/styles';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootSession, type BootSession } from './app/boot-session';
import { onReconnect } from './app/connectivity';
import { i18nReady } from './app/i18n';
import { hasRole } from './app/me';
import { preloadSignedInChunks, safeNext } from './app/route-chunks';
import type { SessionMe } from './app/session';
import type { LearnerHomeQuery } from './gql/__generated__/graphql';

// The entry holds only React, the translations and this choice; the rest are chunks fetched from here at
// once, in parallel with the session question (plain fetch, sent before any other code arrives):
// - a first visit to /masuk loads the sign-in page alone (no router, no Apollo, no shell);
// - a first visit to the home page asks for its data with the session and draws it without Apollo or the
//   router (app/HomeStart.tsx); the app follows once the browser has painted it;
// - any other address loads the app (router, Apollo) with the shell and this address's screen.
// The public certificate verification page asks nothing about a session: it loads alone (startVerification).
const verifying = /^\/verifikasi\/([\w-]+)\/?$/.exec(window.location.pathname);
const session = verifying ? Promise.resolve(null) : bootSession();
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

function startSignIn() {
  const next = safeNext(new URLSearchParams(window.location.search).get('next'));
  const enterApp = (me: SessionMe) => {
    // The app's router starts at the address it finds: put the page the person asked for there first.
    window.history.replaceState(null, '', next);
    startApp(Promise.resolve({ me }));
  };
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
}

function startHome() {
  // Asked next to the session (its document is a small chunk of its own, here long before the page's code):
  // for someone signed out or not a learner it answers an error, ignored.
  const learnerHome = import('./features/home/learner-home');
  const home = learnerHome.then(({ fetchLearnerHome }) => fetchLearnerHome(), () => null);
  Promise.all([import('./app/HomeStart'), session, home, i18nReady]).then(([{ HomeStart, whenFrameIdle }, state, answer]) => {
    const me = state?.me;
    // Not answered (offline, server down), or a learner's home not had: the app asks again and says why it cannot.
    if (!state || (me && hasRole(me, 'LEARNER') && !answer)) return startApp(session);
    if (!me) {
      // Signed out: the sign-in page, as the app's guard would send them there (with "your session ended" if so).
      window.history.replaceState(null, '', '/masuk');
      return startSignIn();
    }
    const data = hasRole(me, 'LEARNER') ? answer : null;
    const takeOver = () => takeOverHome(state, data, whenFrameIdle);
    root.render(
      <StrictMode>
        <HomeStart
          me={me}
          home={data?.learnerHome ?? null}
          onPainted={takeOver}
          onNavigate={(to) => {
            if (to !== window.location.pathname) window.history.pushState(null, '', to);
            takeOver();
          }}
        />
      </StrictMode>,
    );
  }, failedToStart);
}

let takingOver = false;

/**
 * After the home page's first paint (or a link followed on it): the app (router, Apollo, the frame and the
 * screen of the address) replaces it, with the answers it was drawn from in Apollo's cache. Once only.
 */
function takeOverHome(boot: BootSession, home: LearnerHomeQuery | null, whenFrameIdle: () => Promise<void>) {
  if (takingOver) return;
  takingOver = true;
  preloadSignedInChunks(window.location.pathname);
  Promise.all([loadApp(), import('./features/home/learner-home')])
    .then(async ([{ App, preloadHomeScreen }, { LearnerHomeDocument }]) => {
      // The same page drawn again must not flash a loader: its code is here before the switch.
      if (window.location.pathname === '/') await preloadHomeScreen();
      else preloadSignedInChunks(window.location.pathname);
      // Not while the account menu or the drawer is open: drawn again, it would close under the person's finger.
      await whenFrameIdle();
      // A transition: the first paint stays on screen until the app's tree is ready to show the page.
      startTransition(() => {
        root.render(
          <StrictMode>
            <App boot={boot} answers={home ? [{ query: LearnerHomeDocument, data: home }] : []} />
          </StrictMode>,
        );
      });
    })
    .catch(() => {
      // Offline (the page stays as drawn) or a new version (loaded once): try again when the connection returns.
      takingOver = false;
      failedToStart();
      const stop = onReconnect(() => {
        stop();
        takeOverHome(boot, home, whenFrameIdle);
      });
    });
}

function startVerification(code: string) {
  Promise.all([import('./features/certificates/verify-page.app'), i18nReady]).then(([{ VerifyApp }]) => {
    root.render(
      <StrictMode>
        <VerifyApp code={code} />
      </StrictMode>,
    );
  }, failedToStart);
}

if (verifying) startVerification(verifying[1]);
else if (window.location.pathname === '/masuk') startSignIn();
else if (window.location.pathname === '/') startHome();
else startApp(session);
