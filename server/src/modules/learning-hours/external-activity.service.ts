import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db, inTransaction, type Db } from '../../shared/db/kysely.js';
import { AppError, badInput, isUniqueViolation } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { isoDateIn } from '../../shared/util/time.js';
import { writeAudit } from '../audit/index.js';
import { enqueueMails } from '../mail/index.js';
import { shownIdentity } from '../person/index.js';
import { ExternalActivityStatus } from './external-activity.entity.js';
import { ExternalActivityDecision, type DecideExternalActivitiesInput, type ExternalActivityInput } from './external-activity.inputs.js';
import type { ExternalActivity, ExternalActivityPage } from './external-activity.types.js';
import { LearningSource } from './learning-hours.entity.js';
import { creditLearning, ruleSetOn } from './learning-hours.service.js';

// ------------------------------------------------------------------------------------------- policy

interface ActivityScope {
  person_id: string;
  agency_id: string | null;
}

/** Who sees an external activity and its evidence: the submitter, the admins of the agency it was submitted in, platform admins. */
export function seesActivity(viewer: Viewer, row: ActivityScope): boolean {
  return row.person_id === viewer.personId || viewer.isPlatformAdmin || viewer.administersAgency(row.agency_id);
}

/** Who decides it: its agency's admins and platform admins, never on their own claim. */
function decidesActivity(viewer: Viewer, row: ActivityScope): boolean {
  return row.person_id !== viewer.personId && (viewer.isPlatformAdmin || viewer.administersAgency(row.agency_id));
}

// ------------------------------------------------------------------------------------------- reading

