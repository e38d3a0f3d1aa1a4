import { RRule, Weekday } from 'rrule';

/*
 * The form's recurrence as an RRULE and back, and the preview of the next dates, with the same `rrule` package the
 * server expands a series with (server/src/modules/workshop/series.rules.ts): dates are expanded over the local wall
 * clock written as UTC ("floating"), so the rule counts the venue's days whatever the admin's own zone.
 */

export type SeriesFrequency = 'WEEKLY' | 'MONTHLY';
/** Monday = 0 … Sunday = 6, as rrule numbers weekdays. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
/** Which week of the month: 1–4, or -1 for the last. */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;

export interface RuleChoice {
  frequency: SeriesFrequency;
  /** Weekly: the days; monthly: one day. */
  weekdays: WeekdayCode[];
  weekOfMonth: number;
}

export function ruleText(choice: RuleChoice): string {
  const days = choice.weekdays.map((d) => new Weekday(WEEKDAYS.indexOf(d)));
  const options = choice.frequency === 'MONTHLY'
    ? { freq: RRule.MONTHLY, byweekday: days.slice(0, 1).map((d) => d.nth(choice.weekOfMonth)) }
    : { freq: RRule.WEEKLY, byweekday: days };
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

/** The form's choice for a stored rule; null when the rule is not one the form can show (it is then kept as it is). */
export function parseRule(text: string): RuleChoice | null {
  try {
    const options = RRule.parseString(text);
    const raw = options.byweekday;
    const days = (raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw]).map((d) => (typeof d === 'number' ? new Weekday(d) : typeof d === 'string' ? Weekday.fromStr(d) : d));
    const codes = days.map((d) => WEEKDAYS[d.weekday]);
    if (options.freq === RRule.WEEKLY && codes.length) return { frequency: 'WEEKLY', weekdays: codes, weekOfMonth: 1 };
    if (options.freq === RRule.MONTHLY && days.length === 1 && days[0].n) return { frequency: 'MONTHLY', weekdays: codes, weekOfMonth: days[0].n };
    return null;
  } catch {
    return null;
  }
}

/** Up to `max` local dates (YYYY-MM-DD) of a series from `startsOn`, ending on `untilOn` or after `count` dates. */
export function previewDates(rule: string, startsOn: string, startTime: string, untilOn: string | null, count: number | null, max = 6): string[] {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startsOn);
  const time = /^(\d{2}):(\d{2})$/.exec(startTime);
  if (!day || !time) return [];
  try {
    const dtstart = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(time[1]), Number(time[2])));
    const end = untilOn && /^\d{4}-\d{2}-\d{2}$/.test(untilOn) ? new Date(`${untilOn}T23:59:59Z`) : null;
    const r = new RRule({ ...RRule.parseString(rule), dtstart, until: end, count: end ? null : count });
    return r.all((_d, i) => i < max).map((d) => d.toISOString().slice(0, 10));
  } catch {
    return [];
  }
}

/** Minutes between two HH:MM times of one day (an end before the start is not a duration). */
export function minutesBetween(start: string, end: string): number | null {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  if ([sh, sm, eh, em].some((v) => v === undefined || Number.isNaN(v))) return null;
  const minutes = eh * 60 + em - (sh * 60 + sm);
  return minutes > 0 ? minutes : null;
}

/** HH:MM plus minutes, within the day. */
export function addMinutes(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number);
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
