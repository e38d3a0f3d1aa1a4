/**
 * Dates, times and numbers the way Indonesian civil servants read them ("Selasa, 5 Mei 2026 ·
 * 13.00 WIB", "1.250", "Rp 1.500.000"), with a complete English counterpart. Pure functions of
 * their inputs (language and time zone are explicit), so they are unit-tested.
 */
export type FormatLanguage = 'id' | 'en';

const LOCALE: Record<FormatLanguage, string> = { id: 'id-ID', en: 'en-GB' };

/** Indonesia's three zones have names everyone knows; other zones get what Intl calls them. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(lang: FormatLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], options);
    cache.set(key, f);
  }
  return f;
}
function nf(lang: FormatLanguage, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** "WIB", "WITA", "WIT", or the zone's short name elsewhere ("GMT+9"). */
export function timeZoneLabel(timeZone: string = DEFAULT_TIME_ZONE, lang: FormatLanguage = 'id', at: Date = new Date()): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known;
  const part = dtf(lang, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Selasa, 5 Mei 2026" / "Tuesday, 5 May 2026". */
export function formatDate(value: Date | string | number, lang: FormatLanguage, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dtf(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(toDate(value));
}

/** "5 Mei 2026" / "5 May 2026" (no weekday: for tables and compact cards). */
export function formatShortDate(value: Date | string | number, lang: FormatLanguage, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dtf(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(toDate(value));
}

/** "13.00 WIB" / "13:00 WIB" (24-hour clock in both languages, as Indonesian schedules are). */
export function formatTime(value: Date | string | number, lang: FormatLanguage, timeZone: string = DEFAULT_TIME_ZONE): string {
  const d = toDate(value);
  const time = dtf(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);
  return `${time} ${timeZoneLabel(timeZone, lang, d)}`;
}

/** "Selasa, 5 Mei 2026 · 13.00 WIB". */
export function formatDateTime(value: Date | string | number, lang: FormatLanguage, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatDate(value, lang, timeZone)} · ${formatTime(value, lang, timeZone)}`;
}

function dayKey(d: Date, timeZone: string): string {
  return dtf('en', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(d);
}

/**
 * A schedule: "Selasa, 5 Mei 2026 · 13.00–15.00 WIB" on one day, otherwise
 * "5 Mei 2026 – 7 Mei 2026". Without an end it is just the start.
 */
export function formatSchedule(
  start: Date | string | number,
  end: Date | string | number | null | undefined,
  lang: FormatLanguage,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const s = toDate(start);
  if (end === null || end === undefined) return formatDateTime(s, lang, timeZone);
  const e = toDate(end);
  if (dayKey(s, timeZone) === dayKey(e, timeZone)) {
    const from = dtf(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(s);
    return `${formatDate(s, lang, timeZone)} · ${from}–${formatTime(e, lang, timeZone)}`;
  }
  return `${formatShortDate(s, lang, timeZone)} – ${formatShortDate(e, lang, timeZone)}`;
}

/**
 * A moment in the viewer's zone with the zone named, and in the venue's when that differs:
 * "13.00 WITA (12.00 WIB)" for a WITA viewer at a WIB venue; "12.00 WIB" when both are WIB.
 */
export function formatZonedTime(
  value: Date | string | number,
  lang: FormatLanguage,
  viewerZone: string = DEFAULT_TIME_ZONE,
  venueZone: string = viewerZone,
): string {
  const mine = formatTime(value, lang, viewerZone);
  return sameOffset(value, viewerZone, venueZone) ? mine : `${mine} (${formatTime(value, lang, venueZone)})`;
}

/** Zones that read the same clock at that moment (Asia/Pontianak and Asia/Jakarta are both WIB). */
function sameOffset(value: Date | string | number, a: string, b: string): boolean {
  if (a === b) return true;
  const at = toDate(value).getTime();
  return offsetMs(at, a) === offsetMs(at, b);
}

/**
 * A run's schedule as `formatSchedule` writes it, in the viewer's zone, with the venue's clock after it when the
 * zones differ: "Selasa, 5 Mei 2026 · 13.00–15.00 WITA (12.00–14.00 WIB)"; over several days
 * "5 Mei 2026 – 7 Mei 2026 · mulai 13.00 WITA (12.00 WIB)" ("from" in English).
 */
export function formatRunSchedule(
  start: Date | string | number,
  end: Date | string | number | null | undefined,
  lang: FormatLanguage,
  viewerZone: string = DEFAULT_TIME_ZONE,
  venueZone: string = viewerZone,
): string {
  const s = toDate(start);
  if (end === null || end === undefined) return `${formatDate(s, lang, viewerZone)} · ${formatZonedTime(s, lang, viewerZone, venueZone)}`;
  const e = toDate(end);
  const clock = (d: Date, zone: string) => dtf(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).format(d);
  const span = (zone: string) => `${clock(s, zone)}–${formatTime(e, lang, zone)}`;
  const other = !sameOffset(s, viewerZone, venueZone);
  if (dayKey(s, viewerZone) === dayKey(e, viewerZone)) {
    return `${formatDate(s, lang, viewerZone)} · ${span(viewerZone)}${other ? ` (${span(venueZone)})` : ''}`;
  }
  const from = lang === 'id' ? 'mulai' : 'from';
  return `${formatShortDate(s, lang, viewerZone)} – ${formatShortDate(e, lang, viewerZone)} · ${from} ${formatZonedTime(s, lang, viewerZone, venueZone)}`;
}

/** "1.250" / "1,250". */
export function formatNumber(value: number, lang: FormatLanguage, fractionDigits?: number): string {
  return nf(lang, fractionDigits === undefined ? {} : { maximumFractionDigits: fractionDigits, minimumFractionDigits: 0 }).format(value);
}

/** "Rp 1.500.000" / "Rp 1,500,000" (rupiah are whole numbers). */
export function formatRupiah(value: number, lang: FormatLanguage = 'id'): string {
  return `Rp ${nf(lang, { maximumFractionDigits: 0 }).format(Math.round(value))}`;
}

const DAY = 86_400_000;

/**
 * "3 hari yang lalu" / "3 days ago", "kemarin" / "yesterday", "hari ini" / "today" (by calendar
 * day in the viewer's zone, not 24-hour blocks); minutes and hours within today.
 */
export function formatRelative(
  value: Date | string | number,
  lang: FormatLanguage,
  now: Date = new Date(),
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const d = toDate(value);
  const rtf = new Intl.RelativeTimeFormat(LOCALE[lang], { numeric: 'auto' });
  const diffMs = d.getTime() - now.getTime();
  const sameDay = dayKey(d, timeZone) === dayKey(now, timeZone);
  if (sameDay) {
    const minutes = Math.round(diffMs / 60_000);
    // "0 detik yang lalu" rather than "sekarang": reads well after "sejak" / "since".
    if (Math.abs(minutes) < 1) return rtf.format(Math.min(-1, Math.round(diffMs / 1000)), 'second');
    if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
    return rtf.format(Math.round(diffMs / 3_600_000), 'hour');
  }
  const days = Math.round((midnight(d, timeZone) - midnight(now, timeZone)) / DAY);
  if (Math.abs(days) < 30) return rtf.format(days, 'day');
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 12) return rtf.format(months, 'month');
  return rtf.format(Math.round(days / 365.25), 'year');
}

function midnight(d: Date, timeZone: string): number {
  const parts = dtf('en', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'));
}

/** The year a moment falls in, in the viewer's zone (JP years follow the calendar in WIB). */
export function yearIn(value: Date | string | number, timeZone: string = DEFAULT_TIME_ZONE): number {
  return Number(dtf('en', { year: 'numeric', timeZone }).format(toDate(value)));
}

/** Converts an <input type="datetime-local"> value, read in `timeZone`, to an ISO instant. */
export function localInputToIso(local: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Shift by the zone's offset at that moment (twice, to settle across offset changes).
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t).toISOString();
}

/** The other way: an ISO instant as "YYYY-MM-DDTHH:mm" wall time in `timeZone`. */
export function isoToLocalInput(iso: string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const parts = dtf('en', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

function offsetMs(utcMs: number, timeZone: string): number {
  const parts = dtf('en', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone,
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}
