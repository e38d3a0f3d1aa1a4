import type { TFunction } from 'i18next';

export interface SeatInfo {
  capacity: number | null;
  seatsLeft: number | null;
  waitlistLength?: number | null;
}

/** "8 kursi tersisa dari 30", "Penuh · 3 orang di daftar tunggu", "Kursi tidak terbatas". */
export function seatsText(s: SeatInfo, t: TFunction): string {
  if (s.capacity === null || s.seatsLeft === null) return t('course.seats.unlimited');
  if (s.seatsLeft > 0) return t('course.seats.left', { left: s.seatsLeft, capacity: s.capacity });
  return s.waitlistLength ? t('course.seats.fullWaitlist', { waiting: s.waitlistLength }) : t('course.seats.full');
}

export function seatsColor(s: SeatInfo): string {
  if (s.capacity === null || s.seatsLeft === null) return 'ink.7';
  if (s.seatsLeft === 0) return 'red.9';
  if (s.seatsLeft <= Math.max(3, Math.ceil(s.capacity * 0.1))) return 'orange.9';
  return 'teal.9';
}
