import rruleModule from 'rrule';
import { AppError } from '../../shared/errors.js';

// rrule ships CommonJS for Node: its classes come on the default export.
const { RRule } = rruleModule;

/** A series is bounded: it is planned, not endless (an edit can always extend it). */
const MAX_OCCURRENCES = 60;
const MAX_MONTHS = 24;

const ALLOWED_FREQUENCIES = new Set([RRule.WEEKLY, RRule.MONTHLY]);

/**
 * The recurrence rule as stored: FREQ WEEKLY or MONTHLY with an INTERVAL and the weekdays (with their week of the
 * month for MONTHLY, e.g. +1TU or -1FR) or days of the month; nothing else. DTSTART, UNTIL and COUNT are the
 * series' own fields, and the time of day is its start time, so a rule carrying them is refused
 * (INVALID_RECURRENCE), as is anything the rrule package cannot read.
 */
export function normalizeRule(text: string): string {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text.trim().replace(/^RRULE:/i, ''));
  } catch {
    throw new AppError('INVALID_RECURRENCE', {}, 'rrule');
  }
  const { freq, interval, byweekday, bymonthday, ...rest } = options;
  const extra = Object.entries(rest).filter(([, v]) => v !== undefined && v !== null);
  if (freq === undefined || !ALLOWED_FREQUENCIES.has(freq) || extra.length) throw new AppError('INVALID_RECURRENCE', {}, 'rrule');
  if (interval !== undefined && (interval < 1 || interval > 12)) throw new AppError('INVALID_RECURRENCE', {}, 'rrule');
  const weekdays = byweekday === undefined || byweekday === null ? [] : Array.isArray(byweekday) ? byweekday : [byweekday];
  const monthDays = bymonthday === undefined || bymonthday === null ? [] : Array.isArray(bymonthday) ? bymonthday : [bymonthday];
  if (weekdays.length === 0 && monthDays.length === 0 && freq === RRule.MONTHLY) throw new AppError('INVALID_RECURRENCE', {}, 'rrule');
  if (freq === RRule.WEEKLY && (monthDays.length || weekdays.some((d) => typeof d === 'object' && d.n))) throw new AppError('INVALID_RECURRENCE', {}, 'rrule');
  return RRule.optionsToString({ freq, ...(interval && interval > 1 ? { interval } : {}), byweekday: weekdays.length ? weekdays : null, bymonthday: monthDays.length ? monthDays : null })
    .replace(/^RRULE:/, '');
}

export interface SeriesSchedule {
  rrule: string;
  /** YYYY-MM-DD, local. */
  startsOn: string;
  /** HH:MM, local. */
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  untilOn: string | null;
  occurrenceCount: number | null;
}

export interface Occurrence {
  /** Its local date (YYYY-MM-DD in the series' zone): what identifies it when the series is edited. */
  date: string;
  /** Its place in the series (1 = the first date of the rule). */
  number: number;
  startsAt: Date;
  endsAt: Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseDate(value: string, field: string): [number, number, number] {
  const m = DATE.exec(value);
  const parts = m ? [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number] : null;
  if (!parts || new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDate() !== parts[2]) {
    throw new AppError('BAD_USER_INPUT', { reason: 'invalidDate' }, field);
  }
  return parts;
}

/** The zone's offset from UTC at an instant, in minutes (Intl knows every zone's history and any DST). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a local wall-clock time in a zone names. Indonesia's zones have fixed offsets, but the offset is
 * read for the day itself (and read again at the result, which settles a change of offset on that day).
 */
function zonedInstant(wallClockAsUtc: number, timeZone: string): Date {
  const first = wallClockAsUtc - offsetMinutes(wallClockAsUtc, timeZone) * 60_000;
  const second = wallClockAsUtc - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second);
}

/**
 * Every occurrence of a schedule, expanded by the rrule package over "floating" times (the local wall clock
 * written as if it were UTC, so the rule counts local days), each turned into UTC instants in the series' zone.
 * Bounded: the end at most MAX_MONTHS after the start and at most MAX_OCCURRENCES dates (SERIES_TOO_LONG).
 */
export function expandSchedule(schedule: SeriesSchedule): Occurrence[] {
  const [y, mo, d] = parseDate(schedule.startsOn, 'startsOn');
  const time = TIME.exec(schedule.startTime);
  if (!time) throw new AppError('BAD_USER_INPUT', { reason: 'invalidTime' }, 'startTime');
  const bound = { months: MAX_MONTHS, count: MAX_OCCURRENCES };
  const dtstart = new Date(Date.UTC(y, mo - 1, d, Number(time[1]), Number(time[2])));
  const latest = Date.UTC(y, mo - 1 + MAX_MONTHS, d, 23, 59, 59);
  let until: Date | null = null;
  if (schedule.untilOn !== null) {
    const [uy, um, ud] = parseDate(schedule.untilOn, 'untilOn');
    until = new Date(Date.UTC(uy, um - 1, ud, 23, 59, 59));
    if (until.getTime() < dtstart.getTime()) throw new AppError('INVALID_DATES', {}, 'untilOn');
    if (until.getTime() > latest) throw new AppError('SERIES_TOO_LONG', bound, 'untilOn');
  } else if (schedule.occurrenceCount === null || schedule.occurrenceCount < 1 || schedule.occurrenceCount > MAX_OCCURRENCES) {
    throw new AppError('SERIES_TOO_LONG', bound, 'occurrenceCount');
  }
  const rule = new RRule({
    ...RRule.parseString(schedule.rrule), dtstart, until, count: schedule.occurrenceCount,
  });
  // One more than allowed tells "too many" without expanding an unbounded rule further.
  const floating = rule.all((_date, i) => i <= MAX_OCCURRENCES);
  if (floating.length > MAX_OCCURRENCES || floating.some((f) => f.getTime() > latest)) throw new AppError('SERIES_TOO_LONG', bound, until ? 'untilOn' : 'occurrenceCount');
  if (floating.length === 0) throw new AppError('SERIES_EMPTY', {}, 'rrule');
  return floating.map((f, i) => {
    const startsAt = zonedInstant(f.getTime(), schedule.timeZone);
    return { date: f.toISOString().slice(0, 10), number: i + 1, startsAt, endsAt: new Date(startsAt.getTime() + schedule.durationMinutes * 60_000) };
  });
}

/** A run code from the series' pattern: {YYYY} {MM} {DD} of the local date, {N} the occurrence's number. */
export function occurrenceCode(pattern: string, occurrence: Occurrence): string {
  const [yyyy, mm, dd] = occurrence.date.split('-');
  return pattern.replace(/\{YYYY\}/g, yyyy).replace(/\{MM\}/g, mm).replace(/\{DD\}/g, dd).replace(/\{N\}/g, String(occurrence.number))
    .trim().toUpperCase();
}
