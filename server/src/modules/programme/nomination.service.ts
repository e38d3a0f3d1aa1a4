import Papa from 'papaparse';
import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import { EnrolmentStatus, lockLearnersInCourse } from '../enrolment/index.js';
import { checkNip, EmploymentType, normalizeNip } from '../person/index.js';
import { leaveWaitlist, releaseSeat } from '../run/index.js';
import { ParticipantStatus } from './programme.entity.js';
import { canManageProgramme, canViewProgramme, loadProgrammeAccess, type ProgrammeAccessRow } from './programme.policy.js';
import { COHORT_NOMINATING } from './programme.sql.js';
import { NominationRowOutcome, type NominationCsvReport, type NominationCsvRow } from './nomination.types.js';

/*
 * Nominations into a cohort (ARCHITECTURE.md, Programmes: nominations). Every change is one transaction taking its
 * locks in one order: participant rows → cohort row → quota row → (per-learner advisory locks →) enrolment rows →
 * run rows. The quota moves by one conditional UPDATE (`seats_taken + n <= seats`), so concurrent nominations of
 * several admins never exceed it; item enrolments are written set-based and the runs' seat counters kept exact.
 */

type Tx = SignedInOperationContext;

/** Item enrolments a participant leaving the cohort leaves too (COMPLETED and FAILED stay: they are history). */
const LEAVABLE = [EnrolmentStatus.REQUESTED, EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITLISTED];

interface CohortAccess {
  id: string;
  programme_id: string;
  status: string;
  starts_at: Date;
  self_apply: boolean;
  /** Nominations and applications are open at the statement's clock. */
  nominating: boolean;
  /** Unused seats may be released at the statement's clock. */
  releasing: boolean;
  programme: ProgrammeAccessRow;
  /** Quotas of the cohort, with the agencies' names. */
  quotas: { id: string; agency_id: string; agency_name: string; seats: number; seats_taken: number }[];
}

const RELEASING = sql<boolean>`(c.status = 'SCHEDULED' and now() < coalesce(c.release_deadline, c.nomination_closes_at, c.starts_at))`;

/** The cohort, if the viewer may open its programme; NOT_FOUND otherwise. Two statements (the cohort, the programme's access row). */
export async function visibleCohort(ctx: SignedInOperationContext, cohortId: string): Promise<CohortAccess> {
  if (!isUuid(cohortId)) throw new AppError('NOT_FOUND', { what: 'cohort' }, 'cohortId');
  const row = await db(ctx).selectFrom('programme_cohort as c')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select((eb) => [
      'c.id', 'c.programme_id', 'c.status', 'c.starts_at', 'c.self_apply',
      sql<boolean>`(p.status = 'PUBLISHED') and ${COHORT_NOMINATING}`.as('nominating'), RELEASING.as('releasing'),
      eb.fn.coalesce(eb.selectFrom('cohort_agency_quota as q').innerJoin('agency as a', 'a.id', 'q.agency_id')
        .select(sql<CohortAccess['quotas']>`json_agg(json_build_object('id', q.id, 'agency_id', q.agency_id, 'agency_name', a.name, 'seats', q.seats, 'seats_taken', q.seats_taken) order by a.name, q.id)`.as('q'))
        .whereRef('q.cohort_id', '=', 'c.id'), sql<CohortAccess['quotas']>`'[]'::json`).as('quotas'),
    ])
    .where('c.id', '=', cohortId)
    .executeTakeFirst();
  const programme = row && await loadProgrammeAccess(ctx.em, ctx.viewer, row.programme_id);
  if (!row || !programme || !canViewProgramme(ctx.viewer, programme)) throw new AppError('NOT_FOUND', { what: 'cohort' }, 'cohortId');
  return { ...row, programme };
}

/** The agencies the viewer nominates for in this cohort: those with a quota that the viewer administers. */
export function nominatingAgencies(viewer: Viewer, cohort: CohortAccess): string[] {
  return cohort.quotas.filter((q) => viewer.administersAgency(q.agency_id)).map((q) => q.agency_id);
}

/** A cohort the viewer nominates into: they administer an agency with a quota in it (FORBIDDEN otherwise), and it is open. */
async function nominatableCohort(ctx: SignedInOperationContext, cohortId: string): Promise<{ cohort: CohortAccess; agencies: Set<string> }> {
  const cohort = await visibleCohort(ctx, cohortId);
  const agencies = new Set(nominatingAgencies(ctx.viewer, cohort));
  if (agencies.size === 0) throw new AppError('FORBIDDEN');
  if (!cohort.nominating) throw new AppError('COHORT_NOMINATIONS_CLOSED');
  return { cohort, agencies };
}

