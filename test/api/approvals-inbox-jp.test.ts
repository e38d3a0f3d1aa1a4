import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { isoDateIn } from '../../server/src/shared/util/time.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

// Its own file (its own database): it puts a new rule in force from today, which would change what other tests credit.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const INBOX = `{ approvalsInbox(first: 10) { nodes { id learner { id } learnerJpThisYear learnerTargetJp } } }`;

describe('the approvals inbox after a rule change', () => {
  it('shows the learner’s JP as credited, not their minutes over today’s rule', async () => {
    const { agency, admin, supervisor, learners: [learner] } = await app.seed.agencyWithStaff(1);
    const done = await app.seed.course({ ownerAgency: agency, jp: 2 });
    const enrolment = (await (await app.as(learner)).ok(ENROL, { runId: done.run.id })).enrol;
    await (await app.as(admin)).ok(COMPLETE, { id: enrolment.id }); // 2 JP credited at 45 minutes per JP: 90 minutes
    const next = await app.seed.course({ ownerAgency: agency, jp: 4, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const request = (await (await app.as(learner)).ok(ENROL, { runId: next.run.id })).enrol;
    expect(request.status).toBe('REQUESTED');

    const boss = await app.as(supervisor);
    expect((await boss.ok(INBOX)).approvalsInbox.nodes).toEqual([{ id: request.id, learner: { id: learner.id }, learnerJpThisYear: 2, learnerTargetJp: 20 }]);

    // 60 minutes per JP from today: the 90 minutes credited as 2 JP are still 2 JP (not 1.5); the target is today's rule's.
    await app.sql(`insert into learning_rule_set (valid_from, minutes_per_jp, yearly_target_jp) values ($1::date, 60, 24)`, [isoDateIn(new Date())]);
    expect((await boss.ok(INBOX)).approvalsInbox.nodes).toEqual([{ id: request.id, learner: { id: learner.id }, learnerJpThisYear: 2, learnerTargetJp: 24 }]);
  });
});
