/** Indonesia's default zone (WIB). Years for the JP target are counted in this zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

// Building an Intl formatter is far costlier than using one: keep one per zone.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function isoDateIn(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormatter(timeZone).format(date);
}

/** The calendar year of an instant as seen in a time zone (JP years turn over at midnight WIB). */
export function yearIn(date: Date, timeZone = DEFAULT_TIME_ZONE): number {
  return Number(isoDateIn(date, timeZone).slice(0, 4));
}