// ------------------------------------------------------------------------------------------- the steps

/**
 * The cohort row, under a share lock (a cancellation, which updates it, waits for the nomination or comes first):
 * refuses when the cohort no longer takes nominations. `untilStart`: an application made in time may be approved
 * after the nomination deadline, until the cohort starts.
 */
async function lockCohort(tx: Tx, cohortId: string, untilStart = false): Promise<void> {
  const row = await db(tx).selectFrom('programme_cohort as c')
    .innerJoin('programme as p', 'p.id', 'c.programme_id')
    .select(untilStart
      ? sql<boolean>`(c.status = 'SCHEDULED' and now() < c.starts_at)`.as('open')
      : sql<boolean>`(p.status = 'PUBLISHED') and ${COHORT_NOMINATING}`.as('open'))
    .where('c.id', '=', cohortId)
    .forShare('c')
    .executeTakeFirst();
  if (!row?.open) throw new AppError('COHORT_NOMINATIONS_CLOSED');
}

/**
 * Takes `n` seats of each agency's quota, one conditional UPDATE per agency (in agency order, so two admins of
 * several agencies lock quota rows in the same order). QUOTA_FULL when one has too few left.
 */
async function takeQuota(tx: Tx, cohortId: string, perAgency: Map<string, number>): Promise<void> {
  for (const agencyId of [...perAgency.keys()].sort()) {
    const n = perAgency.get(agencyId)!;
    const taken = await db(tx).updateTable('cohort_agency_quota')
      .set((eb) => ({ seats_taken: eb('seats_taken', '+', n), updated_at: sql<Date>`now()` }))
      .where('cohort_id', '=', cohortId).where('agency_id', '=', agencyId)
      .where((eb) => eb(eb('seats_taken', '+', n), '<=', eb.ref('seats')))
      .returning('id')
      .executeTakeFirst();
    if (!taken) throw new AppError('QUOTA_FULL', { agencyId });
  }
}

async function giveBackQuota(tx: Tx, cohortId: string, agencyId: string): Promise<void> {
  await db(tx).updateTable('cohort_agency_quota')
    .set((eb) => ({ seats_taken: eb('seats_taken', '-', 1), updated_at: sql<Date>`now()` }))
    .where('cohort_id', '=', cohortId).where('agency_id', '=', agencyId).where('seats_taken', '>', 0)
    .execute();
}

/**
 * Registers people in every item run of the cohort, set-based: under enrol()'s per-learner locks (course by
 * course, so the keys are taken in one global order), refuses whoever is now in another run of an item's course
 * (ALREADY_IN_ANOTHER_RUN); someone who COMPLETED an item's course elsewhere keeps that completion (no row for that
 * item: the path counts it); one INSERT … SELECT writes the rest ACTIVE (re-opening a withdrawn row in the same run),
 * and one UPDATE moves each run's seat counter by what it gained. Statements: items + 3.
 */
