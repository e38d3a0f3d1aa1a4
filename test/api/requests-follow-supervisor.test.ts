import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/course.enums.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** Pending requests follow the org chart: a learner's new supervisor decides them, the former one no longer can. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status approverName } }`;
const INBOX = `query($agencyWide: Boolean) { approvalsInbox(agencyWide: $agencyWide) { totalCount nodes { id approverName learner { id } } } }`;
const GET = `query($id: ID!) { enrolment(id: $id) { id status approverName decidedByName } }`;
const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { id status decidedByName } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectEnrolment(id: $id, reason: $reason) { id status decidedByName } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id supervisor { id } } }`;

async function world() {
  const { agency, unit, admin, supervisor: former, learners } = await app.seed.agencyWithStaff(2);
  const [learner] = learners; // learners[1] keeps reporting to `former`, who stays a supervisor
  const successor = await app.seed.person({ agency, orgUnit: unit, fullName: 'Atasan Baru' });
  const courses = await Promise.all([1, 2, 3].map(() => app.seed.course({ ownerAgency: agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL })));
  const me = await app.as(learner);
  const requests: string[] = [];
  for (const c of courses) requests.push((await me.ok(ENROL, { runId: c.run.id })).enrol.id);
  const [decided, ...pending] = requests;
  const formerClient = await app.as(former);
  await formerClient.ok(APPROVE, { id: decided });
  return { agency, admin, former, successor, learner, decided, pending, formerClient, adminClient: await app.as(admin) };
}

describe('when a learner’s supervisor changes', () => {
  it('moves their pending requests to the new supervisor, in the same change; the former one can no longer see or decide them', async () => {
    const w = await world();
    expect((await w.formerClient.ok(INBOX, {})).approvalsInbox.totalCount).toBe(2);

    await w.adminClient.ok(UPDATE, { id: w.learner.id, input: { supervisorId: w.successor.id } });

    const rows = await app.sql(`select id, approver_id from enrolment where id = any($1) order by id`, [[w.decided, ...w.pending]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.approver_id]))).toEqual({
      [w.decided]: w.former.id, // history stays: the former supervisor decided that one
      [w.pending[0]]: w.successor.id,
      [w.pending[1]]: w.successor.id,
    });
    const [audit] = await app.sql(`select data from audit_entry where target_id = $1 and action = 'person.update'`, [w.learner.id]);
    expect(audit.data).toMatchObject({ changes: { supervisorId: w.successor.id }, requestsMoved: 2 });

    // The former supervisor (still supervising someone else): an empty inbox, and the requests are not there for them.
    expect((await w.formerClient.ok(INBOX, {})).approvalsInbox).toEqual({ totalCount: 0, nodes: [] });
    for (const id of w.pending) {
      expect(await w.formerClient.errorCode(APPROVE, { id })).toBe('NOT_FOUND');
      expect(await w.formerClient.errorCode(REJECT, { id, reason: 'Tidak' })).toBe('NOT_FOUND');
      expect(await w.formerClient.errorCode(GET, { id })).toBe('NOT_FOUND');
    }
    expect((await w.formerClient.ok(GET, { id: w.decided })).enrolment).toMatchObject({ status: 'ACTIVE', decidedByName: w.former.fullName });

    // The new supervisor sees them, named as approver, and decides.
    const successor = await app.as(w.successor);
    const inbox = (await successor.ok(INBOX, {})).approvalsInbox;
    expect(inbox.nodes.map((n: any) => n.id).sort()).toEqual([...w.pending].sort());
    expect(inbox.nodes.every((n: any) => n.approverName === 'Atasan Baru')).toBe(true);
    expect((await successor.ok(APPROVE, { id: w.pending[0] })).approveEnrolment).toMatchObject({ status: 'ACTIVE', decidedByName: 'Atasan Baru' });
    expect((await successor.ok(REJECT, { id: w.pending[1], reason: 'Kuota habis' })).rejectEnrolment).toMatchObject({ status: 'REJECTED' });
    expect((await successor.ok(INBOX, {})).approvalsInbox.totalCount).toBe(0);
  });

  it('leaves requests with no supervisor to the agency’s admins when the supervisor is removed, and new requests go to the new supervisor', async () => {
    const w = await world();
    await w.adminClient.ok(UPDATE, { id: w.learner.id, input: { supervisorId: null } });
    expect((await w.formerClient.ok(INBOX, {})).approvalsInbox.totalCount).toBe(0);
    expect(await w.formerClient.errorCode(APPROVE, { id: w.pending[0] })).toBe('NOT_FOUND');
    const wide = (await w.adminClient.ok(INBOX, { agencyWide: true })).approvalsInbox;
    expect(wide.nodes.filter((n: any) => n.learner.id === w.learner.id).map((n: any) => [n.id, n.approverName]).sort())
      .toEqual(w.pending.map((id) => [id, null]).sort());
    expect((await w.adminClient.ok(APPROVE, { id: w.pending[0] })).approveEnrolment.status).toBe('ACTIVE');

    await w.adminClient.ok(UPDATE, { id: w.learner.id, input: { supervisorId: w.successor.id } });
    const course = await app.seed.course({ ownerAgency: w.agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    expect((await (await app.as(w.learner)).ok(ENROL, { runId: course.run.id })).enrol).toMatchObject({ status: 'REQUESTED', approverName: 'Atasan Baru' });
    expect((await (await app.as(w.successor)).ok(INBOX, {})).approvalsInbox.totalCount).toBe(2);
  });

  it('never leaves a request with the former supervisor when the learner enrols while the supervisor changes', async () => {
    const w = await world();
    const courses = await Promise.all(Array.from({ length: 40 }, () => app.seed.course({ ownerAgency: w.agency, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL })));
    const me = await app.as(w.learner);
    // Requests keep coming while the change is made: some read the supervisor before it and insert after.
    const enrolments = courses.map((c, i) => new Promise((r) => setTimeout(r, i * 4)).then(() => me.ok(ENROL, { runId: c.run.id })));
    await new Promise((r) => setTimeout(r, 60));
    await Promise.all([...enrolments, w.adminClient.ok(UPDATE, { id: w.learner.id, input: { supervisorId: w.successor.id } })]);
    const stale = await app.sql(
      `select e.id from enrolment e join person p on p.id = e.person_id
        where e.person_id = $1 and e.status = 'REQUESTED' and e.approver_id is distinct from p.supervisor_id`,
      [w.learner.id],
    );
    expect(stale).toEqual([]);
    expect((await w.formerClient.ok(INBOX, {})).approvalsInbox.totalCount).toBe(0);
  });
});
