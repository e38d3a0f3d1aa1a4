import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { reportReachable, reportUnreachable } from './connectivity';
import { currentLanguage } from './i18n';
import type { GraphQLErrorJson } from './ui-error';

/**
 * One GraphQL request with plain fetch, typed by the generated document types. For what runs before Apollo
 * Client is loaded (the start-up session query, the sign-in page): Apollo and its cache are a large share of
 * the app's JavaScript and a first visit to the sign-in page needs none of it. Sends what Apollo's links send:
 * the session cookie and the UI language (the server translates its messages).
 */
export class GraphQLRequestError extends Error {
  constructor(
    /** The GraphQL errors of the answer; empty when no GraphQL answer came (offline, a proxy's error page). */
    readonly errors: readonly GraphQLErrorJson[],
    /** Whether the server answered at all. */
    readonly serverAnswered: boolean,
  ) {
    super(errors[0]?.message ?? (serverAnswered ? 'The server did not answer with GraphQL' : 'The server could not be reached'));
    this.name = 'GraphQLRequestError';
  }
}

/**
 * The document's text: the build writes it next to each document of a module that imports this one
 * (build/graphql-documents.ts), so no GraphQL printer is downloaded; `vite dev` prints it.
 */
async function sourceOf(document: TypedDocumentNode<unknown, never>): Promise<string> {
  return document.loc?.source.body ?? (await import('graphql/language/printer')).print(document);
}

export async function graphqlRequest<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables): Promise<TData> {
  const query = await sourceOf(document);
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': currentLanguage(), 'x-lentera-language': currentLanguage() },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    reportUnreachable();
    throw new GraphQLRequestError([], false);
  }
  reportReachable();
  let body: { data?: TData | null; errors?: GraphQLErrorJson[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError([], true);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors, true);
  if (!body.data) throw new GraphQLRequestError([], true);
  return body.data;
}
