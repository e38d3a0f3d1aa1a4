import type { TypedDocumentNode } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { appApolloClient } from './apollo';
import './i18n/all-texts';
import { MantineRoot } from './MantineRoot';
import { MeContext } from './me';
import { AppRoutes } from './router';
import { seedSession, useSession, type SessionMe } from './session';
import { markEarlyAnswers } from './early-answers';

export { preloadHomeScreen } from './router';

// Toasts are not part of any first screen: their code (and its transition library) loads after it.
const Notifications = lazy(() => import('./AppNotifications'));

/** A query's answer fetched with plain fetch before Apollo was loaded (the home page's first paint). */
export interface EarlyAnswer<TData = unknown> {
  query: TypedDocumentNode<TData, Record<string, never>>;
  data: TData;
}

/**
 * The signed-in app: Apollo, the router, the shell. `boot` is the start-up session answer (fetched
 * before this chunk arrived); it goes into Apollo's cache so no screen asks for the session again.
 * `answers` are the queries the home page's first paint drew from: written into the cache too, and read
 * from it by the screens the app mounts at once instead of being asked again.
 */
export function App({ boot, answers = [] }: { boot: { me: SessionMe | null } | null; answers?: EarlyAnswer[] }) {
  const [client] = useState(() => {
    const client = appApolloClient();
    if (boot) seedSession(client, boot.me);
    for (const answer of answers) client.writeQuery(answer);
    markEarlyAnswers(answers.map((a) => a.query));
    // Apollo's hydration switch: "cache-and-network" reads the cache alone while the first screens mount.
    if (answers.length > 0) client.prioritizeCacheValues = true;
    return client;
  });
  const [showNotifications, setShowNotifications] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      setShowNotifications(true);
      client.prioritizeCacheValues = false;
    }, 0);
    return () => clearTimeout(timer);
  }, [client]);
  return (
    <MantineRoot>
      {showNotifications ? (
        <Suspense fallback={null}>
          <Notifications />
        </Suspense>
      ) : null}
      <ApolloProvider client={client}>
        <SessionMeProvider>
          <AppRoutes />
        </SessionMeProvider>
      </ApolloProvider>
    </MantineRoot>
  );
}

/** `me` for useMe() and the formatters (app/me.ts): what Apollo's cache holds. */
function SessionMeProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  return <MeContext value={me}>{children}</MeContext>;
}
