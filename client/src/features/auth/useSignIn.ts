import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphQLRequestError, graphqlRequest } from '../../app/graphql-request';
import { currentLanguage } from '../../app/i18n';
import type { SessionMe } from '../../app/session';
import { networkUiError, uiErrorFromGraphQL, type UiError } from '../../app/ui-error';
import { graphql } from '../../gql/__generated__';

// Plain fetch, not Apollo: the sign-in page is a first screen and loads no Apollo (see graphql-request.ts).
// The signed-in app puts the returned person into its cache (seedSession).
const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      me {
        __typename
        ...SessionMe
      }
    }
  }
`);

const SaveLanguageDocument = graphql(`
  mutation SaveLanguageAfterSignIn($language: Language!) {
    setMyLanguage(language: $language) {
      id
      locale
    }
  }
`);

/**
 * Signs in and answers the signed-in person. The language chosen on the sign-in page wins over
 * the account's old choice, and is saved to the account.
 */
export function useSignIn() {
  const { t } = useTranslation();
  const [error, setError] = useState<UiError | null>(null);
  const [loading, setLoading] = useState(false);

  async function submit(login: string, password: string): Promise<SessionMe | null> {
    setError(null);
    setLoading(true);
    try {
      const { signIn } = await graphqlRequest(SignInDocument, { input: { login: login.trim(), password } });
      const chosen = currentLanguage();
      if (signIn.me.locale !== chosen) {
        await graphqlRequest(SaveLanguageDocument, { language: chosen === 'en' ? 'EN' : 'ID' }).catch(() => undefined);
      }
      // The language on screen now is the one to keep (it was saved to the account just above).
      return { ...signIn.me, locale: chosen };
    } catch (e) {
      setError(e instanceof GraphQLRequestError && e.errors.length ? uiErrorFromGraphQL(e.errors, t) : networkUiError(t, e instanceof GraphQLRequestError && e.serverAnswered));
      return null;
    } finally {
      setLoading(false);
    }
  }
  return { submit, loading, error };
}
