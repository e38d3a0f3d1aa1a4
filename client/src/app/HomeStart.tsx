import { useEffect } from 'react';
import type { LearnerHomeData } from '../features/home/learner-home';
import { LearnerHomeView } from '../features/home/LearnerHomeView';
import { RoleHome } from '../features/home/RoleHome';
import { saveLanguageBeforeApp, signOutBeforeApp } from '../features/auth/before-app';
import { ShellFrame } from '../features/shell/ShellFrame';
import './i18n/all-texts';
import { useLinkNavigation } from './links';
import { MantineRoot } from './MantineRoot';
import { MeContext, type SessionMe } from './me';

export { whenFrameIdle } from '../features/shell/ShellFrame';

/**
 * A first visit to the home page: the frame and the page drawn from the answers fetched at start (who is signed
 * in, the learner's home), without Apollo or the router. Once the browser has painted it, `onPainted` fetches
 * the app (router, Apollo, the sections that load their own data), which takes over with those answers in its
 * cache. A link followed before then changes the address at once (`onNavigate`) and the app opens that page;
 * sign-out and the language switch go over plain fetch.
 */
export function HomeStart({ me, home, onPainted, onNavigate }: {
  me: SessionMe;
  home: LearnerHomeData | null;
  onPainted: () => void;
  onNavigate: (to: string) => void;
}) {
  useEffect(() => afterFirstPaint(onPainted), []); // eslint-disable-line react-hooks/exhaustive-deps
  useLinkNavigation(onNavigate);
  return (
    <MantineRoot>
      <MeContext value={me}>
        <ShellFrame pathname="/" onSignOut={() => void signOutBeforeApp()} onLanguageChanged={saveLanguageBeforeApp}>
          {home ? <LearnerHomeView home={home} loading={false} error={null} onRetry={() => undefined} /> : <RoleHome />}
        </ShellFrame>
      </MeContext>
    </MantineRoot>
  );
}

/**
 * Runs `then` once the browser reports the first contentful paint (this page's: nothing is drawn before it),
 * so the app's download does not compete with what the first paint needs. A browser without paint timing, or
 * a tab that is not painted (in the background), runs it a little later anyway.
 */
function afterFirstPaint(then: () => void): () => void {
  let done = false;
  let observer: PerformanceObserver | undefined;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    then();
  };
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) once();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    observer = undefined;
  }
  const timer = setTimeout(once, observer ? 3000 : 100);
  return () => {
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
  };
}