async function registerInItemRuns(tx: Tx, cohortId: string, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const ids = [...new Set(personIds)].sort();
  const runs = await db(tx).selectFrom('cohort_item_run as cir').innerJoin('course_run as r', 'r.id', 'cir.run_id')
    .select(['r.id', 'r.course_id'])
    .where('cir.cohort_id', '=', cohortId)
    .orderBy('r.course_id')
    .execute();
  if (runs.length === 0) return;
  for (const courseId of [...new Set(runs.map((r) => r.course_id))]) await lockLearnersInCourse(tx, courseId, ids);
  const busy = await db(tx).selectFrom('enrolment as e')
    .innerJoin('course_run as r', 'r.course_id', 'e.course_id')
    .innerJoin('cohort_item_run as cir', 'cir.run_id', 'r.id')
    .select('e.person_id')
    .where('cir.cohort_id', '=', cohortId)
    .where('e.person_id', '=', sql<string>`any(${ids}::uuid[])`)
    .whereRef('e.run_id', '<>', 'r.id')
    .where('e.one_per_course', '=', true)
    .where('e.status', 'in', LEAVABLE)
    .limit(1)
    .executeTakeFirst();
  if (busy) throw new AppError('ALREADY_IN_ANOTHER_RUN', { personId: busy.person_id }, 'personIds');
  const added = await db(tx).insertInto('enrolment')
    .columns(['id', 'created_at', 'updated_at', 'person_id', 'course_id', 'run_id', 'status', 'requested_at', 'decided_at', 'decided_by_id', 'one_per_course'])
    .expression((eb) => eb.selectFrom('cohort_item_run as cir')
      .innerJoin('course_run as r', 'r.id', 'cir.run_id')
      .crossJoin(sql<{ person_id: string }>`unnest(${ids}::uuid[])`.as<'x'>(sql`x(person_id)`))
      .select([
        sql<string>`gen_random_uuid()`.as('id'), sql<Date>`now()`.as('created_at'), sql<Date>`now()`.as('updated_at'),
        'x.person_id', 'r.course_id', 'r.id as run_id', sql.lit('ACTIVE').as('status'), sql<Date>`now()`.as('requested_at'),
        sql<Date>`now()`.as('decided_at'), eb.cast<string>(eb.val(tx.viewer.personId), 'uuid').as('decided_by_id'),
        sql<boolean>`r.series_id is null`.as('one_per_course'),
      ])
      .where('cir.cohort_id', '=', cohortId)
      .where((w) => w.not(w.exists(w.selectFrom('enrolment as o').select(sql.lit(1).as('one'))
        .whereRef('o.person_id', '=', 'x.person_id').whereRef('o.course_id', '=', 'r.course_id').whereRef('o.run_id', '<>', 'r.id')
        .where('o.status', '=', EnrolmentStatus.COMPLETED).where('o.one_per_course', '=', true))))
      .orderBy('r.id').orderBy('x.person_id'))
    .onConflict((oc) => oc.constraint('enrolment_once_per_run')
      .doUpdateSet({
        status: EnrolmentStatus.ACTIVE, requested_at: sql<Date>`now()`, waitlisted_at: null, decided_at: sql<Date>`now()`,
        decided_by_id: (eb) => eb.ref('excluded.decided_by_id'), approver_id: null, decision_note: null, finished_at: null, updated_at: sql<Date>`now()`,
      })
      .where('enrolment.status', 'in', [EnrolmentStatus.WITHDRAWN, EnrolmentStatus.REJECTED]))
    .returning('run_id')
    .execute();
  if (added.length === 0) return;
  try {
    await db(tx).updateTable('course_run as r')
      .from(sql<{ run_id: string; n: number }>`(select run_id, count(*)::int as n from unnest(${added.map((a) => a.run_id)}::uuid[]) as u(run_id) group by run_id)`.as<'g'>(sql`g(run_id, n)`))
      .set({ seats_taken: sql<number>`r.seats_taken + g.n`, updated_at: sql<Date>`now()` })
      .whereRef('r.id', '=', 'g.run_id')
      .execute();
  } catch (error) {
    // An item run with fewer seats than the cohort's participants (course_run_seats_within_capacity).
    if ((error as { code?: string }).code === '23514') throw new AppError('ITEM_RUN_FULL');
    throw error;
  }
}

/**
 * Withdraws a person's current enrolments in the cohort's item runs (COMPLETED and FAILED stay: they are history):
 * each freed seat goes to the run's waiting list as releaseSeat does.
 */
async function withdrawFromItemRuns(tx: Tx, cohortId: string, personId: string): Promise<number> {
  const left = await db(tx)
    .with('old', (q) => q.selectFrom('enrolment as e').innerJoin('cohort_item_run as cir', 'cir.run_id', 'e.run_id')
      .select(['e.id', 'e.status', 'e.run_id'])
      .where('cir.cohort_id', '=', cohortId).where('e.person_id', '=', personId).where('e.status', 'in', LEAVABLE)
      .orderBy('e.id')
      .forUpdate('e'))
    .updateTable('enrolment')
    .set({ status: EnrolmentStatus.WITHDRAWN, finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .from('old')
    .whereRef('enrolment.id', '=', 'old.id')
    .returning(['old.run_id', 'old.status as previous'])
    .execute();
  for (const row of [...left].sort((a, b) => a.run_id.localeCompare(b.run_id))) {
    if (row.previous === EnrolmentStatus.ACTIVE) await releaseSeat(tx.em, row.run_id);
    else if (row.previous === EnrolmentStatus.WAITLISTED) await leaveWaitlist(tx.em, row.run_id);
  }
  return left.length;
}

function mapAlreadyNominated<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    if (isUniqueViolation(error, 'cohort_participant_current_once')) throw new AppError('ALREADY_NOMINATED', {}, 'personIds');
    if (isUniqueViolation(error, 'enrolment_one_current_per_course')) throw new AppError('ALREADY_IN_ANOTHER_RUN', {}, 'personIds');
    throw error;
  });
}

/**
 * Inserts NOMINATED participants (in person order: two admins nominating overlapping people wait on each other
 * instead of deadlocking), then the cohort, the quotas and the item runs. Returns the new participant ids.
 */
