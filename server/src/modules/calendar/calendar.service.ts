import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { hashToken } from '../auth/index.js';
import { assertCanViewRun, canTeachRun } from '../run/index.js';
import { registeredEvents, runEventFor, sessionEventsFor } from './calendar.sql.js';
import { buildCalendar } from './ical.js';

/** Where a feed is served (calendar.routes.ts); the token is the last segment, before `.ics`. */
export const FEED_PATH = '/kalender';

const words = {
  id: { feed: 'Lentera — jadwal saya' },
  en: { feed: 'Lentera — my schedule' },
} satisfies Record<Locale, unknown>;

const asLocale = (value: string): Locale => (value === 'en' ? 'en' : 'id');

/** When the viewer's feed was made, or null when they have none. The URL itself is shown only once, when made. */
export async function myCalendarFeed(ctx: SignedInOperationContext): Promise<{ createdAt: Date } | null> {
  const row = await db(ctx).selectFrom('calendar_feed').select('created_at').where('person_id', '=', ctx.viewer.personId).executeTakeFirst();
  return row ? { createdAt: new Date(row.created_at) } : null;
}

/**
 * Makes the viewer's feed URL, replacing any earlier one (which stops working at once): a random token in the
 * URL, only its SHA-256 stored. One statement, so two clicks at once leave exactly one working URL.
 */
export async function createMyCalendarFeed(ctx: SignedInOperationContext, baseUrl: string): Promise<{ url: string; createdAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const row = await db(ctx).insertInto('calendar_feed')
    .values({
      id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, person_id: ctx.viewer.personId, token_hash: hashToken(token),
    })
    .onConflict((oc) => oc.constraint('calendar_feed_person_unique').doUpdateSet({
      token_hash: (eb) => eb.ref('excluded.token_hash'), created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
    }))
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return { url: `${baseUrl}${FEED_PATH}/${token}.ics`, createdAt: new Date(row.created_at) };
}

/** Revokes the viewer's feed: its URL answers 404 from now on. True when there was one. */
export async function revokeMyCalendarFeed(ctx: SignedInOperationContext): Promise<boolean> {
  const result = await db(ctx).deleteFrom('calendar_feed').where('person_id', '=', ctx.viewer.personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The feed behind a token: everything its (active) person is registered for, in their language, the calendar
 * in their zone and each event in its venue's. Null for an unknown or revoked token (the route answers 404).
 */
export async function feedCalendar(ctx: OperationContext, token: string, publicUrl: string): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const person = await db(ctx).selectFrom('calendar_feed as f')
    .innerJoin('person as p', 'p.id', 'f.person_id')
    .select(['p.id', 'p.locale', 'p.time_zone'])
    .where('f.token_hash', '=', hashToken(token))
    .where('p.active', '=', sql.lit(true))
    .executeTakeFirst();
  if (!person) return null;
  const locale = asLocale(person.locale);
  const events = await registeredEvents(ctx, person.id, locale, publicUrl);
  return buildCalendar({ name: words[locale].feed, timeZone: person.time_zone, locale, events });
}

/**
 * One run's calendar file for the signed-in viewer: whoever may see the run gets it; the online link only when
 * they hold a seat in it or run it. A run they may not see is NOT_FOUND, as everywhere.
 */
export async function runCalendar(ctx: SignedInOperationContext, runId: string, publicUrl: string): Promise<{ ics: string; filename: string }> {
  const access = await assertCanViewRun(ctx.em, ctx.viewer, runId);
  const opts = { locale: ctx.locale, publicUrl, teaches: canTeachRun(ctx.viewer, access) };
  const event = await runEventFor(ctx, runId, ctx.viewer.personId, opts);
  if (!event) throw new AppError('NOT_FOUND', { what: 'run' });
  // A workshop run with sessions exports its sessions, each an event of its own.
  const sessions = await sessionEventsFor(ctx, runId, ctx.viewer.personId, opts);
  const ics = buildCalendar({ name: event.title, timeZone: event.timeZone, locale: ctx.locale, events: sessions.length ? sessions : [event] });
  return { ics, filename: `lentera-${event.details[0]?.replace(/[^\w-]+/g, '-').toLowerCase() ?? 'run'}.ics` };
}

/** A run's calendar written for one registered person (mails): with the online link when they hold a seat. */
export async function runCalendarForPerson(ctx: OperationContext, runId: string, personId: string, locale: Locale, publicUrl: string): Promise<string | null> {
  const opts = { locale, publicUrl, teaches: false };
  const event = await runEventFor(ctx, runId, personId, opts);
  if (!event) return null;
  const sessions = await sessionEventsFor(ctx, runId, personId, opts);
  return buildCalendar({ name: event.title, timeZone: event.timeZone, locale, events: sessions.length ? sessions : [event] });
}
