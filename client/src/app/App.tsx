import { ApolloProvider } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { appApolloClient } from './apollo';
import './i18n/all-texts';
import { MantineRoot } from './MantineRoot';
import { AppRoutes } from './router';
import { seedSession, type SessionMe } from './session';

// Toasts are not part of any first screen: their code (and its transition library) loads after it.
const Notifications = lazy(() => import('./AppNotifications'));

/**
 * The signed-in app: Apollo, the router, the shell. `boot` is the start-up session answer (fetched
 * before this chunk arrived); it goes into Apollo's cache so no screen asks for the session again.
 */
export function App({ boot }: { boot: { me: SessionMe | null } | null }) {
  const [client] = useState(() => {
    const client = appApolloClient();
    if (boot) seedSession(client, boot.me);
    return client;
  });
  const [showNotifications, setShowNotifications] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShowNotifications(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <MantineRoot>
      {showNotifications ? (
        <Suspense fallback={null}>
          <Notifications />
        </Suspense>
      ) : null}
      <ApolloProvider client={client}>
        <AppRoutes />
      </ApolloProvider>
    </MantineRoot>
  );
}