/** Activities (alias x) with the submitter, agency, evidence facts (never its content) and decider. */
function activities(d: Db) {
  return d.selectFrom('external_activity as x')
    .innerJoin('person as p', 'p.id', 'x.person_id')
    .innerJoin('external_activity_evidence as ev', 'ev.id', 'x.evidence_id')
    .leftJoin('agency as a', 'a.id', 'x.agency_id')
    .leftJoin('person as dp', 'dp.id', 'x.decided_by_id')
    .leftJoin('learning_record as lr', (join) => join.onRef('lr.source_id', '=', 'x.id')
      .on('lr.source', '=', sql.lit(LearningSource.EXTERNAL_ACTIVITY)).on('lr.reverses_id', 'is', null))
    .select((eb) => [
      'x.id', 'x.person_id', 'p.full_name as person_name', 'p.nip', 'p.nidn', 'p.supervisor_id', 'p.agency_id as person_agency_id',
      'x.agency_id', 'a.name as agency_name', 'x.title', 'x.form', 'x.organiser',
      eb.cast<string>('x.starts_on', 'text').as('starts_on'), eb.cast<string>('x.ends_on', 'text').as('ends_on'),
      eb.cast<number>('x.jp', 'float8').as('jp'), 'x.jp_is_default', 'x.description', 'x.status', 'x.created_at', 'x.decided_at',
      'dp.full_name as decided_by_name', 'x.rejection_reason', 'lr.id as record_id',
      'ev.file_name', 'ev.content_type', 'ev.byte_size',
      sql<string>`to_char(${eb.ref('x.created_at')} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
    ]);
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activities>['executeTakeFirstOrThrow']>>;

async function toActivity(ctx: SignedInOperationContext, r: ActivityRow): Promise<ExternalActivity> {
  const shown = await shownIdentity(ctx, { personId: r.person_id, agencyId: r.person_agency_id, supervisorId: r.supervisor_id, nip: r.nip, nidn: r.nidn });
  return {
    id: r.id, personId: r.person_id, personName: r.person_name, personNip: shown.nip, agencyId: r.agency_id, agencyName: r.agency_name,
    title: r.title, form: r.form, organiser: r.organiser, startsOn: r.starts_on, endsOn: r.ends_on, jp: Number(r.jp), jpIsDefault: r.jp_is_default,
    description: r.description, status: r.status, submittedAt: new Date(r.created_at), decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    decidedByName: r.decided_by_name, rejectionReason: r.rejection_reason, learningRecordId: r.record_id,
    evidence: { fileName: r.file_name, contentType: r.content_type, byteSize: r.byte_size, url: `/files/external-activities/${r.id}/evidence` },
  };
}

/** One activity for whoever may see it (seesActivity); anyone else: NOT_FOUND. One statement. */
export async function externalActivity(ctx: SignedInOperationContext, id: string): Promise<ExternalActivity> {
  const row = isUuid(id) ? await activities(db(ctx)).where('x.id', '=', id).executeTakeFirst() : undefined;
  if (!row || !seesActivity(ctx.viewer, row)) throw new AppError('NOT_FOUND', { what: 'externalActivity' });
  return toActivity(ctx, row);
}

/** Pages end at their last row's (created_at, id). */
const activityCursor = keysetCursor('timestamp', 'uuid');

/** The viewer's own submissions, newest first: one statement a page (two with totalCount). */
export async function myExternalActivities(
  ctx: SignedInOperationContext, status: ExternalActivityStatus | null | undefined, first: number, after?: string | null,
): Promise<ExternalActivityPage> {
  const cursor = activityCursor.decode(after);
  const me = ctx.viewer.personId;
  const rows = await activities(db(ctx))
    .where('x.person_id', '=', me)
    .$if(!!status, (qb) => qb.where('x.status', '=', status!))
    .$if(cursor !== null, (qb) => qb.where((eb) => eb(eb.refTuple('x.created_at', 'x.id'), '<',
      eb.tuple(sql<Date>`${cursor![0]}::timestamptz`, sql<string>`${cursor![1]}::uuid`))))
    .orderBy('x.created_at', 'desc').orderBy('x.id', 'desc')
    .limit(first + 1)
    .execute();
  const count = async () => Number((await db(ctx).selectFrom('external_activity').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('person_id', '=', me).$if(!!status, (qb) => qb.where('status', '=', status!)).executeTakeFirstOrThrow()).n);
  return toPage(await Promise.all(rows.map((r) => toActivity(ctx, r))), first, count, (a) => a,
    (a) => activityCursor.encode([rows.find((r) => r.id === a.id)!.created_key, a.id]));
}

/**
 * An agency admin's verification queue: the activities submitted in an agency they administer (one named, or all of
 * theirs; platform admins: any), pending ones oldest first (first come, first decided), decided ones newest first,
 * optionally by the submitter's name or NIP. An agency the viewer does not administer: NOT_FOUND. One statement a
 * page (two with totalCount): the admins of the submitter's agency see NIPs in full without another read.
 */
export async function externalActivityQueue(
  ctx: SignedInOperationContext,
  args: { agencyId?: string | null; status: ExternalActivityStatus; search?: string | null; first: number; after?: string | null },
): Promise<ExternalActivityPage> {
  const { viewer } = ctx;
  if (args.agencyId && !viewer.isPlatformAdmin && !viewer.administersAgency(args.agencyId)) throw new AppError('NOT_FOUND', { what: 'agency' });
  const cursor = activityCursor.decode(args.after);
  const agencies = args.agencyId ? [args.agencyId] : viewer.isPlatformAdmin ? null : viewer.adminAgencyIds;
  const search = args.search?.trim() ?? '';
  const oldestFirst = args.status === ExternalActivityStatus.PENDING;
  const conditions: RawBuilder<SqlBool>[] = [sql<SqlBool>`${sql.ref('x.status')} = ${args.status}`];
  if (agencies) conditions.push(sql<SqlBool>`${sql.ref('x.agency_id')} = any(${agencies}::uuid[])`);
  if (search) {
    const digits = search.replace(/\D/g, '');
    conditions.push(sql<SqlBool>`(${sql.ref('p.full_name')} ilike ${`%${search.replace(/[\\%_]/g, '\\$&')}%`}
      or (${digits.length >= 4} and ${sql.ref('p.nip')} like ${`${digits}%`}))`);
  }
  const filter = sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
  const rows = await activities(db(ctx))
    .where(filter)
    .$if(cursor !== null, (qb) => qb.where((eb) => eb(eb.refTuple('x.created_at', 'x.id'), oldestFirst ? '>' : '<',
      eb.tuple(sql<Date>`${cursor![0]}::timestamptz`, sql<string>`${cursor![1]}::uuid`))))
    .orderBy('x.created_at', oldestFirst ? 'asc' : 'desc').orderBy('x.id', oldestFirst ? 'asc' : 'desc')
    .limit(args.first + 1)
    .execute();
  const count = async () => Number((await db(ctx).selectFrom('external_activity as x').innerJoin('person as p', 'p.id', 'x.person_id')
    .select((eb) => eb.fn.countAll<string>().as('n')).where(filter).executeTakeFirstOrThrow()).n);
  const keys = new Map(rows.map((r) => [r.id, r.created_key]));
  return toPage(await Promise.all(rows.map((r) => toActivity(ctx, r))), args.first, count, (a) => a, (a) => activityCursor.encode([keys.get(a.id)!, a.id]));
}

// ------------------------------------------------------------------------------------------- submitting

function realDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** One decimal, as the ledger keeps JP. */
const tenth = (jp: number) => Math.round(jp * 10) / 10;

/**
 * Submits an external activity with evidence the viewer uploaded and has not used yet. The JP are the claimed ones,
 * or, when none are claimed, the form's default in the rule set in force on the end date (a form without one must
 * be claimed). The activity waits in the queue of the viewer's agency. One transaction; nothing is credited yet.
 */
export async function submitExternalActivity(ctx: SignedInOperationContext, input: ExternalActivityInput): Promise<ExternalActivity> {
  const title = input.title.trim();
  const organiser = input.organiser.trim();
  if (title.length < 3) throw badInput('title', 'too short');
  if (organiser.length < 2) throw badInput('organiser', 'too short');
  if (!realDate(input.startsOn)) throw badInput('startsOn', 'not a calendar date');
  if (!realDate(input.endsOn)) throw badInput('endsOn', 'not a calendar date');
  if (input.startsOn > input.endsOn) throw badInput('endsOn', 'before startsOn');
  if (input.endsOn > isoDateIn(new Date())) throw new AppError('EXTERNAL_ACTIVITY_IN_FUTURE', {}, 'endsOn');
  const id = await inTransaction(ctx, async (tx) => {
    const d = db(tx);
    const rule = await ruleSetOn(tx.em, input.endsOn);
    const fallback = rule.non_classroom_defaults?.[input.form];
    const claimed = input.jp != null ? tenth(input.jp) : null;
    const jp = claimed ?? (typeof fallback === 'number' && fallback > 0 ? fallback : null);
    if (jp == null || jp <= 0) throw new AppError('EXTERNAL_ACTIVITY_JP_REQUIRED', { form: input.form }, 'jp');
    // The evidence must be the viewer's own upload, not yet named by a submission (the unique key settles a race).
    const evidence = await d.selectFrom('external_activity_evidence as ev').select('ev.id')
      .where('ev.id', '=', input.evidenceId).where('ev.uploaded_by_id', '=', tx.viewer.personId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('external_activity as used').select('used.id').whereRef('used.evidence_id', '=', 'ev.id'))))
      .executeTakeFirst();
    if (!evidence) throw new AppError('EVIDENCE_NOT_AVAILABLE', {}, 'evidenceId');
    try {
      const row = await d.insertInto('external_activity').values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
        person_id: tx.viewer.personId, agency_id: tx.viewer.agencyId, title: title.slice(0, 300), form: input.form,
        organiser: organiser.slice(0, 300), starts_on: input.startsOn, ends_on: input.endsOn, jp: String(jp), jp_is_default: claimed == null,
        description: input.description?.trim() || null, evidence_id: evidence.id, status: ExternalActivityStatus.PENDING,
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    } catch (error) {
      if (isUniqueViolation(error, 'external_activity_evidence_once')) throw new AppError('EVIDENCE_NOT_AVAILABLE', {}, 'evidenceId');
      throw error;
    }
  });
  return externalActivity(ctx, id);
}

// ------------------------------------------------------------------------------------------- deciding

/**
 * Verifies or rejects pending activities, all of them or none, in one transaction: every id must be one the viewer
 * may decide (unknown or not seen: NOT_FOUND; their own: EXTERNAL_ACTIVITY_OWN) and still PENDING
 * (EXTERNAL_ACTIVITY_NOT_PENDING). A verification credits the ledger (source EXTERNAL_ACTIVITY, the activity's JP,
 * minutes at the rule set in force on its end date, counting in that date's year); a rejection keeps the reason.
 * Each decision writes an audit row and enqueues the submitter's mail in the same transaction.
 */
export async function decideExternalActivities(ctx: SignedInOperationContext, input: DecideExternalActivitiesInput): Promise<ExternalActivity[]> {
  const ids = [...new Set(input.ids)];
  if (!ids.every(isUuid)) throw new AppError('NOT_FOUND', { what: 'externalActivity' });
  const verify = input.decision === ExternalActivityDecision.VERIFY;
  const reason = input.reason?.trim() || null;
  if (!verify && !reason) throw badInput('reason', 'empty');
  await inTransaction(ctx, async (tx) => {
    const d = db(tx);
    // Row locks: a concurrent decision on the same activity waits, then finds it decided.
    const rows = await d.selectFrom('external_activity')
      .select((eb) => ['id', 'person_id', 'agency_id', 'title', 'status', eb.cast<string>('ends_on', 'text').as('ends_on'), eb.cast<number>('jp', 'float8').as('jp')])
      .where('id', 'in', ids).orderBy('id').forUpdate().execute();
    const seen = rows.filter((r) => seesActivity(tx.viewer, r));
    if (seen.length !== ids.length) throw new AppError('NOT_FOUND', { what: 'externalActivity' });
    if (rows.some((r) => !decidesActivity(tx.viewer, r))) throw new AppError('EXTERNAL_ACTIVITY_OWN');
    if (rows.some((r) => (r.status as ExternalActivityStatus) !== ExternalActivityStatus.PENDING)) throw new AppError('EXTERNAL_ACTIVITY_NOT_PENDING');
    await d.updateTable('external_activity')
      .set({
        status: verify ? ExternalActivityStatus.VERIFIED : ExternalActivityStatus.REJECTED, decided_by_id: tx.viewer.personId,
        decided_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, rejection_reason: verify ? null : reason!.slice(0, 500),
      })
      .where('id', 'in', ids).execute();
    for (const row of rows) {
      let credited: { jp: number; ruleSetId: string } | null = null;
      if (verify) {
        const rule = await ruleSetOn(tx.em, row.ends_on);
        // Noon in Jakarta on the end date: the line counts in that date's year and month.
        credited = await creditLearning(tx.em, {
          personId: row.person_id, minutes: Math.max(1, Math.round(Number(row.jp) * rule.minutes_per_jp)), jp: Number(row.jp),
          source: LearningSource.EXTERNAL_ACTIVITY, sourceId: row.id, title: row.title, occurredAt: new Date(`${row.ends_on}T12:00:00+07:00`),
        });
      }
      writeAudit(tx, verify ? 'externalActivity.verify' : 'externalActivity.reject', 'ExternalActivity', row.id, {
        personId: row.person_id, agencyId: row.agency_id, jp: Number(row.jp), ...(verify ? { ruleSetId: credited?.ruleSetId } : { reason }),
      });
    }
    await enqueueMails(tx.em, ids.map((activityId) => ({ kind: 'external-activity-decision' as const, activityId })));
  });
  const rows = await activities(db(ctx)).where('x.id', 'in', ids).orderBy('x.created_at').orderBy('x.id').execute();
  return Promise.all(rows.map((r) => toActivity(ctx, r)));
}
