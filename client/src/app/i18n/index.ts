import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';

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

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'id',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

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
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

document.documentElement.lang = currentLanguage();

export { i18n };
