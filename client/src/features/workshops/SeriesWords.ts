import { useTranslation } from 'react-i18next';
import { timeZoneLabel } from '../../ui/format';
import { addMinutes, parseRule } from './SeriesRule';

/** "Setiap Selasa pertama setiap bulan, 13.00–15.00 WIB" for a rule, and a preview date in words. */
export function useSeriesWords() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const clock = (hhmm: string) => (i18n.language === 'en' ? hhmm : hhmm.replace(':', '.'));
  return {
    describe(rule: string, startTime: string, durationMinutes: number, timeZone: string): string {
      const choice = parseRule(rule);
      const time = `${clock(startTime)}–${clock(addMinutes(startTime, durationMinutes))}`;
      const zone = timeZoneLabel(timeZone);
      if (!choice) return `${rule}, ${time} ${zone}`;
      const days = choice.weekdays.map((d) => t(`series.weekday.${d}`));
      return choice.frequency === 'MONTHLY'
        ? t('series.every.monthly', { weekday: days[0], ordinal: t(`series.ordinal.${choice.weekOfMonth}`), time, zone })
        : t('series.every.weekly', { days: new Intl.ListFormat(locale, { type: 'conjunction' }).format(days), time, zone });
    },
    /** A local date (YYYY-MM-DD) as "Selasa, 5 Januari 2027". */
    date(day: string): string {
      return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    },
  };
}
