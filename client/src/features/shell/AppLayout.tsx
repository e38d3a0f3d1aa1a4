import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { Outlet, useLocation } from 'react-router';
import { onSessionExpired } from '../../app/apollo';
import { onReconnect } from '../../app/connectivity';
import { useSession } from '../../app/session';
import { useSaveLanguage } from '../auth/useLanguage';
import { useSignOut } from '../auth/useSignOut';
import { ShellFrame } from './ShellFrame';

/** The signed-in frame inside the app: ShellFrame with the router's address, Apollo's sign-out and language saving. */
export function AppLayout() {
  const { refetch } = useSession();
  const location = useLocation();
  const { signOut } = useSignOut();
  const saveLanguage = useSaveLanguage();

  // Back online: refresh what the screens show (they kept showing the cached data meanwhile).
  const client = useApolloClient();
  useEffect(() => onReconnect(() => void client.refetchQueries({ include: 'active' }).catch(() => {})), [client]);

  // Session gone (expired, signed out elsewhere): read it again, the guard then redirects.
  useEffect(() => onSessionExpired(() => void refetch()), [refetch]);

  return (
    <ShellFrame pathname={location.pathname} onSignOut={() => void signOut()} onLanguageChanged={(language) => void saveLanguage(language)}>
      <Outlet />
    </ShellFrame>
  );
}
