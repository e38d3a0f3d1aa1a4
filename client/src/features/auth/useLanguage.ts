import { useApolloClient, useMutation } from '@apollo/client/react';
import type { Language } from '../../app/i18n';
import { graphql } from '../../gql/__generated__';

const SetMyLanguageDocument = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      locale
    }
  }
`);

/** Saves a language just switched to (LanguageSwitch) to the signed-in person's account. */
export function useSaveLanguage() {
  const [save] = useMutation(SetMyLanguageDocument);
  const client = useApolloClient();
  return async function saveLanguage(language: Language) {
    try {
      await save({ variables: { language: language === 'en' ? 'EN' : 'ID' } });
    } catch {
      // The switch already happened on screen; the account keeps its old choice until next time.
    }
    // Some texts come from the server in the viewer's language (e.g. why a course is suggested).
    void client.refetchQueries({ include: 'active' }).catch(() => undefined);
  };
}
