import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { createOperationContext, type OperationContext } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import type { JobDefinition } from '../../shared/jobs/queue.js';
import { AttendanceCredit, CourseKind } from '../course/index.js';
import { enrolmentOutcomesChanged, EnrolmentStatus, SEAT_HOLDING, type OutcomeTransaction } from '../enrolment/index.js';
import { creditLearning, LearningRecordStatus, LearningSource, reverseCredit } from '../learning-hours/index.js';
import { CourseRunStatus } from '../run/index.js';
import { AttendanceStatus } from './attendance.entity.js';
import { RunSessionStatus } from './session.entity.js';

export const SETTLE_QUEUE = 'workshops.settle-attendance';

/**
 * JP and completion from attendance (ARCHITECTURE.md "Workshops"). Once a workshop run's last scheduled session has
 * ended, the job settles it ONCE: per seat holder still ACTIVE, attended minutes per scheduled session (PRESENT: the
 * session's length; LATE: less the late minutes; ABSENT, EXCUSED, unmarked: 0) over the scheduled minutes. A share
 * at or above the course's minimum completes the enrolment and credits the ledger (source WORKSHOP_ATTENDANCE, source
 * id the enrolment) with JP = the sum over sessions of attended minutes over the minutes per JP of the rule set in
 * force on that session's date (Asia/Jakarta), rounded down to one decimal once, or the course's fixed JP; below it,
 * the enrolment FAILS with a note. The marker row (workshop_run_settlement) is written first in the same transaction:
 * a second run, or a second worker, finds it and settles nothing.
 */
export function settleAttendanceJob(deps: { orm: MikroORM; config: AppConfig }): JobDefinition<object> {
  return {
    name: SETTLE_QUEUE,
    // Every ten minutes: a workshop is settled within ten minutes of its last session's end.
    schedule: '*/10 * * * *',
    async run() {
      const ctx = createOperationContext({ em: deps.orm.em.fork(), viewer: null, locale: 'id', config: deps.config });
      await settleDueRuns(ctx);
    },
  };
}

/** Settles every workshop run whose last scheduled session has ended and that is not settled yet; returns how many. */
async function settleDueRuns(ctx: OperationContext): Promise<number> {
  const due = await db(ctx).selectFrom('course_run as r')
    .innerJoin('course as c', 'c.id', 'r.course_id')
    .select('r.id')
    .where('c.kind', '=', CourseKind.WORKSHOP)
    .where('r.status', '=', CourseRunStatus.SCHEDULED)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('workshop_run_settlement as ws').select('ws.run_id').whereRef('ws.run_id', '=', 'r.id'))))
    .where((eb) => eb.exists(eb.selectFrom('run_session as s').select('s.id').whereRef('s.run_id', '=', 'r.id').where('s.status', '=', RunSessionStatus.SCHEDULED)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('run_session as s').select('s.id').whereRef('s.run_id', '=', 'r.id')
      .where('s.status', '=', RunSessionStatus.SCHEDULED).where('s.ends_at', '>', sql<Date>`now()`))))
    .orderBy('r.id')
    .execute();
  let settled = 0;
  for (const run of due) {
    if (await settleRun(ctx, run.id)) settled++;
  }
  return settled;
}

interface Figures {
  enrolmentId: string;
  personId: string;
  status: EnrolmentStatus;
  attended: number;
  scheduled: number;
  /** Sum over sessions of attended minutes / minutes per JP of that session's rule (unrounded). */
  exactJp: number;
}

interface RunRule {
  title: string;
  credit: AttendanceCredit;
  fixedJp: number | null;
  minPercent: number;
  lastEnd: Date;
}

async function runRule(em: EntityManager, runId: string): Promise<RunRule> {
  const row = await db({ em }).selectFrom('course_run as r').innerJoin('course as c', 'c.id', 'r.course_id')
    .select(['c.title', 'c.attendance_credit', sql<number | null>`c.fixed_jp::float8`.as('fixed_jp'), 'c.min_attendance_percent',
      (eb) => eb.selectFrom('run_session as s').select(sql<Date>`max(s.ends_at)`.as('m')).whereRef('s.run_id', '=', 'r.id')
        .where('s.status', '=', RunSessionStatus.SCHEDULED).as('last_end')])
    .where('r.id', '=', runId).executeTakeFirstOrThrow();
  return { title: row.title, credit: row.attendance_credit, fixedJp: row.fixed_jp, minPercent: row.min_attendance_percent, lastEnd: new Date(row.last_end!) };
}

