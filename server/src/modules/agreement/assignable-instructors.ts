import { sql, type Expression, type SqlBool } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { db } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError } from '../../shared/errors.js';
import { nameIdCursor, toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { canManageCourse } from '../course/index.js';
import { runFirstDay, runLastDay } from './agreement.gate.js';
import type { AssignableInstructorsArgs } from './agreement.inputs.js';
import type { AssignableInstructor } from './agreement.types.js';

/**
 * Who the run form offers as instructors of a run of a course, for the dates being typed: the same people the gate
 * (`assertInstructorsCovered`) lets through, so what is offered saves. For an agency's course: the active
 * instructors of that agency, and those of partners with an agreement with the agency in force over the run's
 * whole days (Asia/Jakarta; no dates: today) covering the course's form, with the agreement's number (the one
 * running longest). For a partner's course: that partner's instructors. Names only (no NIP/NIDN).
 *
 * A course the viewer does not manage is NOT_FOUND. Two statements per page (the course, the page), plus the
 * count when `totalCount` is asked for.
 */
export async function assignableInstructors(ctx: SignedInOperationContext, args: AssignableInstructorsArgs): Promise<Page<AssignableInstructor>> {
  const course = isUuid(args.courseId)
    ? await db(ctx).selectFrom('course').select(['id', 'form', 'owner_agency_id', 'owner_partner_id']).where('id', '=', args.courseId).executeTakeFirst()
    : undefined;
  if (!course || !canManageCourse(ctx.viewer, course)) throw new AppError('NOT_FOUND', { what: 'course' }, 'courseId');
  const cursor = nameIdCursor.decode(args.after);
  const startsAt = args.startsAt ?? null;
  const endsAt = args.endsAt ?? null;
  const from = runFirstDay(sql`${startsAt}::timestamptz`);
  const to = runLastDay(sql`${startsAt}::timestamptz`, sql`${endsAt}::timestamptz`);
  const ownerAgency = course.owner_agency_id;
  const search = args.search?.trim();

  const offered = () => db(ctx).selectFrom('person as p')
    .leftJoin('partner_institution as pi', 'pi.id', 'p.partner_id')
    // The agreement that lets this person's partner teach for the owning agency then (none for its own staff).
    .leftJoinLateral((eb) => eb.selectFrom('agreement as a')
      .innerJoin('agreement_agency as aa', 'aa.agreement_id', 'a.id')
      .select(['a.number', 'a.kind'])
      .whereRef('a.partner_id', '=', 'p.partner_id')
      .where('aa.agency_id', '=', ownerAgency ?? sql<string>`null::uuid`)
      .where(sql<boolean>`a.valid_from <= ${from} and a.valid_to >= ${to} and ${course.form} = any(a.scope)`)
      .orderBy('a.valid_to', 'desc').orderBy('a.id')
      .limit(1)
      .as('cover'), (join) => join.onTrue())
    .where('p.active', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('role_grant as g').select(eb.lit(1).as('one'))
      .whereRef('g.person_id', '=', 'p.id').where('g.role', '=', Role.INSTRUCTOR)))
    .where((eb) => {
      if (!ownerAgency) return eb('p.partner_id', '=', course.owner_partner_id!);
      return eb.or([eb('p.agency_id', '=', ownerAgency), eb.and([eb('p.partner_id', 'is not', null), eb('cover.number', 'is not', null)])]);
    })
    .$if(!!search, (q) => q.where((eb) => {
      const alternatives: Expression<SqlBool>[] = [eb('p.full_name', 'ilike', `%${escapeLike(search!)}%`)];
      // Typos: trigram word similarity, as the people search does.
      if (search!.length >= 4) alternatives.push(sql<boolean>`${search} <% p.full_name`);
      return eb.or(alternatives);
    }));

  const rows = await offered()
    .select(['p.id', 'p.full_name', 'p.position_title', 'pi.name as partner_name', 'cover.kind as agreement_kind'])
    // The owning agency's own staff (even if also a partner's) teach as its staff: no agreement named.
    .select(sql<string | null>`case when p.agency_id is not distinct from ${ownerAgency}::uuid then null else cover.number end`.as('agreement_number'))
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('p.full_name', 'p.id'), '>', eb.tuple(cursor![0], cursor![1]))))
    .orderBy('p.full_name').orderBy('p.id')
    .limit(args.first + 1)
    .execute();
  const count = async () => (await offered().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  return toPage(rows, args.first, count, (r) => ({
    personId: r.id,
    fullName: r.full_name,
    positionTitle: r.position_title ?? null,
    partnerName: r.partner_name ?? null,
    agreementNumber: r.agreement_number,
    agreementKind: r.agreement_number ? r.agreement_kind ?? null : null,
  }), (r) => nameIdCursor.encode([r.full_name, r.id]));
}
