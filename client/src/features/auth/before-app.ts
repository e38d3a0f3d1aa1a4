import { graphqlRequest } from '../../app/graphql-request';
import type { Language } from '../../app/i18n';
import { graphql } from '../../gql/__generated__';

// The home page's first paint (app/HomeStart.tsx) draws the header before Apollo has arrived: its sign-out and
// language switch go over plain fetch (the app's own are useSignOut and useSaveLanguage).

const SignOutBeforeAppDocument = graphql(`
  mutation SignOutBeforeApp {
    signOut
  }
`);

const SaveLanguageBeforeAppDocument = graphql(`
  mutation SaveLanguageBeforeApp($language: Language!) {
    setMyLanguage(language: $language) {
      id
      locale
    }
  }
`);

/** Ends the session and opens the sign-in page (a fresh start: nothing of this person stays in memory). */
export async function signOutBeforeApp(): Promise<void> {
  try {
    await graphqlRequest(SignOutBeforeAppDocument);
  } finally {
    window.location.replace('/masuk');
  }
}

/** Saves a language just switched to; on failure the account keeps its old choice until next time. */
export function saveLanguageBeforeApp(language: Language): void {
  void graphqlRequest(SaveLanguageBeforeAppDocument, { language: language === 'en' ? 'EN' : 'ID' }).catch(() => undefined);
}