/** Per seat holder (all, or the given enrolments): attended and scheduled minutes, and exact JP by each session's rule. One statement. */
async function figuresOf(em: EntityManager, runId: string, enrolmentIds?: string[]): Promise<Figures[]> {
  const rows = await db({ em }).selectFrom('enrolment as e')
    .innerJoin('run_session as s', (j) => j.on('s.run_id', '=', runId).on('s.status', '=', RunSessionStatus.SCHEDULED))
    .leftJoin('session_attendance as a', (j) => j.onRef('a.session_id', '=', 's.id').onRef('a.enrolment_id', '=', 'e.id'))
    .select([
      'e.id as enrolment_id', 'e.person_id', 'e.status',
      sql<number>`(extract(epoch from s.ends_at - s.starts_at) / 60)::int`.as('scheduled'),
      sql<number>`case a.status when ${AttendanceStatus.PRESENT} then (extract(epoch from s.ends_at - s.starts_at) / 60)::int
        when ${AttendanceStatus.LATE} then greatest(0, (extract(epoch from s.ends_at - s.starts_at) / 60)::int - a.late_minutes) else 0 end`.as('attended'),
      // The rule set in force on the session's date in Asia/Jakarta.
      (eb) => eb.selectFrom('learning_rule_set as rs').select('rs.minutes_per_jp')
        .where('rs.valid_from', '<=', sql<string>`(s.starts_at at time zone 'Asia/Jakarta')::date`).orderBy('rs.valid_from', 'desc').limit(1).as('minutes_per_jp'),
    ])
    .where('e.run_id', '=', runId)
    .where('e.status', 'in', SEAT_HOLDING)
    .$if(!!enrolmentIds, (q) => q.where('e.id', 'in', enrolmentIds!))
    .orderBy('e.id')
    .execute();
  const byEnrolment = new Map<string, Figures>();
  for (const r of rows) {
    if (r.minutes_per_jp === null) throw new AppError('RULE_NOT_FOUND');
    const f = byEnrolment.get(r.enrolment_id) ?? { enrolmentId: r.enrolment_id, personId: r.person_id, status: r.status, attended: 0, scheduled: 0, exactJp: 0 };
    f.attended += r.attended;
    f.scheduled += r.scheduled;
    f.exactJp += r.attended / r.minutes_per_jp;
    byEnrolment.set(r.enrolment_id, f);
  }
  return [...byEnrolment.values()];
}

interface Outcome {
  passed: boolean;
  percent: number;
  minutes: number;
  jp: number;
}

function outcomeOf(f: Figures, rule: RunRule): Outcome {
  const share = f.scheduled > 0 ? f.attended / f.scheduled : 0;
  const passed = f.attended > 0 && share * 100 >= rule.minPercent;
  // One decimal, rounded down once over the sum (never overstated); the epsilon absorbs float error in the sum.
  const jp = rule.credit === AttendanceCredit.FIXED_JP ? (rule.fixedJp ?? 0) : Math.floor(f.exactJp * 10 + 1e-9) / 10;
  return { passed, percent: Math.floor(share * 100), minutes: f.attended, jp };
}

const failNote = (o: Outcome, rule: RunRule) =>
  `Kehadiran ${o.percent}% di bawah minimum ${rule.minPercent}% / Attendance ${o.percent}% below the ${rule.minPercent}% minimum`;

async function setOutcome(em: EntityManager, f: Figures, o: Outcome, rule: RunRule, from: EnrolmentStatus[]): Promise<boolean> {
  const row = await db({ em }).updateTable('enrolment')
    .set({
      status: o.passed ? EnrolmentStatus.COMPLETED : EnrolmentStatus.FAILED, finished_at: sql<Date>`now()`,
      decision_note: o.passed ? null : failNote(o, rule), updated_at: sql<Date>`now()`,
    })
    .where('id', '=', f.enrolmentId).where('status', 'in', from)
    .returning('id').executeTakeFirst();
  return !!row;
}

