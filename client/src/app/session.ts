import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/__generated__';
import type { SessionMe } from './me';

// `me` for the components is read from MeContext (me.ts), which App.tsx fills from useSession(); these
// stay importable from here.
export { hasRole, useMe, type RoleName, type SessionMe } from './me';

/** What the client keeps about the signed-in person; sign-in returns the same shape. */
graphql(`
  fragment SessionMe on Me {
    id
    fullName
    nip
    email
    roles
    agencyId
    agencyName
    orgUnitName
    partnerId
    partnerName
    supervisorName
    positionTitle
    adminAgencyIds
    locale
    timeZone
  }
`);

/** Who is signed in: read by the shell, the route guards and anything that depends on roles. */
export const SessionDocument = graphql(`
  query Session {
    me {
      ...SessionMe
    }
  }
`);

/**
 * Puts the person the start-up request (boot-session.ts) or the sign-in page found into Apollo's cache:
 * useSession() then answers from it without asking the server again.
 */
export function seedSession(client: ApolloClient, me: SessionMe | null): void {
  client.writeQuery({ query: SessionDocument, data: { me } });
}

export function useSession() {
  const { data, loading, error, refetch } = useQuery(SessionDocument, { fetchPolicy: 'cache-first' });
  return { me: data?.me ?? null, loading: loading && !data, error, refetch };
}
