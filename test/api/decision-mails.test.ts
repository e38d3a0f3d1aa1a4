import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { id status } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectEnrolment(id: $id, reason: $reason) { id status } }`;

let n = 0;

/** A supervisor with learners who asked to join a course that needs approval; learners get e-mail addresses. */
async function requests(capacity: number | null, locales: ('id' | 'en' | null)[]) {
  const staff = await app.seed.agencyWithStaff(locales.length);
  const course = await app.seed.course({ ownerAgency: staff.agency, capacity, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL, title: `Pelatihan Pelayanan Publik ${++n}` });
  const asked = [];
  for (const [i, learner] of staff.learners.entries()) {
    const locale = locales[i];
    const email = locale ? `peserta.${process.pid}.${n}.${i}@instansi.go.id` : null;
    await app.sql(`update person set email = $1, locale = $2 where id = $3`, [email, locale ?? 'id', learner.id]);
    const { enrol } = await (await app.as(learner)).ok(ENROL, { runId: course.run.id });
    asked.push({ learner, email, id: enrol.id as string });
  }
  return { ...staff, course, asked, boss: await app.as(staff.supervisor) };
}

const jobsFor = async (enrolmentId: string) =>
  (await app.sql(`select state from pgboss.job where name = 'mail' and data->>'enrolmentId' = $1`, [enrolmentId])).map((r) => r.state);

describe('mails on enrolment decisions', () => {
  it('tells the learner their request was approved, in their language, with a seat or a waiting-list place', async () => {
    const { course, asked, boss } = await requests(1, ['en', 'id']);
    await boss.ok(APPROVE, { id: asked[0].id });
    await boss.ok(APPROVE, { id: asked[1].id });

    const english = await app.mail.waitFor((m) => m.to.includes(asked[0].email!));
    expect(english.language).toBe('en');
    expect(english.subject).toBe(`Your request was approved: ${course.title}`);
    expect(english.text).toContain(`Dear ${asked[0].learner.fullName}`);
    expect(english.text).toContain('You are enrolled.');
    expect(english.text).toContain(`${app.url}/kursus/${course.id}`);

    const bahasa = await app.mail.waitFor((m) => m.to.includes(asked[1].email!));
    expect(bahasa.language).toBe('id');
    expect(bahasa.subject).toBe(`Permintaan Anda disetujui: ${course.title}`);
    expect(bahasa.text).toContain('Anda masuk daftar tunggu');
  });

  it('tells the learner their request was rejected, with the reason', async () => {
    const { course, asked, boss } = await requests(null, ['id']);
    await boss.ok(REJECT, { id: asked[0].id, reason: 'Kuota unit kerja tahun ini sudah penuh.' });
    const mail = await app.mail.waitFor((m) => m.to.includes(asked[0].email!));
    expect(mail.subject).toBe(`Permintaan Anda tidak disetujui: ${course.title}`);
    expect(mail.text).toContain('Alasan: Kuota unit kerja tahun ini sudah penuh.');
    expect(mail.html).toContain('Alasan: Kuota unit kerja tahun ini sudah penuh.');
  });

  it('sends nothing when the decision’s transaction rolls back', async () => {
    const { asked, boss } = await requests(null, ['id', 'id']);
    const [doomed, control] = asked;
    // The audit row is written last in approve()'s transaction: failing it rolls back everything before it.
    await app.sql(`create or replace function test_fail_audit() returns trigger language plpgsql as $$
      begin if new.target_id = '${doomed.id}' then raise exception 'forced rollback'; end if; return new; end $$`);
    await app.sql(`create trigger test_fail_audit before insert on audit_entry for each row execute function test_fail_audit()`);
    try {
      expect(await boss.errorCode(APPROVE, { id: doomed.id })).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await app.sql(`drop trigger test_fail_audit on audit_entry`);
    }
    expect((await app.sql(`select status from enrolment where id = $1`, [doomed.id]))[0].status).toBe('REQUESTED');
    expect(await jobsFor(doomed.id)).toEqual([]);

    // A decision after it is mailed; by then the worker has had every chance to send the first.
    await boss.ok(APPROVE, { id: control.id });
    await app.mail.waitFor((m) => m.to.includes(control.email!));
    expect(app.mail.messages.filter((m) => m.to.includes(doomed.email!))).toEqual([]);
  });

  it('mails nobody when the learner has no e-mail address (the decision shows in the app)', async () => {
    const { asked, boss } = await requests(null, [null]);
    await boss.ok(APPROVE, { id: asked[0].id });
    await expect.poll(() => jobsFor(asked[0].id), { timeout: 15_000 }).toEqual(['completed']);
  });
});