async function seatNominees(tx: Tx, cohortId: string, people: { id: string; agency_id: string }[]): Promise<string[]> {
  const sorted = [...people].sort((a, b) => a.id.localeCompare(b.id));
  const inserted = await db(tx).insertInto('cohort_participant')
    .columns(['id', 'created_at', 'updated_at', 'cohort_id', 'person_id', 'agency_id', 'status', 'nominated_by_id'])
    .expression(db(tx).selectFrom(sql<{ person_id: string; agency_id: string; n: number }>`unnest(${sorted.map((p) => p.id)}::uuid[], ${sorted.map((p) => p.agency_id)}::uuid[]) with ordinality`.as<'x'>(sql`x(person_id, agency_id, n)`))
      .select([
        sql<string>`gen_random_uuid()`.as('id'), sql<Date>`now()`.as('created_at'), sql<Date>`now()`.as('updated_at'),
        sql<string>`${cohortId}::uuid`.as('cohort_id'), 'x.person_id', 'x.agency_id', sql.lit(ParticipantStatus.NOMINATED).as('status'),
        sql<string>`${tx.viewer.personId}::uuid`.as('nominated_by_id'),
      ])
      .orderBy('x.n'))
    .returning('id')
    .execute();
  await lockCohort(tx, cohortId);
  const perAgency = new Map<string, number>();
  for (const p of people) perAgency.set(p.agency_id, (perAgency.get(p.agency_id) ?? 0) + 1);
  await takeQuota(tx, cohortId, perAgency);
  await registerInItemRuns(tx, cohortId, people.map((p) => p.id));
  return inserted.map((r) => r.id);
}

interface Nominee { id: string; agency_id: string | null; active: boolean; employment_type: EmploymentType; full_name: string; nip: string | null }

async function loadPeople(ctx: SignedInOperationContext, ids: string[]): Promise<Nominee[]> {
  if (ids.length === 0) return [];
  return db(ctx).selectFrom('person as p')
    .select(['p.id', 'p.agency_id', 'p.active', 'p.employment_type', 'p.full_name', 'p.nip'])
    .where('p.id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
}

/** Nominees of the viewer's agencies in this cohort, active ASN: NOT_FOUND for anyone else's people, NOT_A_LEARNER. */
function assertNominable(people: Nominee[], ids: string[], agencies: Set<string>, viewer: Viewer): void {
  const found = new Map(people.map((p) => [p.id, p]));
  for (const id of ids) {
    const p = found.get(id);
    // Someone the admin does not administer does not exist for them.
    if (!p || !viewer.administersAgency(p.agency_id)) throw new AppError('NOT_FOUND', { what: 'person' }, 'personIds');
    // Their own person, but their agency holds no seats here.
    if (!agencies.has(p.agency_id!)) throw new AppError('FORBIDDEN', {}, 'personIds');
    if (!p.active || p.employment_type === EmploymentType.NON_ASN) throw new AppError('NOT_A_LEARNER', {}, 'personIds');
  }
}

// ------------------------------------------------------------------------------------------- operations

/** An agency admin nominates people of their agency into its quota, and registers them in the item runs. */
export async function nominateParticipants(ctx: SignedInOperationContext, cohortId: string, personIds: string[]): Promise<string[]> {
  const { cohort, agencies } = await nominatableCohort(ctx, cohortId);
  const ids = [...new Set(personIds.map((p) => p.toLowerCase()))];
  const people = await loadPeople(ctx, ids);
  assertNominable(people, ids, agencies, ctx.viewer);
  return mapAlreadyNominated(() => inTransaction(ctx, async (tx) => {
    const created = await seatNominees(tx, cohort.id, people.map((p) => ({ id: p.id, agency_id: p.agency_id! })));
    writeAudit(tx, 'programme.nominate', 'ProgrammeCohort', cohort.id, { people: ids.length, personIds: ids });
    return created;
  }));
}

/** Reads a CSV into (line, NIP as written) pairs: one NIP per line, or the column headed NIP. */
function parseNipCsv(csv: string): { rowNumber: number; raw: string }[] {
  const text = csv.replace(/^\uFEFF/, '');
  // Spreadsheets in Indonesian locales write ';'. Papa's own guess gives up on files with blank lines, which keep
  // their line numbers here, so the first line that has one of the separators decides.
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delimiter = [';', ',', '\t', '|'].find((d) => firstLine.includes(d)) ?? ',';
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const lines = parsed.data;
  let column = 0;
  let start = 0;
  const header = (lines[0] ?? []).map((c) => c.trim().toLowerCase());
  const headed = header.findIndex((c) => c === 'nip');
  // A first line with no digits in its first cell is a header (a NIP column, or the first column).
  if (headed >= 0 || (header.length > 0 && header[0] !== '' && !/\d/.test(header[0]))) {
    column = Math.max(headed, 0);
    start = 1;
  }
  const rows: { rowNumber: number; raw: string }[] = [];
  for (let i = start; i < lines.length; i++) {
    const cells = lines[i];
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ rowNumber: i + 1, raw: (cells[column] ?? '').trim() });
  }
  return rows;
}

