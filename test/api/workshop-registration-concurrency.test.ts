import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/src/modules/auth/index.js';
import { CourseKind, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * Registration for a workshop is the courses' enrolment machinery, not a second one (issue 7): under a race it
 * gives exactly the run's seats and queues everyone else, counters exact.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const ADD = `mutation($input: AddRunSessionInput!) { addRunSession(input: $input) { id } }`;

describe('workshop registration under concurrency', () => {
  it('200 people registering at once for a 30-seat workshop run: exactly 30 seated and 170 waitlisted', async () => {
    const a = await app.seed.agencyWithStaff(0);
    const people = [];
    for (let i = 0; i < 200; i++) people.push(await app.seed.person({ agency: a.agency }));
    const workshop = await app.seed.course({ kind: CourseKind.WORKSHOP, ownerAgency: a.agency, capacity: 30, policy: EnrolmentPolicy.OPEN });
    await (await app.as(a.admin)).ok(ADD, { input: { runId: workshop.run.id, startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), endsAt: new Date(Date.now() + 7 * 86_400_000 + 3 * 3_600_000).toISOString() } });
    // Sessions written straight to the table (200 sign-ins would each cost an argon2 hash).
    const clients = await Promise.all(people.map(async (person) => {
      const token = randomBytes(32).toString('base64url');
      await app.sql(`insert into session (token_hash, person_id, expires_at) values ($1, $2, now() + interval '1 day')`, [hashToken(token), person.id]);
      return app.anonymous().useSessionToken(token);
    }));

    const results = await Promise.all(clients.map((c) => c.request(ENROL, { runId: workshop.run.id })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const statuses = results.map((r) => r.data.enrol.status as string);
    expect(statuses.filter((s) => s === 'ACTIVE')).toHaveLength(30);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(170);
    const [run] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [workshop.run.id]);
    expect(run).toEqual({ seats_taken: 30, waitlist_length: 170 });
    const rows = await app.sql(`select status, count(*)::int as n from enrolment where run_id = $1 group by status order by status`, [workshop.run.id]);
    expect(rows).toEqual([{ status: 'ACTIVE', n: 30 }, { status: 'WAITLISTED', n: 170 }]);
  });
});
