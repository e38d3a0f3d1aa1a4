import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as f from '../ui/format';
import { useOptionalMe } from './me';

/** The format helpers bound to the UI language and the viewer's time zone (WIB by default). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const me = useOptionalMe();
  const lang: f.FormatLanguage = i18n.language === 'en' ? 'en' : 'id';
  const tz = me?.timeZone || f.DEFAULT_TIME_ZONE;
  return useMemo(
    () => ({
      lang,
      timeZone: tz,
      zoneLabel: f.timeZoneLabel(tz, lang),
      date: (v: string | Date) => f.formatDate(v, lang, tz),
      shortDate: (v: string | Date) => f.formatShortDate(v, lang, tz),
      dateTime: (v: string | Date) => f.formatDateTime(v, lang, tz),
      time: (v: string | Date) => f.formatTime(v, lang, tz),
      schedule: (start: string | Date, end?: string | Date | null) => f.formatSchedule(start, end, lang, tz),
      /** A run's schedule in the viewer's zone, and the venue's when different: "13.00–15.00 WITA (12.00–14.00 WIB)". */
      runSchedule: (start: string | Date, end: string | Date | null | undefined, venueZone: string) => f.formatRunSchedule(start, end, lang, tz, venueZone),
      number: (v: number, digits?: number) => f.formatNumber(v, lang, digits),
      rupiah: (v: number) => f.formatRupiah(v, lang),
      relative: (v: string | Date) => f.formatRelative(v, lang, new Date(), tz),
    }),
    [lang, tz],
  );
}
