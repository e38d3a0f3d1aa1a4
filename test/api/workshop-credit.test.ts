import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttendanceCredit } from '../../server/src/modules/course/index.js';
import { SETTLE_QUEUE } from '../../server/src/modules/workshop/index.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { workshopWorld } from './workshop-fixture.js';

/**
 * JP and completion from attendance, settled once after a workshop's last session, and corrected with reversal
 * lines (ARCHITECTURE.md "Workshops"). The rule sets: 45 minutes per JP since 2017 (the migration's), and in this
 * file 60 minutes per JP from 2026-11-05, between the workshops' two sessions.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.sql(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp) values ('2026-11-05', 60, 20)`);
});
afterAll(async () => {
  await app?.close();
});

const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { resettled } }`;

/** Runs the settlement job through the queue, as the schedule does, and waits for it. */
async function runJob(): Promise<void> {
  const id = await app.lentera.background.queue.boss.send(SETTLE_QUEUE, {});
  for (let i = 0; i < 150; i++) {
    const [job] = await app.sql(`select state, output from pgboss.job where id = $1`, [id]);
    if (job?.state === 'completed') return;
    if (job?.state === 'failed' || job?.state === 'retry') throw new Error(`the settlement job failed: ${JSON.stringify(job.output)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the settlement job did not finish');
}

/** Two past sessions in WIB: 2 Nov 09.00–12.00 (180 min, 45 min/JP) and 10 Nov 09.00–11.00 (120 min, 60 min/JP). */
async function pastWorkshop(opts: Parameters<typeof workshopWorld>[1] = {}) {
  const w = await workshopWorld(app, opts);
  const first = await app.seed.session(w.run, { startsAt: new Date('2026-11-02T02:00:00Z'), endsAt: new Date('2026-11-02T05:00:00Z') });
  const second = await app.seed.session(w.run, { startsAt: new Date('2026-11-10T02:00:00Z'), endsAt: new Date('2026-11-10T04:00:00Z') });
  const instructor = await app.as(w.instructor);
  const mark = async (session: { id: string }, marks: { enrolmentId: string; status: string; lateMinutes?: number }[]) =>
    (await instructor.ok(RECORD, { input: { sessionId: session.id, marks } })).recordAttendance.resettled as number;
  return { ...w, first, second, mark };
}

const ledger = (enrolmentId: string) => app.sql(
  `select minutes, jp::float8 as jp, status, reverses_id is not null as reversal, source from learning_record where source_id = $1 order by created_at, reverses_id nulls first`, [enrolmentId],
);
const enrolment = async (id: string) => (await app.sql(`select status, decision_note from enrolment where id = $1`, [id]))[0];
const yearJp = async (personId: string) => (await app.sql(`select jp::float8 as jp, minutes from person_learning_year where person_id = $1 and year = 2026`, [personId]))[0] ?? { jp: 0, minutes: 0 };

describe('settling a workshop', () => {
  it('credits JP summed per session at the rule in force on each session’s date, completes at the minimum share and fails below it', async () => {
    const w = await pastWorkshop({ learners: 4 });
    const [a, b, c, d] = w.enrolments;
    await w.mark(w.first, [{ enrolmentId: a, status: 'PRESENT' }, { enrolmentId: b, status: 'LATE', lateMinutes: 10 }, { enrolmentId: c, status: 'PRESENT' }, { enrolmentId: d, status: 'EXCUSED' }]);
    await w.mark(w.second, [{ enrolmentId: a, status: 'LATE', lateMinutes: 30 }, { enrolmentId: b, status: 'PRESENT' }, { enrolmentId: c, status: 'ABSENT' }]);
    await runJob();
    // a: 180 min at 45 + 90 min at 60 = 4 + 1.5 = 5.5 JP (270 of 300 minutes: 90 %)
    expect(await ledger(a)).toEqual([{ minutes: 270, jp: 5.5, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' }]);
    // b: 170 at 45 + 120 at 60 = 3.777… + 2 = 5.777… → 5.7 (rounded down once, over the sum)
    expect(await ledger(b)).toEqual([{ minutes: 290, jp: 5.7, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' }]);
    expect(await enrolment(a)).toEqual({ status: 'COMPLETED', decision_note: null });
    // c: 180 of 300 minutes = 60 % < 80 %; d: excused throughout, 0 %.
    expect(await ledger(c)).toEqual([]);
    expect(await enrolment(c)).toMatchObject({ status: 'FAILED', decision_note: expect.stringContaining('60%') });
    expect(await enrolment(d)).toMatchObject({ status: 'FAILED' });
    expect(await yearJp(w.learners[0].id)).toEqual({ jp: 5.5, minutes: 270 });
  });

  it('credits the fixed JP of a FIXED_JP workshop to whoever reaches its minimum', async () => {
    const w = await pastWorkshop({ learners: 2, credit: AttendanceCredit.FIXED_JP, fixedJp: 6, minPercent: 50 });
    const [a, b] = w.enrolments;
    await w.mark(w.first, [{ enrolmentId: a, status: 'PRESENT' }, { enrolmentId: b, status: 'ABSENT' }]);
    await w.mark(w.second, [{ enrolmentId: a, status: 'ABSENT' }, { enrolmentId: b, status: 'PRESENT' }]);
    await runJob();
    expect(await ledger(a)).toEqual([{ minutes: 180, jp: 6, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' }]); // 60 %
    expect(await ledger(b)).toEqual([]); // 40 %
    expect((await enrolment(b)).status).toBe('FAILED');
  });

  it('settles a run once however often the job runs, and not before its last session ended', async () => {
    const w = await pastWorkshop({ learners: 1 });
    const upcoming = await workshopWorld(app, { learners: 1 });
    await app.seed.session(upcoming.run, { startsAt: new Date('2026-11-02T02:00:00Z'), endsAt: new Date('2026-11-02T05:00:00Z') });
    await upcoming.session(24 * 60, 60);
    await w.mark(w.first, [{ enrolmentId: w.enrolments[0], status: 'PRESENT' }]);
    await w.mark(w.second, [{ enrolmentId: w.enrolments[0], status: 'PRESENT' }]);
    await runJob();
    await runJob();
    expect(await ledger(w.enrolments[0])).toHaveLength(1);
    expect(await app.sql(`select completed, failed from workshop_run_settlement where run_id = $1`, [w.run.id])).toEqual([{ completed: 1, failed: 0 }]);
    expect(await app.sql(`select 1 from workshop_run_settlement where run_id = $1`, [upcoming.run.id])).toEqual([]);
    expect((await enrolment(upcoming.enrolments[0])).status).toBe('ACTIVE');
  });

  it('corrects after settlement: a reversal line and a new line in the same transaction, the status flips, the year adds up', async () => {
    const w = await pastWorkshop({ learners: 2 });
    const [a, c] = w.enrolments;
    await w.mark(w.first, [{ enrolmentId: a, status: 'PRESENT' }, { enrolmentId: c, status: 'PRESENT' }]);
    await w.mark(w.second, [{ enrolmentId: a, status: 'LATE', lateMinutes: 30 }, { enrolmentId: c, status: 'ABSENT' }]);
    await runJob();
    expect((await enrolment(c)).status).toBe('FAILED');

    // c was there after all: completed, 4 + 2 = 6 JP.
    expect(await w.mark(w.second, [{ enrolmentId: c, status: 'PRESENT' }])).toBe(1);
    expect(await enrolment(c)).toEqual({ status: 'COMPLETED', decision_note: null });
    expect(await ledger(c)).toEqual([{ minutes: 300, jp: 6, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' }]);

    // a was absent from the second session: 60 %, failed, the 5.5 JP taken back.
    expect(await w.mark(w.second, [{ enrolmentId: a, status: 'ABSENT' }])).toBe(1);
    expect((await enrolment(a)).status).toBe('FAILED');
    expect(await ledger(a)).toEqual([
      { minutes: 270, jp: 5.5, status: 'REVOKED', reversal: false, source: 'WORKSHOP_ATTENDANCE' },
      { minutes: -270, jp: -5.5, status: 'REVOKED', reversal: true, source: 'WORKSHOP_ATTENDANCE' },
    ]);
    expect(await yearJp(w.learners[0].id)).toEqual({ jp: 0, minutes: 0 });

    // Marked present after all: a new credit under the same source, beside the revoked pair.
    await w.mark(w.second, [{ enrolmentId: a, status: 'PRESENT' }]);
    expect((await enrolment(a)).status).toBe('COMPLETED');
    const lines = await ledger(a);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toEqual({ minutes: 300, jp: 6, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' });
    expect(await yearJp(w.learners[0].id)).toEqual({ jp: 6, minutes: 300 });
    // A mark that changes nothing in the result settles nobody again.
    expect(await w.mark(w.first, [{ enrolmentId: a, status: 'PRESENT' }])).toBe(0);
    expect(await ledger(a)).toHaveLength(3);
    expect((await app.sql(`select count(*)::int as n from audit_entry where action = 'attendance.record' and target_id = $1`, [w.second.id]))[0].n).toBe(4);
  });

  it('settles again when a settled run’s session times are corrected', async () => {
    const w = await pastWorkshop({ learners: 2 });
    const [a, c] = w.enrolments;
    // a: all 300 minutes; c: only the second session (120 of 300 minutes, 40 %).
    await w.mark(w.first, [{ enrolmentId: a, status: 'PRESENT' }, { enrolmentId: c, status: 'ABSENT' }]);
    await w.mark(w.second, [{ enrolmentId: a, status: 'PRESENT' }, { enrolmentId: c, status: 'PRESENT' }]);
    await runJob();
    expect((await enrolment(c)).status).toBe('FAILED');
    const admin = await app.as(w.admin);
    const UPDATE = `mutation($id: ID!, $input: UpdateRunSessionInput!) { updateRunSession(id: $id, input: $input) { id } }`;
    // The first session really lasted 30 minutes (09.00–09.30): c attended 120 of 150 minutes (80 %) and completes;
    // a attended 150 minutes: 30 at 45 + 120 at 60 = 0.666… + 2 → 2.6 JP instead of 6.
    await admin.ok(UPDATE, { id: w.first.id, input: { endsAt: '2026-11-02T02:30:00Z' } });
    expect((await enrolment(c)).status).toBe('COMPLETED');
    expect(await ledger(c)).toEqual([{ minutes: 120, jp: 2, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' }]);
    // (The reversal and the new line share one transaction's timestamp: compared by minutes.)
    expect((await ledger(a)).sort((x, y) => y.minutes - x.minutes)).toEqual([
      { minutes: 300, jp: 6, status: 'REVOKED', reversal: false, source: 'WORKSHOP_ATTENDANCE' },
      { minutes: 150, jp: 2.6, status: 'CREDITED', reversal: false, source: 'WORKSHOP_ATTENDANCE' },
      { minutes: -300, jp: -6, status: 'REVOKED', reversal: true, source: 'WORKSHOP_ATTENDANCE' },
    ]);
    expect(await yearJp(w.learners[0].id)).toEqual({ jp: 2.6, minutes: 150 });
    // A new title moves no minutes: nobody is settled again.
    await admin.ok(UPDATE, { id: w.first.id, input: { title: 'Pembukaan' } });
    expect(await ledger(a)).toHaveLength(3);
  });
});
