import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status waitlistPosition } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`;

/** Signing in runs argon2: a few at a time, so 100 sign-ins do not starve the machine. */
async function signInAll<T>(items: T[], signIn: (item: T) => Promise<GraphQLClient>, concurrency = 4): Promise<GraphQLClient[]> {
  const out: GraphQLClient[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await signIn(items[i]);
      }
    }),
  );
  return out;
}

describe('enrolment under concurrency', () => {
  it('100 learners racing for 10 seats: exactly 10 ACTIVE, 90 WAITLISTED in a gapless queue, counters exact', async () => {
    const agency = await app.seed.agency();
    const learners = [];
    for (let i = 0; i < 100; i++) learners.push(await app.seed.person({ agency }));
    const course = await app.seed.course({ ownerAgency: agency, capacity: 10 });
    const clients = await signInAll(learners, (l) => app.as(l));

    const results = await Promise.all(clients.map((c) => c.request(ENROL, { runId: course.run.id })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const statuses = results.map((r) => r.data.enrol.status as string);
    expect(statuses.filter((s) => s === 'ACTIVE')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(90);

    const [course_] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [course.run.id]);
    expect(course_).toEqual({ seats_taken: 10, waitlist_length: 90 });
    const rows = await app.sql(`select status, count(*)::int as n from enrolment where course_id = $1 group by status order by status`, [course.id]);
    expect(rows).toEqual([{ status: 'ACTIVE', n: 10 }, { status: 'WAITLISTED', n: 90 }]);

    // Positions read after the race form one gapless FIFO queue.
    const positions = await app.sql(
      `select id, row_number() over (order by waitlisted_at, id)::int as pos from enrolment where course_id = $1 and status = 'WAITLISTED'`,
      [course.id],
    );
    expect(positions.map((p) => p.pos)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));

    // Ten seat holders leave at once: ten promotions, the queue's first ten, never an eleventh seat.
    const seatHolders = results.map((r, i) => ({ r, c: clients[i] })).filter(({ r }) => r.data.enrol.status === 'ACTIVE');
    const firstTen = new Set(positions.slice(0, 10).map((p) => p.id));
    const left = await Promise.all(seatHolders.map(({ r, c }) => c.request(WITHDRAW, { id: r.data.enrol.id })));
    expect(left.flatMap((r) => r.errors ?? [])).toEqual([]);
    const active = await app.sql(`select id from enrolment where course_id = $1 and status = 'ACTIVE'`, [course.id]);
    expect(active).toHaveLength(10);
    expect(new Set(active.map((a) => a.id))).toEqual(firstTen);
    const [after] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [course.run.id]);
    expect(after).toEqual({ seats_taken: 10, waitlist_length: 80 });
  });

  // Five learners at once, each enrolling 20 times. Before enrol() took a per-learner lock, about one run in six of
  // this met a deadlock between concurrent speculative inserts on enrolment's two unique indexes (INTERNAL error);
  // a timing race, so this test catches it often, not always.
  it('the same learner enrolling 20 times at once gets one enrolment and no errors', async () => {
    const agency = await app.seed.agency();
    await Promise.all(Array.from({ length: 5 }, () => oneLearnerTwentyTimes(agency)));
  });

  async function oneLearnerTwentyTimes(agency: Awaited<ReturnType<typeof app.seed.agency>>) {
    const learner = await app.seed.person({ agency });
    const course = await app.seed.course({ ownerAgency: agency, capacity: 3 });
    const client = await app.as(learner);
    const results = await Promise.all(Array.from({ length: 20 }, () => client.request(ENROL, { runId: course.run.id })));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data.enrol.id)).size).toBe(1);
    expect(results.every((r) => r.data.enrol.status === 'ACTIVE')).toBe(true);
    const rows = await app.sql(`select status from enrolment where course_id = $1`, [course.id]);
    expect(rows).toEqual([{ status: 'ACTIVE' }]);
    const [c] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [course.run.id]);
    expect(c).toEqual({ seats_taken: 1, waitlist_length: 0 });

    // Re-enrolling 20 times at once after withdrawing re-opens the row once.
    await client.ok(WITHDRAW, { id: results[0].data.enrol.id });
    const again = await Promise.all(Array.from({ length: 20 }, () => client.request(ENROL, { runId: course.run.id })));
    expect(again.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await app.sql(`select status from enrolment where course_id = $1`, [course.id])).toEqual([{ status: 'ACTIVE' }]);
    const [c2] = await app.sql(`select seats_taken, waitlist_length from course_run where id = $1`, [course.run.id]);
    expect(c2).toEqual({ seats_taken: 1, waitlist_length: 0 });
  }
});