function credit(em: EntityManager, f: Figures, o: Outcome, rule: RunRule) {
  return creditLearning(em, {
    personId: f.personId, minutes: o.minutes, jp: o.jp, source: LearningSource.WORKSHOP_ATTENDANCE, sourceId: f.enrolmentId,
    title: rule.title, occurredAt: rule.lastEnd,
  });
}

/** Settles one run in one transaction, once (the marker's key); false when it was settled already. */
export async function settleRun(ctx: { em: EntityManager }, runId: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const marker = await db(tx).insertInto('workshop_run_settlement').values({ run_id: runId, settled_at: sql<Date>`now()`, completed: 0, failed: 0 })
      .onConflict((oc) => oc.column('run_id').doNothing()).returning('run_id').executeTakeFirst();
    if (!marker) return false;
    const rule = await runRule(tx.em, runId);
    let failed = 0;
    const completedIds: string[] = [];
    for (const f of await figuresOf(tx.em, runId)) {
      // Someone whose result was recorded by hand before the end keeps it.
      if (f.status !== EnrolmentStatus.ACTIVE) continue;
      const o = outcomeOf(f, rule);
      if (!(await setOutcome(tx.em, f, o, rule, [EnrolmentStatus.ACTIVE]))) continue;
      if (o.passed) {
        await credit(tx.em, f, o, rule);
        completedIds.push(f.enrolmentId);
      } else failed++;
    }
    await db(tx).updateTable('workshop_run_settlement').set({ completed: completedIds.length, failed }).where('run_id', '=', runId).execute();
    // The settlement is the system's, not a person's: programmes completed by it are audited without an actor.
    await enrolmentOutcomesChanged({ em: tx.em, viewer: null }, completedIds);
    return true;
  });
}

/**
 * After a settled run's attendance changes: settles these people again in the caller's transaction. Whoever's result
 * changes (share across the minimum, or other minutes or JP) gets their standing credit reversed (REVOKED + a reversal
 * line) and, if they now pass, a new credit line; their enrolment flips between COMPLETED and FAILED. People whose
 * result was decided by hand (a course completion credit of their own) are left alone. Returns how many changed.
 */
export async function resettlePeople(tx: { em: EntityManager; viewer?: OutcomeTransaction['viewer'] }, runId: string, enrolmentIds: string[]): Promise<number> {
  if (!enrolmentIds.length) return 0;
  const rule = await runRule(tx.em, runId);
  const d = db(tx);
  const standing = await d.selectFrom('learning_record').select(['source', 'source_id', 'minutes', sql<number>`jp::float8`.as('jp')])
    .where('source_id', 'in', enrolmentIds).where('reverses_id', 'is', null).where('status', '=', LearningRecordStatus.CREDITED)
    .where('source', 'in', [LearningSource.WORKSHOP_ATTENDANCE, LearningSource.COURSE_RUN_COMPLETION])
    .execute();
  const byHand = new Set(standing.filter((s) => s.source === LearningSource.COURSE_RUN_COMPLETION).map((s) => s.source_id));
  const credited = new Map(standing.filter((s) => s.source === LearningSource.WORKSHOP_ATTENDANCE).map((s) => [s.source_id, s]));
  const changed: string[] = [];
  for (const f of await figuresOf(tx.em, runId, enrolmentIds)) {
    if (byHand.has(f.enrolmentId)) continue;
    if (f.status !== EnrolmentStatus.COMPLETED && f.status !== EnrolmentStatus.FAILED) continue;
    const o = outcomeOf(f, rule);
    const old = credited.get(f.enrolmentId);
    const same = o.passed ? !!old && old.minutes === o.minutes && Number(old.jp) === o.jp : !old && f.status === EnrolmentStatus.FAILED;
    if (same) continue;
    if (old) await reverseCredit(tx.em, LearningSource.WORKSHOP_ATTENDANCE, f.enrolmentId, 'Koreksi kehadiran / Attendance corrected');
    await setOutcome(tx.em, f, o, rule, [EnrolmentStatus.COMPLETED, EnrolmentStatus.FAILED]);
    if (o.passed) await credit(tx.em, f, o, rule);
    changed.push(f.enrolmentId);
  }
  // A correction may complete a programme, or take a completion back (path.completion.ts decides).
  await enrolmentOutcomesChanged({ em: tx.em, viewer: tx.viewer ?? null }, changed);
  return changed.length;
}