/** Caps a report at this many rows (a CSV within MAX_CSV_LENGTH has at most about 5,000). */
const MAX_CSV_ROWS = 2000;

/**
 * The per-row report of a CSV, read at this statement's clock (three statements however long the file: people by
 * NIP with whether they are already in the cohort or in another run of its courses; the quotas come with the cohort).
 */
async function csvReport(ctx: SignedInOperationContext, cohort: CohortAccess, agencies: Set<string>, csv: string): Promise<{ rows: NominationCsvRow[]; people: { id: string; agency_id: string }[] }> {
  const parsed = parseNipCsv(csv);
  if (parsed.length === 0) throw new AppError('BAD_USER_INPUT', { reason: 'no rows' }, 'csv');
  if (parsed.length > MAX_CSV_ROWS) throw new AppError('BAD_USER_INPUT', { reason: `at most ${MAX_CSV_ROWS} rows` }, 'csv');
  const nips = [...new Set(parsed.map((r) => normalizeNip(r.raw)).filter((n) => /^\d{18}$/.test(n)))];
  const found = nips.length === 0 ? [] : await db(ctx).selectFrom('person as p')
    .select((eb) => [
      'p.id', 'p.nip', 'p.full_name', 'p.agency_id', 'p.active', 'p.employment_type',
      eb.exists(eb.selectFrom('cohort_participant as cp').select(sql.lit(1).as('one'))
        .whereRef('cp.person_id', '=', 'p.id').where('cp.cohort_id', '=', cohort.id)
        .where('cp.status', 'in', [ParticipantStatus.REQUESTED, ParticipantStatus.NOMINATED, ParticipantStatus.COMPLETED])).$castTo<boolean>().as('in_cohort'),
      eb.exists(eb.selectFrom('enrolment as e').innerJoin('course_run as r', 'r.course_id', 'e.course_id')
        .innerJoin('cohort_item_run as cir', 'cir.run_id', 'r.id').select(sql.lit(1).as('one'))
        .whereRef('e.person_id', '=', 'p.id').where('cir.cohort_id', '=', cohort.id).whereRef('e.run_id', '<>', 'r.id')
        .where('e.one_per_course', '=', true).where('e.status', 'in', LEAVABLE)).$castTo<boolean>().as('in_other_run'),
    ])
    .where('p.nip', '=', sql<string>`any(${nips}::text[])`)
    .execute();
  const byNip = new Map(found.map((p) => [p.nip!, p]));
  const left = new Map(cohort.quotas.map((q) => [q.agency_id, q.seats - q.seats_taken]));
  const seen = new Set<string>();
  const people: { id: string; agency_id: string }[] = [];
  const rows = parsed.map(({ rowNumber, raw }): NominationCsvRow => {
    const nip = normalizeNip(raw);
    const row = (outcome: NominationRowOutcome, fullName: string | null = null) => ({ rowNumber, nip: raw, fullName, outcome });
    if (!/^\d{18}$/.test(nip)) return row(NominationRowOutcome.INVALID_NIP);
    if (seen.has(nip)) return row(NominationRowOutcome.DUPLICATE_ROW);
    seen.add(nip);
    const p = byNip.get(nip);
    // A number on file is the person's whatever its digits say; one not on file is first checked for a typo.
    if (!p) return row(checkNip(nip).ok ? NominationRowOutcome.UNKNOWN_NIP : NominationRowOutcome.INVALID_NIP);
    // Another agency's people: not even their name is the admin's to read.
    if (!p.agency_id || !agencies.has(p.agency_id) || !ctx.viewer.administersAgency(p.agency_id)) return row(NominationRowOutcome.NOT_IN_AGENCY);
    if (!p.active || p.employment_type === EmploymentType.NON_ASN) return row(NominationRowOutcome.NOT_A_LEARNER, p.full_name);
    if (p.in_cohort) return row(NominationRowOutcome.ALREADY_NOMINATED, p.full_name);
    if (p.in_other_run) return row(NominationRowOutcome.ALREADY_IN_ANOTHER_RUN, p.full_name);
    const seats = left.get(p.agency_id) ?? 0;
    if (seats <= 0) return row(NominationRowOutcome.OVER_QUOTA, p.full_name);
    left.set(p.agency_id, seats - 1);
    people.push({ id: p.id, agency_id: p.agency_id });
    return row(NominationRowOutcome.OK, p.full_name);
  });
  return { rows, people };
}

