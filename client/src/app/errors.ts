import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import { networkUiError, uiErrorFromGraphQL, type UiError } from './ui-error';

export type { UiError } from './ui-error';

/** Maps an Apollo error to text in the UI language (see uiErrorFromGraphQL). */
export function toUiError(error: unknown, t: TFunction): UiError {
  if (CombinedGraphQLErrors.is(error)) return uiErrorFromGraphQL(error.errors, t);
  return networkUiError(t, ServerError.is(error));
}

/** The code of a GraphQL error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  if (CombinedGraphQLErrors.is(error)) return error.errors[0]?.extensions?.code as string | undefined;
  return undefined;
}
