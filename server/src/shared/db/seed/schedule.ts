import { isoDateIn } from '../../util/time.js';

const DAY = 86_400_000;

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` reads `hh.mm` on the day `days` after the day
 * `now` falls on there. Schedules are written the way the organiser announces them ("08.00 – 16.00
 * WIB" at the venue), not as offsets from midnight in some other zone.
 */
export function wallClock(now: Date, days: number, time: string, timeZone: string): Date {
  const [hour, minute] = time.split('.').map(Number) as [number, number];
  const [y, m, d] = isoDateIn(now, timeZone).split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute) + days * DAY;
  // Shift by the zone's offset, twice so that an offset change between the two readings settles.
  let t = guess - offsetMs(guess, timeZone);
  t = guess - offsetMs(t, timeZone);
  return new Date(t);
}

/** A course's daily hours at its venue: a working day in class, a morning for an online session. */
export function dailyHours(def: { location?: string | null; hours?: readonly [string, string] }, online: string): readonly [string, string] {
  if (def.hours) return def.hours;
  return def.location === online ? ['09.00', '12.00'] : ['08.00', '16.00'];
}