function toReport(rows: NominationCsvRow[], nominated: boolean): NominationCsvReport {
  const okCount = rows.filter((r) => r.outcome === NominationRowOutcome.OK).length;
  return { rows, okCount, badCount: rows.length - okCount, nominated };
}

/** What a CSV would do, row by row; writes nothing. */
export async function previewNominationCsv(ctx: SignedInOperationContext, cohortId: string, csv: string): Promise<NominationCsvReport> {
  const { cohort, agencies } = await nominatableCohort(ctx, cohortId);
  const { rows } = await csvReport(ctx, cohort, agencies, csv);
  return toReport(rows, false);
}

/**
 * All or nothing: any row that is not OK and nothing is written (the report says which); every row OK and everyone
 * is nominated and registered in one transaction. The report is read again inside the transaction, and the quota's
 * conditional UPDATE still has the last word against a concurrent nomination (QUOTA_FULL).
 */
export async function nominateByCsv(ctx: SignedInOperationContext, cohortId: string, csv: string): Promise<NominationCsvReport> {
  const { cohort, agencies } = await nominatableCohort(ctx, cohortId);
  return mapAlreadyNominated(() => inTransaction(ctx, async (tx) => {
    const { rows, people } = await csvReport(tx, cohort, agencies, csv);
    if (people.length !== rows.length) return toReport(rows, false);
    await seatNominees(tx, cohort.id, people);
    writeAudit(tx, 'programme.nominate_csv', 'ProgrammeCohort', cohort.id, { people: people.length, personIds: people.map((p) => p.id) });
    return toReport(rows, true);
  }));
}

interface ParticipantAccess {
  id: string;
  cohort_id: string;
  person_id: string;
  agency_id: string;
  status: ParticipantStatus;
  approver_id: string | null;
}

