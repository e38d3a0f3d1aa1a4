import type { TFunction } from 'i18next';
import type { UiError } from '../../app/errors';
import { currentLanguage } from '../../app/i18n';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; params?: Record<string, unknown>; field?: string; fields?: { field: string; message: string }[] } }[];
}

/**
 * One GraphQL mutation for the signed-out password pages, over plain fetch: these pages need no Apollo
 * cache, so their chunks stay small and do not depend on the client the signed-in app builds. Answers
 * null on success, or the error as the UI shows it (the server's message is already in the UI language).
 */
export async function publicMutation(query: string, variables: Record<string, unknown>, t: TFunction): Promise<UiError | null> {
  const answer = await publicRequest(query, variables, t);
  return 'problem' in answer ? answer.problem : null;
}

/** The same over plain fetch, for a query or mutation whose data the page reads (the invitation page's preview). */
export async function publicRequest<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  t: TFunction,
): Promise<{ data: T } | { problem: UiError }> {
  let answer: GraphQLAnswer;
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': currentLanguage(), 'x-lentera-language': currentLanguage() },
      body: JSON.stringify({ query, variables }),
    });
    answer = (await res.json()) as GraphQLAnswer;
  } catch {
    return { problem: { code: 'NETWORK', message: t('errors.NETWORK'), fields: {} } };
  }
  const first = answer.errors?.[0];
  if (!first) return { data: (answer.data ?? {}) as T };
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const fields: Record<string, string> = {};
  for (const problem of first.extensions?.fields ?? []) fields[problem.field.split('.').pop() ?? problem.field] ??= problem.message;
  if (first.extensions?.field) fields[first.extensions.field] ??= t(`errors.${code}`, { defaultValue: first.message });
  return { problem: { code, message: t(`errors.${code}`, { ...first.extensions?.params, defaultValue: first.message }), fields } };
}
