import type { Locale } from '../../shared/i18n/messages.js';

/**
 * The words printed on a certificate, Bahasa Indonesia first. Only the labels are translated: the facts (title,
 * names, competencies) are printed as issued.
 */
export const pdfLabels = {
  id: {
    heading: 'SERTIFIKAT',
    number: 'Nomor',
    awardedTo: 'diberikan kepada',
    completed: 'atas keberhasilannya menyelesaikan',
    form: 'Bentuk pengembangan',
    programme: 'Program pengembangan kompetensi',
    jp: 'Jam pelajaran',
    dates: 'Waktu pelaksanaan',
    competencies: 'Kompetensi',
    issued: 'Diterbitkan',
    inCooperation: 'bekerja sama dengan',
    scan: 'Pindai untuk memeriksa keaslian',
    footer: 'Sertifikat elektronik ini diterbitkan melalui Lentera. Keasliannya dapat diperiksa di',
    revoked: 'DICABUT',
    superseded: 'DIGANTIKAN',
    title: 'Sertifikat',
  },
  en: {
    heading: 'CERTIFICATE',
    number: 'No.',
    awardedTo: 'is awarded to',
    completed: 'for successfully completing',
    form: 'Form of development',
    programme: 'Competency development programme',
    jp: 'Learning hours',
    dates: 'Held',
    competencies: 'Competencies',
    issued: 'Issued',
    inCooperation: 'in cooperation with',
    scan: 'Scan to check it is genuine',
    footer: 'This electronic certificate was issued through Lentera. Check that it is genuine at',
    revoked: 'REVOKED',
    superseded: 'SUPERSEDED',
    title: 'Certificate',
  },
} satisfies Record<Locale, Record<string, string>>;


const intlLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

/** `YYYY-MM-DD` dates as a reader of the locale writes them: "3 Desember 2026", "3 December 2026". */
function dayFormat(locale: Locale): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** "2–4 Desember 2026", one day alone when it starts and ends on it, null without dates. */
export function formatDays(locale: Locale, startsOn: string | null, endsOn: string | null): string | null {
  const from = startsOn ?? endsOn;
  const to = endsOn ?? startsOn;
  if (!from || !to) return null;
  const f = dayFormat(locale);
  return from === to ? f.format(utcDay(from)) : f.formatRange(utcDay(from), utcDay(to));
}

/** An instant as the day it was in `timeZone` (the issuing agency's). */
export function formatInstantDay(locale: Locale, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
}

/** JP as the locale writes decimals: "4,5 JP" / "4.5 JP", a whole number without ",0". */
export function formatJp(locale: Locale, jp: number): string {
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(jp)} JP`;
}
