import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type Expression } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';

/** A run's first day as agreements count days: its start's Asia/Jakarta date; an undated run (any time) counts as today. */
export const runFirstDay = (startsAt: Expression<unknown>) => sql<string>`(coalesce(${startsAt}, now()) at time zone 'Asia/Jakarta')::date`;
/** A run's last day: its end's Asia/Jakarta date (no end: its start's; undated: today). */
export const runLastDay = (startsAt: Expression<unknown>, endsAt: Expression<unknown>) =>
  sql<string>`(coalesce(${endsAt}, ${startsAt}, now()) at time zone 'Asia/Jakarta')::date`;

/**
 * Partner staff teach an agency's run only under an agreement between their partner and the course's owning
 * agency that is in force over the run's whole dates (Asia/Jakarta days) and covers the course's form; the
 * run module calls this where it writes a run's instructors, in that transaction. The owning agency's own staff
 * and courses owned by a partner are not gated. A run without dates (any time) needs an agreement in force today.
 *
 * Refusals name the partner: AGREEMENT_MISSING (none in force then), AGREEMENT_EXPIRED (one covering the form
 * ended before the run does: its number and last day), AGREEMENT_NOT_COVERING_FORM (in force, other forms).
 * Three statements whatever the number of instructors. The run form offers the same people (assignable-instructors.ts).
 */
export async function assertInstructorsCovered(ctx: { em: EntityManager }, target: { runId: string; instructorIds: readonly string[] }): Promise<void> {
  if (target.instructorIds.length === 0) return;
  const run = await db(ctx).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .select(['c.form', 'c.owner_agency_id',
      sql<string>`${runFirstDay(sql.ref('r.starts_at'))}::text`.as('from'),
      sql<string>`${runLastDay(sql.ref('r.starts_at'), sql.ref('r.ends_at'))}::text`.as('to')])
    .where('r.id', '=', target.runId).executeTakeFirst();
  if (!run?.owner_agency_id) return;
  const partners = await db(ctx).selectFrom('person as p').innerJoin('partner_institution as pi', 'pi.id', 'p.partner_id')
    .select(['pi.id', 'pi.name']).distinct()
    .where('p.id', 'in', [...target.instructorIds]).where('p.partner_id', 'is not', null)
    // Staff of the owning agency who are also a partner's (a training centre of the agency) teach as its staff.
    .where('p.agency_id', 'is distinct from', run.owner_agency_id)
    .orderBy('pi.name').execute();
  if (partners.length === 0) return;
  const { from, to } = run;
  const agreements = await db(ctx).selectFrom('agreement as a')
    .innerJoin('agreement_agency as aa', 'aa.agreement_id', 'a.id')
    .select(['a.partner_id', 'a.number', sql<string>`a.valid_from::text`.as('valid_from'), sql<string>`a.valid_to::text`.as('valid_to'),
      sql<boolean>`${run.form} = any(a.scope)`.as('covers')])
    .where('aa.agency_id', '=', run.owner_agency_id)
    .where('a.partner_id', 'in', partners.map((p) => p.id))
    .orderBy('a.valid_to', 'desc').orderBy('a.id')
    .execute();
  for (const partner of partners) {
    const own = agreements.filter((a) => a.partner_id === partner.id);
    const inForce = own.filter((a) => a.valid_from <= from && a.valid_to >= to);
    if (inForce.some((a) => a.covers)) continue;
    // The latest covering agreement that had started by the run's start but ends before the run does.
    const ended = own.find((a) => a.covers && a.valid_from <= from && a.valid_to < to);
    if (ended) throw new AppError('AGREEMENT_EXPIRED', { partner: partner.name, number: ended.number, date: ended.valid_to }, 'instructorIds');
    if (inForce.length) throw new AppError('AGREEMENT_NOT_COVERING_FORM', { partner: partner.name, number: inForce[0].number }, 'instructorIds');
    throw new AppError('AGREEMENT_MISSING', { partner: partner.name }, 'instructorIds');
  }
}