/** A participant row and its cohort, when the viewer may open the cohort's programme; NOT_FOUND otherwise. */
async function visibleParticipant(ctx: SignedInOperationContext, id: string): Promise<{ participant: ParticipantAccess; cohort: CohortAccess }> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND', { what: 'participant' }, 'id');
  const participant = await db(ctx).selectFrom('cohort_participant')
    .select(['id', 'cohort_id', 'person_id', 'agency_id', 'status', 'approver_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!participant) throw new AppError('NOT_FOUND', { what: 'participant' }, 'id');
  const { viewer } = ctx;
  // Whoever may act on a participant: themselves, their approver, their agency's admins, the programme's managers.
  const cohort = await visibleCohort(ctx, participant.cohort_id).catch(() => null);
  const involved = participant.person_id === viewer.personId || participant.approver_id === viewer.personId || viewer.administersAgency(participant.agency_id);
  if (!cohort || (!involved && !canManageProgramme(viewer, cohort.programme))) throw new AppError('NOT_FOUND', { what: 'participant' }, 'id');
  return { participant, cohort };
}

/** Moves a participant from one of `from` in one statement that locks its row; null when it was no longer there. */
async function transitionParticipant(
  tx: Tx, id: string, from: ParticipantStatus[], set: Record<string, unknown>,
): Promise<ParticipantStatus | null> {
  const row = await db(tx)
    .with('old', (q) => q.selectFrom('cohort_participant').select(['id', 'status']).where('id', '=', id).forUpdate())
    .updateTable('cohort_participant')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .from('old')
    .whereRef('cohort_participant.id', '=', 'old.id')
    .where('old.status', 'in', from)
    .returning('old.status as previous')
    .executeTakeFirst();
  return row?.previous ?? null;
}

/**
 * A participant leaves the cohort (by their agency's admin, the programme's managers, or themselves): their item
 * enrolments are withdrawn (seats released, waiting lists promoted) and a nominee's quota seat goes back to the
 * agency, in one transaction. An application still waiting is simply withdrawn.
 */
export async function withdrawParticipant(ctx: SignedInOperationContext, id: string, reason?: string | null): Promise<string> {
  const { participant, cohort } = await visibleParticipant(ctx, id);
  const { viewer } = ctx;
  const may = participant.person_id === viewer.personId || viewer.administersAgency(participant.agency_id) || canManageProgramme(viewer, cohort.programme);
  if (!may) throw new AppError('FORBIDDEN');
  const from = [ParticipantStatus.NOMINATED, ParticipantStatus.REQUESTED];
  if (!from.includes(participant.status)) throw new AppError('INVALID_TRANSITION', { from: participant.status });
  await inTransaction(ctx, async (tx) => {
    const previous = await transitionParticipant(tx, id, from, {
      status: ParticipantStatus.WITHDRAWN, left_at: sql<Date>`now()`, note: reason?.trim() || null, decided_by_id: viewer.personId,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: participant.status });
    if (previous === ParticipantStatus.NOMINATED) {
      await lockCohortRow(tx, cohort.id);
      await giveBackQuota(tx, cohort.id, participant.agency_id);
      await withdrawFromItemRuns(tx, cohort.id, participant.person_id);
    }
    writeAudit(tx, 'programme.withdraw_participant', 'CohortParticipant', id, { cohortId: cohort.id, personId: participant.person_id, from: previous });
  });
  return id;
}

/** The cohort row under a share lock, whatever its state (leaving is always possible): keeps the lock order. */
async function lockCohortRow(tx: Tx, cohortId: string): Promise<void> {
  await db(tx).selectFrom('programme_cohort').select('id').where('id', '=', cohortId).forShare().execute();
}

/**
 * An agency admin gives unused seats back to the owner before the release deadline: the quota shrinks by `seats`,
 * never below the seats taken (QUOTA_BELOW_TAKEN), in one conditional UPDATE.
 */
export async function releaseCohortSeats(ctx: SignedInOperationContext, cohortId: string, agencyId: string, seats: number): Promise<string> {
  const cohort = await visibleCohort(ctx, cohortId);
  const quota = cohort.quotas.find((q) => q.agency_id === agencyId);
  if (!quota) throw new AppError('NOT_FOUND', { what: 'quota' }, 'agencyId');
  if (!ctx.viewer.administersAgency(agencyId)) throw new AppError('FORBIDDEN');
  if (!cohort.releasing) throw new AppError('RELEASE_DEADLINE_PASSED');
  await inTransaction(ctx, async (tx) => {
    await lockCohortRow(tx, cohortId);
    const row = await db(tx).updateTable('cohort_agency_quota')
      .set((eb) => ({ seats: eb('seats', '-', seats), updated_at: sql<Date>`now()` }))
      .where('id', '=', quota.id)
      .where((eb) => eb(eb('seats', '-', seats), '>=', eb.ref('seats_taken')))
      .returning(['seats'])
      .executeTakeFirst();
    if (!row) throw new AppError('QUOTA_BELOW_TAKEN', {}, 'seats');
    writeAudit(tx, 'programme.release_seats', 'CohortAgencyQuota', quota.id, { cohortId, agencyId, released: seats, seats: row.seats });
  });
  return quota.id;
}

/**
 * The seat passes from one nominee to another of the same agency: the old one REPLACED (replacedBy the new row) with
 * their item enrolments withdrawn, the new one NOMINATED and registered; the quota count does not move. One transaction.
 */
export async function replaceParticipant(ctx: SignedInOperationContext, participantId: string, personId: string): Promise<string> {
  const { participant, cohort } = await visibleParticipant(ctx, participantId);
  const { viewer } = ctx;
  if (!viewer.administersAgency(participant.agency_id)) throw new AppError('FORBIDDEN');
  if (participant.status !== ParticipantStatus.NOMINATED) throw new AppError('INVALID_TRANSITION', { from: participant.status });
  if (!cohort.nominating) throw new AppError('COHORT_NOMINATIONS_CLOSED');
  const [person] = await loadPeople(ctx, [personId.toLowerCase()]);
  if (!person || !viewer.administersAgency(person.agency_id)) throw new AppError('NOT_FOUND', { what: 'person' }, 'personId');
  // The seat is the agency's: it passes to someone of the same agency.
  if (person.agency_id !== participant.agency_id) throw new AppError('FORBIDDEN', {}, 'personId');
  if (person.id === participant.person_id) throw new AppError('ALREADY_NOMINATED', {}, 'personId');
  if (!person.active || person.employment_type === EmploymentType.NON_ASN) throw new AppError('NOT_A_LEARNER', {}, 'personId');
  return mapAlreadyNominated(() => inTransaction(ctx, async (tx) => {
    const previous = await transitionParticipant(tx, participantId, [ParticipantStatus.NOMINATED], {
      status: ParticipantStatus.REPLACED, left_at: sql<Date>`now()`, decided_by_id: viewer.personId,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: participant.status });
    const created = await db(tx).insertInto('cohort_participant')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, cohort_id: cohort.id,
        person_id: person.id, agency_id: participant.agency_id, status: ParticipantStatus.NOMINATED, nominated_by_id: viewer.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db(tx).updateTable('cohort_participant').set({ replaced_by_id: created.id }).where('id', '=', participantId).execute();
    await lockCohort(tx, cohort.id);
    await withdrawFromItemRuns(tx, cohort.id, participant.person_id);
    await registerInItemRuns(tx, cohort.id, [person.id]);
    writeAudit(tx, 'programme.replace_participant', 'CohortParticipant', participantId, { cohortId: cohort.id, from: participant.person_id, to: person.id, newParticipantId: created.id });
    return created.id;
  }));
}

/**
 * A learner applies to a self-apply cohort in which their agency holds a quota: REQUESTED, waiting on their supervisor
 * (NO_SUPERVISOR without an active one). The seat is taken at approval.
 */
export async function applyToCohort(ctx: SignedInOperationContext, cohortId: string): Promise<string> {
  const { viewer } = ctx;
  if (!viewer.hasRole(Role.LEARNER)) throw new AppError('NOT_A_LEARNER');
  const cohort = await visibleCohort(ctx, cohortId);
  if (!viewer.agencyId || !cohort.quotas.some((q) => q.agency_id === viewer.agencyId)) throw new AppError('FORBIDDEN');
  if (!cohort.self_apply) throw new AppError('COHORT_NOT_SELF_APPLY');
  if (!cohort.nominating) throw new AppError('COHORT_NOMINATIONS_CLOSED');
  return mapAlreadyNominated(() => inTransaction(ctx, async (tx) => {
    // The supervisor as of now, read under a share lock on the learner's row (as enrolment requests do).
    const me = await db(tx).selectFrom('person as p')
      .select((eb) => ['p.supervisor_id', eb.selectFrom('person as s').select('s.active').whereRef('s.id', '=', 'p.supervisor_id').as('supervisor_active')])
      .where('p.id', '=', viewer.personId)
      .forShare()
      .executeTakeFirstOrThrow();
    if (!me.supervisor_id || !me.supervisor_active) throw new AppError('NO_SUPERVISOR');
    const row = await db(tx).insertInto('cohort_participant')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, cohort_id: cohort.id,
        person_id: viewer.personId, agency_id: viewer.agencyId!, status: ParticipantStatus.REQUESTED, approver_id: me.supervisor_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await lockCohort(tx, cohort.id);
    writeAudit(tx, 'programme.apply', 'CohortParticipant', row.id, { cohortId: cohort.id });
    return row.id;
  }));
}

function canDecide(viewer: Viewer, participant: ParticipantAccess): boolean {
  return participant.approver_id === viewer.personId || viewer.administersAgency(participant.agency_id);
}

/** The supervisor (or an admin of the learner's agency) approves: the quota seat is taken (QUOTA_FULL: nothing written) and the learner registered. */
export async function approveCohortApplication(ctx: SignedInOperationContext, id: string): Promise<string> {
  const { participant, cohort } = await visibleParticipant(ctx, id);
  if (!canDecide(ctx.viewer, participant)) throw new AppError('FORBIDDEN');
  if (participant.status !== ParticipantStatus.REQUESTED) throw new AppError('INVALID_TRANSITION', { from: participant.status });
  await mapAlreadyNominated(() => inTransaction(ctx, async (tx) => {
    const previous = await transitionParticipant(tx, id, [ParticipantStatus.REQUESTED], {
      status: ParticipantStatus.NOMINATED, decided_at: sql<Date>`now()`, decided_by_id: ctx.viewer.personId,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: participant.status });
    await lockCohort(tx, cohort.id, true);
    await takeQuota(tx, cohort.id, new Map([[participant.agency_id, 1]]));
    await registerInItemRuns(tx, cohort.id, [participant.person_id]);
    writeAudit(tx, 'programme.approve_application', 'CohortParticipant', id, { cohortId: cohort.id, personId: participant.person_id });
    await enqueueMail(tx.em, { kind: 'cohort-decision', participantId: id, decision: 'APPROVED' });
  }));
  return id;
}

export async function rejectCohortApplication(ctx: SignedInOperationContext, id: string, reason: string): Promise<string> {
  const note = reason.trim();
  if (!note) throw new AppError('BAD_USER_INPUT', { reason: 'empty' }, 'reason');
  const { participant, cohort } = await visibleParticipant(ctx, id);
  if (!canDecide(ctx.viewer, participant)) throw new AppError('FORBIDDEN');
  if (participant.status !== ParticipantStatus.REQUESTED) throw new AppError('INVALID_TRANSITION', { from: participant.status });
  await inTransaction(ctx, async (tx) => {
    const previous = await transitionParticipant(tx, id, [ParticipantStatus.REQUESTED], {
      status: ParticipantStatus.REJECTED, decided_at: sql<Date>`now()`, decided_by_id: ctx.viewer.personId, note, left_at: sql<Date>`now()`,
    });
    if (!previous) throw new AppError('INVALID_TRANSITION', { from: participant.status });
    writeAudit(tx, 'programme.reject_application', 'CohortParticipant', id, { cohortId: cohort.id, personId: participant.person_id, reason: note });
    await enqueueMail(tx.em, { kind: 'cohort-decision', participantId: id, decision: 'REJECTED' });
  });
  return id;
}
