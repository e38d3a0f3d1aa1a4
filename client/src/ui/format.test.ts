import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatRupiah,
  formatRunSchedule,
  formatSchedule,
  formatShortDate,
  formatTime,
  formatZonedTime,
  isoToLocalInput,
  localInputToIso,
  timeZoneLabel,
  yearIn,
} from './format';

// 13.00 in Jakarta (UTC+7) on Tuesday 5 May 2026.
const TUESDAY_1PM_WIB = '2026-05-05T06:00:00.000Z';

describe('dates and times', () => {
  it('writes the long date the Indonesian way, and in English', () => {
    expect(formatDate(TUESDAY_1PM_WIB, 'id')).toBe('Selasa, 5 Mei 2026');
    expect(formatDate(TUESDAY_1PM_WIB, 'en')).toBe('Tuesday, 5 May 2026');
  });

  it('writes date and time as "Selasa, 5 Mei 2026 · 13.00 WIB"', () => {
    expect(formatDateTime(TUESDAY_1PM_WIB, 'id')).toBe('Selasa, 5 Mei 2026 · 13.00 WIB');
    expect(formatDateTime(TUESDAY_1PM_WIB, 'en')).toBe('Tuesday, 5 May 2026 · 13:00 WIB');
  });

  it('shows the same instant in the viewer’s zone: WITA and WIT', () => {
    expect(formatTime(TUESDAY_1PM_WIB, 'id', 'Asia/Makassar')).toBe('14.00 WITA');
    expect(formatTime(TUESDAY_1PM_WIB, 'id', 'Asia/Jayapura')).toBe('15.00 WIT');
    // Late evening in Jakarta is already the next day in Jayapura.
    expect(formatDate('2026-05-05T16:30:00Z', 'id', 'Asia/Jakarta')).toBe('Selasa, 5 Mei 2026');
    expect(formatDate('2026-05-05T16:30:00Z', 'id', 'Asia/Jayapura')).toBe('Rabu, 6 Mei 2026');
  });

  it('names zones outside Indonesia by their offset', () => {
    expect(timeZoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(timeZoneLabel('Asia/Tokyo', 'en', new Date(TUESDAY_1PM_WIB))).toMatch(/GMT\+9|JST/);
  });

  it('writes a one-day schedule with a time range and a longer one as a date range', () => {
    expect(formatSchedule(TUESDAY_1PM_WIB, '2026-05-05T08:00:00Z', 'id')).toBe('Selasa, 5 Mei 2026 · 13.00–15.00 WIB');
    expect(formatSchedule('2026-05-05T01:00:00Z', '2026-05-07T09:00:00Z', 'id')).toBe('5 Mei 2026 – 7 Mei 2026');
    expect(formatSchedule(TUESDAY_1PM_WIB, null, 'en')).toBe('Tuesday, 5 May 2026 · 13:00 WIB');
    expect(formatShortDate('2026-08-17T03:00:00Z', 'id')).toBe('17 Agu 2026');
  });

  it('counts "days ago" by calendar day in the viewer’s zone', () => {
    const now = new Date('2026-05-08T02:00:00Z'); // Friday 09.00 WIB
    expect(formatRelative('2026-05-05T09:00:00Z', 'id', now)).toBe('3 hari yang lalu');
    expect(formatRelative('2026-05-05T09:00:00Z', 'en', now)).toBe('3 days ago');
    expect(formatRelative('2026-05-07T15:00:00Z', 'id', now)).toBe('kemarin');
    expect(formatRelative('2026-05-08T01:30:00Z', 'en', now)).toBe('30 minutes ago');
    expect(formatRelative('2026-05-10T02:00:00Z', 'id', now)).toBe('lusa');
  });

  it('takes the JP year in WIB: New Year’s Eve 20.00 UTC is already next year in Jakarta', () => {
    expect(yearIn('2026-12-31T20:00:00Z')).toBe(2027);
    expect(yearIn('2026-12-31T16:59:00Z')).toBe(2026);
  });

  it('converts datetime-local input values in the chosen zone, both ways', () => {
    expect(localInputToIso('2026-05-05T13:00', 'Asia/Jakarta')).toBe(TUESDAY_1PM_WIB);
    expect(localInputToIso('2026-05-05T15:00', 'Asia/Jayapura')).toBe(TUESDAY_1PM_WIB);
    expect(isoToLocalInput(TUESDAY_1PM_WIB, 'Asia/Makassar')).toBe('2026-05-05T14:00');
    expect(localInputToIso('kemarin')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });
});

describe('numbers and money', () => {
  it('uses Indonesian separators', () => {
    expect(formatNumber(1250, 'id')).toBe('1.250');
    expect(formatNumber(1250, 'en')).toBe('1,250');
    expect(formatNumber(12.5, 'id', 1)).toBe('12,5');
    expect(formatNumber(20, 'id', 1)).toBe('20');
  });

  it('writes rupiah as "Rp 1.500.000"', () => {
    expect(formatRupiah(1_500_000, 'id')).toBe('Rp 1.500.000');
    expect(formatRupiah(1_500_000, 'en')).toBe('Rp 1,500,000');
    expect(formatRupiah(0, 'id')).toBe('Rp 0');
  });
});

describe('times with their zone named, and the venue’s when different', () => {
  // 12.00 WIB = 13.00 WITA = 14.00 WIT on Tuesday 5 May 2026.
  const NOON_WIB = '2026-05-05T05:00:00.000Z';
  const TWO_PM_WIB = '2026-05-05T07:00:00.000Z';

  it('writes "13.00 WITA (12.00 WIB)" for a WITA viewer of a WIB venue, and one zone when they agree', () => {
    expect(formatZonedTime(NOON_WIB, 'id', 'Asia/Makassar', 'Asia/Jakarta')).toBe('13.00 WITA (12.00 WIB)');
    expect(formatZonedTime(NOON_WIB, 'en', 'Asia/Jayapura', 'Asia/Makassar')).toBe('14:00 WIT (13:00 WITA)');
    expect(formatZonedTime(NOON_WIB, 'id', 'Asia/Jakarta', 'Asia/Jakarta')).toBe('12.00 WIB');
    // Pontianak keeps Jakarta's clock: nothing to add.
    expect(formatZonedTime(NOON_WIB, 'id', 'Asia/Pontianak', 'Asia/Jakarta')).toBe('12.00 WIB');
  });

  it('writes a run’s schedule in the viewer’s zone with the venue’s clock after it', () => {
    expect(formatRunSchedule(NOON_WIB, TWO_PM_WIB, 'id', 'Asia/Makassar', 'Asia/Jakarta')).toBe('Selasa, 5 Mei 2026 · 13.00–15.00 WITA (12.00–14.00 WIB)');
    expect(formatRunSchedule(NOON_WIB, TWO_PM_WIB, 'id', 'Asia/Jakarta', 'Asia/Jakarta')).toBe('Selasa, 5 Mei 2026 · 12.00–14.00 WIB');
    expect(formatRunSchedule(NOON_WIB, '2026-05-07T07:00:00.000Z', 'en', 'Asia/Jakarta', 'Asia/Jayapura')).toBe('5 May 2026 – 7 May 2026 · from 12:00 WIB (14:00 WIT)');
    expect(formatRunSchedule(NOON_WIB, null, 'id', 'Asia/Makassar', 'Asia/Jakarta')).toBe('Selasa, 5 Mei 2026 · 13.00 WITA (12.00 WIB)');
  });
});
