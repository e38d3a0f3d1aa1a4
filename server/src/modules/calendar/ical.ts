import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Locale } from '../../shared/i18n/messages.js';
import { isIndonesianTimeZone, ZONE_INFO } from '../../shared/util/time-zones.js';

/**
 * One thing in a calendar: a course run today, a workshop session later (each session an event of its own,
 * with its own uid). The caller decides what the viewer may see: `onlineUrl` is null unless they hold a place.
 */
export interface CalendarEvent {
  /** Stable across downloads, so subscribed calendars update the event instead of duplicating it. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  /** The venue's zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura): times are written in it, with its VTIMEZONE. */
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
  /** The page in Lentera. */
  pageUrl: string;
  /** On the waiting list: shown as tentative. */
  tentative: boolean;
  /** Called off (a workshop session): published as STATUS:CANCELLED under its uid, so calendars drop or strike it. */
  cancelled?: boolean;
  /** Said in the description (the run code, the host). */
  details: string[];
}

const words = {
  id: { online: 'Tautan daring', waitlisted: 'Daftar tunggu', page: 'Di Lentera', cancelled: 'Dibatalkan' },
  en: { online: 'Online link', waitlisted: 'Waiting list', page: 'In Lentera', cancelled: 'Cancelled' },
} satisfies Record<Locale, unknown>;

/**
 * VTIMEZONE of a zone without daylight saving time: one STANDARD rule with a fixed offset. Indonesia's zones
 * have been fixed since 1988, so no time-zone database is needed (and calendar readers without one, e.g.
 * ical.js, still get the right instants).
 */
function vtimezone(zone: string): string | null {
  if (!isIndonesianTimeZone(zone)) return null;
  const { label, offset } = ZONE_INFO[zone];
  return [
    'BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`,
    'BEGIN:STANDARD', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, `TZNAME:${label}`, 'DTSTART:19700101T000000', 'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** An iCalendar (RFC 5545) text: each event in its venue's zone; the calendar's own zone is the reader's. */
export function buildCalendar(opts: { name: string; timeZone: string; locale: Locale; events: CalendarEvent[] }): string {
  const w = words[opts.locale];
  const calendar = ical({
    name: opts.name,
    prodId: { company: 'Lentera', product: 'Lentera', language: opts.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: opts.timeZone, generator: vtimezone },
    // Subscribed calendars ask again about this often (Google decides for itself).
    ttl: 60 * 60 * 6,
  });
  for (const e of opts.events) {
    const start = DateTime.fromJSDate(e.startsAt, { zone: e.timeZone });
    const end = DateTime.fromJSDate(e.endsAt ?? e.startsAt, { zone: e.timeZone });
    calendar.createEvent({
      id: e.uid,
      start,
      end,
      timezone: e.timeZone,
      summary: e.cancelled ? `${w.cancelled}: ${e.title}` : e.tentative ? `${e.title} (${w.waitlisted})` : e.title,
      location: e.location ?? e.onlineUrl ?? null,
      description: [
        ...e.details,
        ...(e.onlineUrl ? [`${w.online}: ${e.onlineUrl}`] : []),
        `${w.page}: ${e.pageUrl}`,
      ].join('\n'),
      url: e.pageUrl,
      status: e.cancelled ? ICalEventStatus.CANCELLED : e.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
