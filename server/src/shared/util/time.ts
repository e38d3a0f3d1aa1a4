/** Indonesia's default zone (WIB). Years for the JP target are counted in this zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** The calendar year of an instant as seen in a time zone (JP years turn over at midnight WIB). */
export function yearIn(date: Date, timeZone = DEFAULT_TIME_ZONE): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(date));
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function isoDateIn(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
