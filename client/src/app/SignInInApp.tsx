import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import SignInPage from '../routes/sign-in';
import { FullPageLoader } from '../ui/FullPageLoader';
import { freshSessionState } from './boot-session';
import { safeNext } from './route-chunks';
import { seedSession, useSession } from './session';

/** /masuk inside the signed-in app (after signing out, or when a session ended): the same page, with the router. */
export default function SignInInApp() {
  const { me, loading } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [session] = useState(freshSessionState);
  const next = safeNext(params.get('next'));
  if (loading) return <FullPageLoader />;
  if (me) return <Navigate to={next} replace />;
  return (
    <SignInPage
      session={session}
      onSignedIn={(signedIn) => {
        seedSession(client, signedIn);
        void navigate(next, { replace: true });
      }}
    />
  );
}
