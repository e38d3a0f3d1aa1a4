import { sql, type Expression, type SqlBool } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { AppError, badInput } from '../../shared/errors.js';
import { keysetCursor, nameIdCursor } from '../../shared/graphql/cursor.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { yearIn } from '../../shared/util/time.js';
import { shownIdentity } from '../person/index.js';
import { ruleDateForYear, ruleSetOn, yearProgress } from './learning-hours.service.js';
import type { AgencyLearningHours, PersonLearningStanding, PersonLearningStandingPage } from './team.types.js';

/** Active people (alias p) with their year's JP as credited (0 without a row) and their org unit. */
function standings(ctx: SignedInOperationContext, year: number) {
  return db(ctx).selectFrom('person as p')
    .leftJoin('person_learning_year as ply', (join) => join.onRef('ply.person_id', '=', 'p.id').on('ply.year', '=', year))
    .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .select((eb) => [
      'p.id', 'p.full_name', 'p.nip', 'p.nidn', 'p.supervisor_id', 'p.agency_id', 'u.name as org_unit_name',
      eb.cast<number>(eb.fn.coalesce('ply.jp', sql<string>`0`), 'float8').as('jp'),
      sql<number>`round(coalesce(${eb.ref('ply.jp')}, 0) * 10)::int`.as('jp_tenths'),
    ])
    .where('p.active', '=', true);
}

type StandingRow = Awaited<ReturnType<ReturnType<typeof standings>['execute']>>[number];

async function toStanding(ctx: SignedInOperationContext, r: StandingRow, targetJp: number): Promise<PersonLearningStanding> {
  // The NIP leaves the server only through the identity rule: in full for the person's circle, masked otherwise.
  const shown = await shownIdentity(ctx, { personId: r.id, agencyId: r.agency_id, supervisorId: r.supervisor_id, nip: r.nip, nidn: r.nidn });
  const jp = Number(r.jp);
  return { personId: r.id, fullName: r.full_name, nip: shown.nip, orgUnitName: r.org_unit_name, jp, targetJp, ...yearProgress(jp, targetJp) };
}

/** The year's target: the rule set in force for the year (ruleDateForYear). */
async function targetFor(ctx: SignedInOperationContext, year: number): Promise<number> {
  return (await ruleSetOn(ctx.em, ruleDateForYear(year))).yearly_target_jp;
}

/**
 * The supervisor's team: their active direct reports with the year's JP and the gap to the target, by name. Two
 * statements a page (the rule, the page) and one more with totalCount; direct reports' NIPs are the supervisor's to see.
 */
export async function myTeamLearningHours(
  ctx: SignedInOperationContext, year: number | null | undefined, first: number, after?: string | null,
): Promise<PersonLearningStandingPage> {
  const y = year ?? yearIn(new Date());
  const cursor = nameIdCursor.decode(after);
  const me = ctx.viewer.personId;
  const target = await targetFor(ctx, y);
  const rows = await standings(ctx, y)
    .where('p.supervisor_id', '=', me)
    .$if(cursor !== null, (qb) => qb.where((eb) => eb(eb.refTuple('p.full_name', 'p.id'), '>', eb.tuple(cursor![0], sql<string>`${cursor![1]}::uuid`))))
    .orderBy('p.full_name').orderBy('p.id')
    .limit(first + 1)
    .execute();
  const count = async () => Number((await db(ctx).selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('supervisor_id', '=', me).where('active', '=', true).executeTakeFirstOrThrow()).n);
  const people = await Promise.all(rows.map((r) => toStanding(ctx, r, target)));
  const names = new Map(rows.map((r) => [r.id, r.full_name]));
  return toPage(people, first, count, (p) => p, (p) => nameIdCursor.encode([names.get(p.personId)!, p.personId]));
}

/** The agency list's order: lowest JP first (in tenths), then by name. */
const standingCursor = keysetCursor('int', 'text', 'uuid');

/**
 * An agency's people against the year's target, lowest JP first: who is below it and by how much, optionally only
 * those below it and by name or NIP. For the agency's admins and platform admins (another agency: NOT_FOUND). Three
 * statements a page (the rule; the agency with its counts; the page), one more with the page's totalCount.
 */
