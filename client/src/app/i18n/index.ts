import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// Only the texts a first screen needs (the sign-in page, loaders; see build/translations.ts): the
// signed-in app adds every other text of id.json (all-texts.ts).
import firstScreenTexts from 'virtual:lentera-translations/id-first';

export type Language = 'id' | 'en';
export const LANGUAGES: Language[] = ['id', 'en'];
const STORAGE_KEY = 'lentera.language';

/** Bahasa Indonesia unless this browser chose English before (or the account says so). */
function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall through
  }
  return 'id';
}

// Indonesian ships with the app; English is fetched only by those who use it.
async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const en = await import('./en.json');
    i18n.addResourceBundle('en', 'translation', en.default, true, true);
  }
}

const start = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { id: { translation: firstScreenTexts } },
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the starting language is ready to render. */
export const i18nReady: Promise<void> = start === 'en' ? applyLanguage('en') : Promise.resolve();

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

/** Switches the UI language now, remembers it in this browser and sets <html lang>. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // ignore
  }
  await ensureLoaded(language);
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

document.documentElement.lang = currentLanguage();

export { i18n };
