import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { applyLanguage, type Language } from '../../app/i18n';
import { graphql } from '../../gql/__generated__';

const SetMyLanguageDocument = graphql(`
  mutation SetMyLanguage($language: Language!) {
    setMyLanguage(language: $language) {
      id
      locale
    }
  }
`);

/** Switches the UI language at once; when signed in, also saves it to the account. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const [save] = useMutation(SetMyLanguageDocument);
  const client = useApolloClient();
  const language: Language = i18n.language === 'en' ? 'en' : 'id';

  async function change(next: Language, signedIn: boolean) {
    await applyLanguage(next);
    if (signedIn) {
      try {
        await save({ variables: { language: next === 'en' ? 'EN' : 'ID' } });
      } catch {
        // The switch already happened on screen; the account keeps its old choice until next time.
      }
      // Some texts come from the server in the viewer's language (e.g. why a course is suggested).
      void client.refetchQueries({ include: 'active' }).catch(() => undefined);
    }
  }
  return { language, change };
}

