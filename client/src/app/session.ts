import type { ApolloClient } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/__generated__';
import type { SessionQuery } from '../gql/__generated__/graphql';

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

export type SessionMe = NonNullable<SessionQuery['me']>;
export type RoleName = SessionMe['roles'][number];

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

/** The signed-in person. Only for components rendered under the signed-in guard. */
export function useMe(): SessionMe {
  const { me } = useSession();
  if (!me) throw new Error('useMe() outside a signed-in route');
  return me;
}

export function hasRole(me: Pick<SessionMe, 'roles'> | null | undefined, ...roles: RoleName[]): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}
