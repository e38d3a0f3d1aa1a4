import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind } from '../../server/src/modules/course/index.js';
import { SETTLE_QUEUE } from '../../server/src/modules/workshop/index.js';
import { nominate, programmeWorld, seedCohort, seedProgramme } from '../kit/programme-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * The learner's side of programmes (path area): progress along the path, completion by each rule whenever an item
 * enrolment completes (course completion and workshop settlement, in the same transaction), JP credited once, the
 * rating at completion, who may read a participation, and the programmes the catalogue offers.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;
const PROGRESS_FIELDS = `progress { items { itemId state jp completedElsewhere locked outOfOrder } requiredCompleted requiredTotal groupsMet groupsTotal percent jp ruleMet nextItemId }`;
const PARTICIPATION = `query($id: ID!) { programmeParticipation(id: $id) { id status completedAt rating ratingComment ${PROGRESS_FIELDS} } }`;
const RATE = `mutation($id: ID!, $rating: Int!, $comment: String) { rateProgramme(participantId: $id, rating: $rating, comment: $comment) { id rating ratingComment ratedAt } }`;
const MY = `query($after: String) { myProgrammes(first: 10, after: $after) { nodes { id status programme { id title } cohort { id code } ${PROGRESS_FIELDS} } pageInfo { hasNextPage endCursor } totalCount } }`;
const CATALOGUE = `query($search: String, $after: String, $first: Int!) { programmeCatalogue(search: $search, first: $first, after: $after) {
  nodes { id title items { id course { title jp } } cohorts { id startsAt costPerParticipant viewerAgencyTakesPart } viewerParticipation { id status } } pageInfo { hasNextPage endCursor } totalCount } }`;

const participant = async (id: string) => (await app.sql(`select status, completed_at, rating, rating_comment, rated_at from cohort_participant where id = $1`, [id]))[0];
const audits = (id: string) => app.sql(`select action, actor_id from audit_entry where target_id = $1 order by at, action`, [id]);

/** Completes an item enrolment the way an instructor does: through the API, so the real hook runs. */
async function completeItem(instructor: Parameters<TestApp['as']>[0], enrolmentId: string) {
  const client = await app.as(instructor);
  expect((await client.ok(COMPLETE, { id: enrolmentId })).completeEnrolment.status).toBe('COMPLETED');
}

