import { sql } from 'kysely';
import type { OperationContext } from '../../app/context.js';
import { db, type Db } from '../../shared/db/kysely.js';
import { yearIn } from '../../shared/util/time.js';
import { groupOf } from '../course/index.js';
import { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
import type { JpByForm, JpByMonth } from './year.types.js';

/**
 * A year's counted lines (alias lr) with their form of development: a course run's or workshop's course form (the
 * enrolment is the source), an external activity's form; none for programmes and corrections. Counted: CREDITED
 * lines and REVOKED pairs (a revoked line and its reversal carry the same source, so they net to zero per form).
 */
function countedLines(d: Db, personId: string, year: number) {
  return d.selectFrom('learning_record as lr')
    .leftJoin('enrolment as e', (join) => join.onRef('e.id', '=', 'lr.source_id')
      .on('lr.source', 'in', [LearningSource.COURSE_RUN_COMPLETION, LearningSource.WORKSHOP_ATTENDANCE]))
    .leftJoin('course as c', 'c.id', 'e.course_id')
    .leftJoin('external_activity as x', (join) => join.onRef('x.id', '=', 'lr.source_id').on('lr.source', '=', LearningSource.EXTERNAL_ACTIVITY))
    .where('lr.person_id', '=', personId).where('lr.year', '=', year)
    .where('lr.status', 'in', [LearningRecordStatus.CREDITED, LearningRecordStatus.REVOKED]);
}

/** JP by form of development, most first (one statement). */
export async function jpByForm(ctx: OperationContext, personId: string, year: number): Promise<JpByForm[]> {
  const rows = await countedLines(db(ctx), personId, year)
    .select((eb) => [eb.fn.coalesce('c.form', 'x.form').as('form'), sql<number>`sum(${eb.ref('lr.jp')})::float8`.as('jp')])
    .groupBy(sql`1`)
    .execute();
  return rows
    .map((r) => ({ form: r.form ?? null, jp: Math.round(Number(r.jp) * 10) / 10 }))
    .filter((r) => r.jp !== 0)
    .sort((a, b) => b.jp - a.jp || String(a.form).localeCompare(String(b.form)))
    .map((r) => ({ ...r, group: r.form ? groupOf(r.form) : null }));
}

/**
 * JP by the month the learning happened (Asia/Jakarta), all twelve (one statement). A reversal counts in its
 * line's month, so taking a line back lowers the month it was credited in.
 */
export async function jpByMonth(ctx: OperationContext, personId: string, year: number): Promise<JpByMonth[]> {
  const rows = await countedLines(db(ctx), personId, year)
    .leftJoin('learning_record as orig', 'orig.id', 'lr.reverses_id')
    .select((eb) => [
      sql<number>`extract(month from coalesce(${eb.ref('orig.occurred_at')}, ${eb.ref('lr.occurred_at')}) at time zone 'Asia/Jakarta')::int`.as('month'),
      sql<number>`sum(${eb.ref('lr.jp')})::float8`.as('jp'),
    ])
    .groupBy(sql`1`)
    .execute();
  const byMonth = new Map(rows.map((r) => [Number(r.month), Math.round(Number(r.jp) * 10) / 10]));
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, jp: byMonth.get(i + 1) ?? 0 }));
}

/** The years a person has learning in, and this year, newest first: what the year picker offers (one statement). */
export async function learningYears(ctx: OperationContext, personId: string): Promise<number[]> {
  const rows = await db(ctx).selectFrom('learning_record').select('year').distinct().where('person_id', '=', personId).execute();
  return [...new Set([yearIn(new Date()), ...rows.map((r) => r.year)])].sort((a, b) => b - a);
}
