import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from './messages.js';

/** The locale of the request being served, for code that has no context at hand (error formatting). */
const storage = new AsyncLocalStorage<{ locale: Locale }>();

export function runWithLocale<T>(locale: Locale, fn: () => T): T {
  return storage.run({ locale }, fn);
}

export function currentLocale(): Locale {
  return storage.getStore()?.locale ?? 'id';
}

/** Lets the request's locale change once the viewer (and their saved preference) is known. */
export function setCurrentLocale(locale: Locale): void {
  const store = storage.getStore();
  if (store) store.locale = locale;
}