describe('completion by the rule ALL_REQUIRED', () => {
  it('completes once every required item is completed, optional ones aside; progress and JP per item; one audit row', async () => {
    const w = await programmeWorld(app, { rule: 'ALL_REQUIRED', items: [{ jp: 4 }, { jp: 6 }, { jp: 3, required: false }] });
    const learner = w.taking.learners[0];
    const p = await w.nominate(learner);
    const [a, b, optional] = w.programme.items;
    const me = await app.as(learner);

    const before = (await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation;
    expect(before.progress.items.map((i: { state: string }) => i.state)).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS']);
    expect(before.progress).toMatchObject({ requiredCompleted: 0, requiredTotal: 2, percent: 0, jp: 0, ruleMet: false, nextItemId: a.id });

    await completeItem(w.instructor, p.enrolments.get(a.id)!);
    expect((await participant(p.id)).status).toBe('NOMINATED');
    const half = (await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation;
    expect(half.progress).toMatchObject({ requiredCompleted: 1, percent: 50, jp: 4, ruleMet: false, nextItemId: b.id });
    expect(half.progress.items[0]).toMatchObject({ state: 'COMPLETED', jp: 4, completedElsewhere: false });

    await completeItem(w.instructor, p.enrolments.get(b.id)!);
    const done = await participant(p.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.completed_at).not.toBeNull();
    const after = (await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation;
    expect(after.progress).toMatchObject({ requiredCompleted: 2, percent: 100, jp: 10, ruleMet: true, nextItemId: null });
    expect(after.progress.items[2].state).toBe('IN_PROGRESS');
    expect(await audits(p.id)).toEqual([{ action: 'programme.complete', actor_id: w.instructor.id }]);

    // The optional item completed afterwards adds its own JP to the path's and changes nothing else.
    await completeItem(w.instructor, p.enrolments.get(optional.id)!);
    expect((await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress.jp).toBe(13);
    expect(await audits(p.id)).toHaveLength(1);
  });

  it('counts an item completed earlier in another run of the same course', async () => {
    const w = await programmeWorld(app, { rule: 'ALL_REQUIRED', items: [{ jp: 4 }, { jp: 5 }] });
    const learner = w.taking.learners[1];
    const [a, b] = w.programme.items;
    // Completed a's course last year in an ordinary run, before the cohort.
    const [run] = await app.sql<{ id: string }>(`insert into course_run (course_id, code, enrolment_policy, starts_at, ends_at) values ($1, 'LAMA', 'OPEN', now() - interval '400 days', now() - interval '360 days') returning id`, [a.courseId]);
    await app.sql(`insert into course_run_instructor (run_id, person_id) values ($1, $2)`, [run.id, w.instructor.id]);
    const [old] = await app.sql<{ id: string }>(`insert into enrolment (person_id, course_id, run_id, status, decided_at) values ($1, $2, $3, 'ACTIVE', now()) returning id`, [learner.id, a.courseId, run.id]);
    await completeItem(w.instructor, old.id);
    const p = await w.nominate(learner);
    expect(p.enrolments.has(a.id)).toBe(false);
    const me = await app.as(learner);
    const progress = (await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress;
    expect(progress.items[0]).toMatchObject({ state: 'COMPLETED', completedElsewhere: true, jp: 4 });
    expect(progress.nextItemId).toBe(b.id);
    await completeItem(w.instructor, p.enrolments.get(b.id)!);
    expect((await participant(p.id)).status).toBe('COMPLETED');
  });
});

describe('completion by the rule IN_ORDER', () => {
  it('opens the path step by step and completes only when each required item was completed after the one before', async () => {
    const w = await programmeWorld(app, { rule: 'IN_ORDER', items: [{ jp: 2 }, { jp: 3 }, { jp: 4 }] });
    const [a, b, c] = w.programme.items;
    const inOrder = await w.nominate(w.taking.learners[0]);
    const outOfOrder = await w.nominate(w.taking.learners[1]);

    const start = (await (await app.as(w.taking.learners[0])).ok(PARTICIPATION, { id: inOrder.id })).programmeParticipation.progress;
    expect(start.items.map((i: { locked: boolean }) => i.locked)).toEqual([false, true, true]);
    expect(start.nextItemId).toBe(a.id);

    for (const item of [a, b, c]) await completeItem(w.instructor, inOrder.enrolments.get(item.id)!);
    expect((await participant(inOrder.id)).status).toBe('COMPLETED');

    // b first, then a, then c: b does not count towards the order, so the path is not complete.
    for (const item of [b, a, c]) await completeItem(w.instructor, outOfOrder.enrolments.get(item.id)!);
    expect((await participant(outOfOrder.id)).status).toBe('NOMINATED');
    const progress = (await (await app.as(w.taking.learners[1])).ok(PARTICIPATION, { id: outOfOrder.id })).programmeParticipation.progress;
    expect(progress.ruleMet).toBe(false);
    expect(progress.items.map((i: { outOfOrder: boolean }) => i.outOfOrder)).toEqual([false, true, true]);
    expect(progress.nextItemId).toBe(b.id);
    expect(await audits(outOfOrder.id)).toEqual([]);
  });
});

describe('completion by the rule GROUPS', () => {
  it('needs the required items and at least the minimum of each group ("pilih 2 dari 3")', async () => {
    const w = await programmeWorld(app, {
      rule: 'GROUPS', groups: [{ title: 'Pilihan', min: 2 }],
      items: [{ jp: 4 }, { jp: 2, group: 0 }, { jp: 2, group: 0 }, { jp: 2, group: 0 }],
    });
    const [core, g1, g2] = w.programme.items;
    const p = await w.nominate(w.taking.learners[2]);
    await completeItem(w.instructor, p.enrolments.get(core.id)!);
    await completeItem(w.instructor, p.enrolments.get(g1.id)!);
    expect((await participant(p.id)).status).toBe('NOMINATED');
    const me = await app.as(w.taking.learners[2]);
    const half = (await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress;
    expect(half).toMatchObject({ requiredCompleted: 1, requiredTotal: 1, groupsMet: 0, groupsTotal: 1, percent: 66, ruleMet: false });
    await completeItem(w.instructor, p.enrolments.get(g2.id)!);
    expect((await participant(p.id)).status).toBe('COMPLETED');
    expect((await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress).toMatchObject({ groupsMet: 1, percent: 100, ruleMet: true, jp: 8 });
  });
});

/** Runs the settlement job through the queue, as the schedule does, and waits for it. */
async function runSettlement(): Promise<void> {
  const id = await app.lentera.background.queue.boss.send(SETTLE_QUEUE, {});
  for (let i = 0; i < 150; i++) {
    const [job] = await app.sql(`select state, output from pgboss.job where id = $1`, [id]);
    if (job?.state === 'completed') return;
    if (job?.state === 'failed' || job?.state === 'retry') throw new Error(`the settlement job failed: ${JSON.stringify(job.output)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the settlement job did not finish');
}

describe('JP credited once', () => {
  it('the ledger holds the items’ lines only; completion adds none; the path’s JP are their sum; a workshop correction takes the completion back', async () => {
    const w = await programmeWorld(app, { rule: 'ALL_REQUIRED', items: [{ jp: 4 }, { kind: CourseKind.WORKSHOP, jp: 2 }] });
    const [course, workshop] = w.programme.items;
    const learner = w.taking.learners[0];
    const p = await w.nominate(learner);
    const runId = w.cohort.runs.get(workshop.id)!;
    // One past session of 180 minutes (45 minutes per JP: 4 JP), attended in full.
    const [session] = await app.sql<{ id: string }>(`insert into run_session (run_id, starts_at, ends_at) values ($1, '2026-11-02T02:00:00Z', '2026-11-02T05:00:00Z') returning id`, [runId]);
    const record = async (status: string) => (await app.as(w.instructor)).ok(
      `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { resettled } }`,
      { input: { sessionId: session.id, marks: [{ enrolmentId: p.enrolments.get(workshop.id), status }] } },
    );
    await record('PRESENT');
    await completeItem(w.instructor, p.enrolments.get(course.id)!);
    expect((await participant(p.id)).status).toBe('NOMINATED');

    await runSettlement();
    expect((await participant(p.id)).status).toBe('COMPLETED');
    // The settlement job is nobody's action: audited without an actor.
    expect(await audits(p.id)).toEqual([{ action: 'programme.complete', actor_id: null }]);
    const lines = await app.sql(`select source, jp::float8 as jp, status from learning_record where person_id = $1 order by source`, [learner.id]);
    expect(lines).toEqual([
      { source: 'COURSE_RUN_COMPLETION', jp: 4, status: 'CREDITED' },
      { source: 'WORKSHOP_ATTENDANCE', jp: 4, status: 'CREDITED' },
    ]);
    const [year] = await app.sql(`select sum(jp)::float8 as jp from learning_record where person_id = $1`, [learner.id]);
    const me = await app.as(learner);
    const shown = (await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress;
    expect(shown.jp).toBe(year.jp);
    expect(shown.jp).toBe(8);
    const [hours] = await app.sql(`select jp::float8 as jp from person_learning_year where person_id = $1`, [learner.id]);
    expect(hours.jp).toBe(8);

    // Marked absent after all: the workshop's completion is taken back, and with it the programme's.
    await record('ABSENT');
    expect((await participant(p.id))).toMatchObject({ status: 'NOMINATED', completed_at: null });
    expect((await audits(p.id)).map((a) => a.action)).toEqual(['programme.complete', 'programme.completion_revoked']);
    expect((await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress).toMatchObject({ jp: 4, ruleMet: false });
    expect(await app.sql(`select 1 from learning_record where source = 'PROGRAMME_COMPLETION'`)).toEqual([]);

    // Present after all: a new workshop line beside the revoked pair, the programme complete again, still 8 JP (never 12).
    await record('PRESENT');
    expect((await participant(p.id)).status).toBe('COMPLETED');
    expect((await me.ok(PARTICIPATION, { id: p.id })).programmeParticipation.progress).toMatchObject({ jp: 8, ruleMet: true });
    const [again] = await app.sql(`select jp::float8 as jp from person_learning_year where person_id = $1`, [learner.id]);
    expect(again.jp).toBe(8);
    expect(await app.sql(`select 1 from learning_record where source = 'PROGRAMME_COMPLETION'`)).toEqual([]);
  });
});

describe('rating at completion', () => {
  it('only the participant, only once completed, 1–5; may be changed; bad input writes nothing', async () => {
    const w = await programmeWorld(app, { rule: 'ALL_REQUIRED', items: [{ jp: 4 }] });
    const [item] = w.programme.items;
    const learner = w.taking.learners[0];
    const p = await w.nominate(learner);
    const other = await w.nominate(w.taking.learners[1]);
    const me = await app.as(learner);

    expect(await me.errorCode(RATE, { id: p.id, rating: 5 })).toBe('PROGRAMME_NOT_COMPLETED');
    await completeItem(w.instructor, p.enrolments.get(item.id)!);
    for (const rating of [0, 6, -1]) expect(await me.errorCode(RATE, { id: p.id, rating })).toBe('RATING_OUT_OF_RANGE');
    expect(await me.errorCode(RATE, { id: p.id, rating: 4, comment: 'x'.repeat(1001) })).toBe('RATING_COMMENT_TOO_LONG');
    expect(await (await app.as(w.taking.learners[1])).errorCode(RATE, { id: p.id, rating: 1 })).toBe('NOT_FOUND');
    expect(await (await app.as(w.outsider.learners[0])).errorCode(RATE, { id: p.id, rating: 1 })).toBe('NOT_FOUND');
    expect(await (await app.as(w.taking.admin)).errorCode(RATE, { id: p.id, rating: 1 })).toBe('FORBIDDEN');
    expect(await me.errorCode(RATE, { id: other.id, rating: 3 })).toBe('NOT_FOUND');
    expect(await me.errorCode(RATE, { id: 'not-an-id', rating: 3 })).toBe('NOT_FOUND');
    expect(await participant(p.id)).toMatchObject({ rating: null, rating_comment: null, rated_at: null });
    expect((await audits(p.id)).map((a) => a.action)).toEqual(['programme.complete']);

    const rated = (await me.ok(RATE, { id: p.id, rating: 4, comment: '  Sangat bermanfaat  ' })).rateProgramme;
    expect(rated).toMatchObject({ rating: 4, ratingComment: 'Sangat bermanfaat' });
    const changed = (await me.ok(RATE, { id: p.id, rating: 5, comment: null })).rateProgramme;
    expect(changed).toMatchObject({ rating: 5, ratingComment: null });
    expect(await participant(p.id)).toMatchObject({ rating: 5, rating_comment: null });
    expect((await audits(p.id)).map((a) => a.action).sort()).toEqual(['programme.complete', 'programme.rate', 'programme.rate_change']);
  });
});

describe('who reads a participation', () => {
  it('the participant, their agency’s admins and the programme’s managers; another learner or agency: NOT_FOUND', async () => {
    const w = await programmeWorld(app, { items: [{ jp: 4 }] });
    const p = await w.nominate(w.taking.learners[0]);
    for (const who of [w.taking.learners[0], w.taking.admin, w.owner.admin]) {
      expect((await (await app.as(who)).ok(PARTICIPATION, { id: p.id })).programmeParticipation.id).toBe(p.id);
    }
    for (const who of [w.taking.learners[1], w.taking.supervisor, w.outsider.learners[0], w.outsider.admin, w.instructor]) {
      expect(await (await app.as(who)).errorCode(PARTICIPATION, { id: p.id })).toBe('NOT_FOUND');
    }
  });
});

describe('my programmes', () => {
  it('lists the viewer’s participations with progress, paged, in a bounded number of statements', async () => {
    const w = await programmeWorld(app, { items: [{ jp: 4 }, { jp: 2 }] });
    const learner = w.taking.learners[0];
    const p = await w.nominate(learner);
    const me = await app.as(learner);
    const one = await app.countSql(() => me.ok(MY, {}));
    // Two more programmes with three items each.
    for (let i = 0; i < 2; i++) {
      const programme = await seedProgramme(app, { ownerAgency: w.owner.agency, instructor: w.instructor, items: [{}, {}, {}] });
      const cohort = await seedCohort(app, programme, { quotas: [{ agency: w.taking.agency, seats: 2 }], instructor: w.instructor, startsInDays: -2 - i });
      await nominate(app, cohort, programme, learner, w.taking.agency);
    }
    let list!: { nodes: { id: string; programme: { title: string }; progress: { items: unknown[] } }[]; totalCount: number };
    const three = await app.countSql(async () => {
      list = (await me.ok(MY, {})).myProgrammes;
    });
    expect(list.totalCount).toBe(3);
    expect(list.nodes.map((n) => n.progress.items.length).sort()).toEqual([2, 3, 3]);
    expect(list.nodes[0].id).toBe(p.id);
    expect(three.count).toBe(one.count);
    // Nobody else's.
    expect((await (await app.as(w.taking.learners[1])).ok(MY, {})).myProgrammes.nodes).toEqual([]);
  });
});

describe('programmes in the catalogue', () => {
  it('shows published programmes the viewer’s agency holds a quota in (still nominating) or owns; never drafts or others’', async () => {
    const w = await programmeWorld(app, { title: 'Literasi Digital ASN Uji', items: [{ jp: 4 }] });
    const draft = await seedProgramme(app, { ownerAgency: w.owner.agency, instructor: w.instructor, status: 'DRAFT', items: [{}] });
    await seedCohort(app, draft, { quotas: [{ agency: w.taking.agency, seats: 2 }], instructor: w.instructor });
    const closed = await seedProgramme(app, { ownerAgency: w.owner.agency, instructor: w.instructor, items: [{}] });
    await seedCohort(app, closed, { quotas: [{ agency: w.taking.agency, seats: 2 }], instructor: w.instructor, nominationClosesInDays: -1 });
    const outsidersOwn = await seedProgramme(app, { ownerAgency: w.outsider.agency, instructor: w.instructor, items: [{}] });

    const ids = async (who: Parameters<TestApp['as']>[0], search?: string) =>
      ((await (await app.as(who)).ok(CATALOGUE, { first: 20, search })).programmeCatalogue.nodes as { id: string }[]).map((n) => n.id);
    expect(await ids(w.taking.learners[0])).toEqual([w.programme.id]);
    expect(await ids(w.outsider.learners[0])).toEqual([outsidersOwn.id]);
    expect((await ids(w.owner.learners[0])).sort()).toEqual([w.programme.id, closed.id].sort());
    expect(await ids(w.taking.learners[0], 'literasi digital')).toEqual([w.programme.id]);
    expect(await ids(w.taking.learners[0], 'tidak ada')).toEqual([]);
    // Partner staff belong to no agency: nothing to join.
    expect(await ids(await app.seed.person({ partner: await app.seed.partner() }))).toEqual([]);

    const node = (await (await app.as(w.taking.learners[0])).ok(CATALOGUE, { first: 20 })).programmeCatalogue.nodes[0];
    expect(node.cohorts).toEqual([expect.objectContaining({ id: w.cohort.id, viewerAgencyTakesPart: true, costPerParticipant: 1_500_000 })]);
    expect(node.viewerParticipation).toBeNull();
  });

  it('pages by title in a bounded number of statements', async () => {
    const owner = await app.seed.agencyWithStaff(1);
    const instructor = await app.seed.person({ agency: owner.agency });
    const learner = owner.learners[0];
    const first = await seedProgramme(app, { ownerAgency: owner.agency, instructor, items: [{}], title: 'A program' });
    await seedCohort(app, first, { quotas: [{ agency: owner.agency, seats: 1 }], instructor });
    const client = await app.as(learner);
    const one = await app.countSql(() => client.ok(CATALOGUE, { first: 10 }));
    for (const t of ['B program', 'C program', 'D program']) {
      const programme = await seedProgramme(app, { ownerAgency: owner.agency, instructor, items: [{}, {}], title: t });
      await seedCohort(app, programme, { quotas: [{ agency: owner.agency, seats: 1 }], instructor });
    }
    let page!: { nodes: { title: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean }; totalCount: number };
    const four = await app.countSql(async () => {
      page = (await client.ok(CATALOGUE, { first: 3 })).programmeCatalogue;
    });
    expect(page.nodes.map((n) => n.title)).toEqual(['A program', 'B program', 'C program']);
    expect(page.totalCount).toBe(4);
    expect(four.count).toBe(one.count);
    const rest = (await client.ok(CATALOGUE, { first: 3, after: page.pageInfo.endCursor })).programmeCatalogue;
    expect(rest.nodes.map((n: { title: string }) => n.title)).toEqual(['D program']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
