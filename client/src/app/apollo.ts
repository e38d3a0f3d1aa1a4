import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { tap } from 'rxjs';
import { reportReachable, reportUnreachable } from './connectivity';
import { currentLanguage } from './i18n';
import { pagedListPolicies } from './pagedLists';

/** Sends the UI language with every request: the server translates its error messages. */
const languageLink = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
    headers: { ...headers, 'accept-language': currentLanguage(), 'x-lentera-language': currentLanguage() },
  }));
  return forward(operation);
});

const listeners = new Set<() => void>();
/** Called when the server says the session is gone (expired or signed out elsewhere). */
export function onSessionExpired(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const errorLink = new ErrorLink(({ error }) => {
  // fetch rejects with a TypeError when no answer came at all (offline, server gone).
  if (error instanceof TypeError) reportUnreachable();
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    for (const l of listeners) l();
  }
});

/** Any answer from the server means it is reachable again. */
const reachableLink = new ApolloLink((operation, forward) => forward(operation).pipe(tap({ next: () => reportReachable() })));

const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

function createApolloClient() {
  return new ApolloClient({
    link: ApolloLink.from([errorLink, reachableLink, languageLink, httpLink]),
    cache: new InMemoryCache({
      // Paginated lists: pages loaded with "Muat lebih banyak" join in the cache (see pagedLists.ts).
      typePolicies: pagedListPolicies,
    }),
    defaultOptions: {
      // Show what is cached at once, then refresh it: pleasant on slow mobile data.
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
}

let shared: ReturnType<typeof createApolloClient> | null = null;
/** The app's one client, made on first use: main.tsx starts the session query with it before React renders. */
export function appApolloClient() {
  return (shared ??= createApolloClient());
}
