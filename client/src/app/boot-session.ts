import { graphql } from '../gql/__generated__';
import type { BootSessionQuery } from '../gql/__generated__/graphql';
import { graphqlRequest } from './graphql-request';

/**
 * Who is signed in, asked by the entry script before any other code is downloaded (plain fetch, no Apollo):
 * the answer is usually back before the screen's chunks are, so the first screen does not wait for it.
 * The signed-in app puts `me` into Apollo's cache (session.ts); the sign-in page reads `sessionEnded`
 * ("your session ended" rather than "you never signed in").
 */
const BootSessionDocument = graphql(`
  query BootSession {
    me {
      __typename
      ...SessionMe
    }
    sessionEnded
  }
`);

export type BootSession = BootSessionQuery;

let started: Promise<BootSession | null> | null = null;

// __typename: Apollo's cache files `me` under Me:<id> only with it (Apollo adds it to its own queries).

/** Starts the question once; null when it could not be answered (offline): the app asks again through Apollo. */
export function bootSession(): Promise<BootSession | null> {
  return (started ??= graphqlRequest(BootSessionDocument).catch(() => null));
}

/** Asks again (e.g. the sign-in page shown after signing out inside the app). */
export function freshSessionState(): Promise<BootSession | null> {
  return graphqlRequest(BootSessionDocument).catch(() => null);
}