export async function agencyLearningHours(
  ctx: SignedInOperationContext,
  args: { agencyId?: string | null; year?: number | null; belowTargetOnly?: boolean | null; search?: string | null; first: number; after?: string | null },
): Promise<AgencyLearningHours> {
  const { viewer } = ctx;
  const agencyId = args.agencyId ?? (viewer.adminAgencyIds[0] ?? (viewer.isPlatformAdmin ? viewer.agencyId : null));
  if (!agencyId) throw badInput('agencyId', 'required');
  if (!viewer.isPlatformAdmin && !viewer.administersAgency(agencyId)) throw new AppError('NOT_FOUND', { what: 'agency' });
  const y = args.year ?? yearIn(new Date());
  const cursor = standingCursor.decode(args.after);
  const target = await targetFor(ctx, y);
  const summary = await db(ctx).selectFrom('agency as a')
    .select((eb) => [
      'a.name',
      eb.selectFrom('person as p')
        .leftJoin('person_learning_year as ply', (join) => join.onRef('ply.person_id', '=', 'p.id').on('ply.year', '=', y))
        .select([
          sql<number>`count(*)::int`.as('n'),
        ])
        .whereRef('p.agency_id', '=', 'a.id').where('p.active', '=', true).as('people_count'),
      eb.selectFrom('person as p')
        .leftJoin('person_learning_year as ply', (join) => join.onRef('ply.person_id', '=', 'p.id').on('ply.year', '=', y))
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.agency_id', '=', 'a.id').where('p.active', '=', true)
        .where(sql<SqlBool>`coalesce(ply.jp, 0) < ${target}`).as('below_count'),
    ])
    .where('a.id', '=', agencyId)
    .executeTakeFirst();
  if (!summary) throw new AppError('NOT_FOUND', { what: 'agency' });

  const search = args.search?.trim() ?? '';
  const digits = search.replace(/\D/g, '');
  const filter = (eb: { and: (e: Expression<SqlBool>[]) => Expression<SqlBool> }, refs: { name: Expression<string>; nip: Expression<string | null>; jp: Expression<unknown> }) => eb.and([
    ...(args.belowTargetOnly ? [sql<SqlBool>`coalesce(${refs.jp}, 0) < ${target}`] : []),
    ...(search ? [sql<SqlBool>`(${refs.name} ilike ${`%${search.replace(/[\\%_]/g, '\\$&')}%`} or (${digits.length >= 4} and ${refs.nip} like ${`${digits}%`}))`] : []),
  ]);
  const rows = await standings(ctx, y)
    .where('p.agency_id', '=', agencyId)
    .where((eb) => filter(eb, { name: eb.ref('p.full_name'), nip: eb.ref('p.nip'), jp: eb.ref('ply.jp') }))
    .$if(cursor !== null, (qb) => qb.where((eb) => eb(
      eb.tuple(sql<number>`round(coalesce(${eb.ref('ply.jp')}, 0) * 10)::int`, eb.ref('p.full_name'), eb.ref('p.id')), '>',
      eb.tuple(sql<number>`${cursor![0]}::int`, cursor![1], sql<string>`${cursor![2]}::uuid`),
    )))
    .orderBy(sql`round(coalesce(ply.jp, 0) * 10)::int`).orderBy('p.full_name').orderBy('p.id')
    .limit(args.first + 1)
    .execute();
  const count = async () => Number((await db(ctx).selectFrom('person as p')
    .leftJoin('person_learning_year as ply', (join) => join.onRef('ply.person_id', '=', 'p.id').on('ply.year', '=', y))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('p.agency_id', '=', agencyId).where('p.active', '=', true)
    .where((eb) => filter(eb, { name: eb.ref('p.full_name'), nip: eb.ref('p.nip'), jp: eb.ref('ply.jp') }))
    .executeTakeFirstOrThrow()).n);
  const keys = new Map(rows.map((r) => [r.id, r]));
  const people = toPage(await Promise.all(rows.map((r) => toStanding(ctx, r, target))), args.first, count, (p) => p, (p) => {
    const r = keys.get(p.personId)!;
    return standingCursor.encode([r.jp_tenths, r.full_name, r.id]);
  });
  return {
    agencyId, agencyName: summary.name, year: y, targetJp: target,
    peopleCount: summary.people_count ?? 0, belowTargetCount: summary.below_count ?? 0, people,
  };
}
