/** A staff screen's code (or a staff part of a shared screen) with the texts only staff see (see build/translations.ts). */
export function staffScreen<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), import('./i18n/staff-texts')]).then(([screen]) => screen);
}
