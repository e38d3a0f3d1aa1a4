import type { LibrarySort } from '../../gql/__generated__/graphql';
import { formatNumber, type FormatLanguage } from '../../ui/format';

// Every development form, as the catalogue offers them.
export { ALL_FORMS as DEVELOPMENT_FORMS } from '../catalogue/filters';

export const LIBRARY_SORTS: readonly LibrarySort[] = ['COMPLETION_RATE', 'RATING', 'ADOPTIONS', 'RECENT'];

/** A rate of 0–1 as "83%" / "83,3%" (one decimal only when it has one); "—" without a figure. */
export function percent(rate: number | null | undefined, lang: FormatLanguage): string {
  if (rate == null) return '—';
  const value = Math.round(rate * 1000) / 10;
  return `${formatNumber(value, lang, Number.isInteger(value) ? 0 : 1)}%`;
}

/** The language the formatters take, from i18next's. */
export const formatLanguage = (language: string): FormatLanguage => (language === 'en' ? 'en' : 'id');
