import { createContext, useContext } from 'react';
import type { SessionQuery } from '../gql/__generated__/graphql';

/**
 * The signed-in person for the components under them, without Apollo: the home page's first paint
 * (app/HomeStart.tsx) provides the start-up session answer here, the signed-in app (App.tsx) what Apollo's
 * cache holds (useSession). Screens drawn by both read `me` from here, so neither needs the other's code.
 */
export type SessionMe = NonNullable<SessionQuery['me']>;
export type RoleName = SessionMe['roles'][number];

export const MeContext = createContext<SessionMe | null>(null);

/** The signed-in person, or null (signed out, or outside the signed-in app). */
export function useOptionalMe(): SessionMe | null {
  return useContext(MeContext);
}

/** The signed-in person. Only for components rendered under the signed-in guard. */
export function useMe(): SessionMe {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside a signed-in route');
  return me;
}

export function hasRole(me: Pick<SessionMe, 'roles'> | null | undefined, ...roles: RoleName[]): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}
