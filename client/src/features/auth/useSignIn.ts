import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { SessionDocument } from '../../app/session';
import { toUiError, type UiError } from '../../app/errors';
import { graphql } from '../../gql/__generated__';

const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      me {
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
 * Signs in and puts the person into the session cache. The language chosen on the sign-in
 * page wins over the account's old choice, and is saved to the account.
 */
export function useSignIn() {
  const { t } = useTranslation();
  const [error, setError] = useState<UiError | null>(null);
  const [saveLanguage] = useMutation(SaveLanguageDocument);
  const [signIn, { loading }] = useMutation(SignInDocument, {
    update(cache, { data }) {
      // The language on screen now is the one to keep (it is saved to the account below).
      if (data) cache.writeQuery({ query: SessionDocument, data: { me: { ...data.signIn.me, locale: currentLanguage() } } });
    },
  });

  async function submit(login: string, password: string): Promise<boolean> {
    setError(null);
    try {
      const { data } = await signIn({ variables: { input: { login: login.trim(), password } } });
      const chosen = currentLanguage();
      if (data && data.signIn.me.locale !== chosen) {
        await saveLanguage({ variables: { language: chosen === 'en' ? 'EN' : 'ID' } }).catch(() => undefined);
      }
      return true;
    } catch (e) {
      setError(toUiError(e, t));
      return false;
    }
  }
  return { submit, loading, error };
}
