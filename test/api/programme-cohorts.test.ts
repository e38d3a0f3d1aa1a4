import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** Programme cohorts (ARCHITECTURE.md "Programmes"): item runs created or linked, instructors gated, cancel, quotas. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const COHORT_FIELDS = `id code status capacity costPerParticipant selfApply offersSeats startsAt endsAt nominationClosesAt releaseDeadline cancellationReason
  quotas { agencyId seats seatsTaken } itemRuns { id item { id position } run { id code status enrolmentPolicy startsAt endsAt capacity instructors { id } } }`;
const CREATE = `mutation($input: CreateProgrammeCohortInput!) { createProgrammeCohort(input: $input) { ${COHORT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProgrammeCohortInput!) { updateProgrammeCohort(id: $id, input: $input) { ${COHORT_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelProgrammeCohort(id: $id, reason: $reason) { ${COHORT_FIELDS} } }`;
const QUOTA = `mutation($cohortId: ID!, $agencyId: ID!, $seats: Int!) { setCohortQuota(cohortId: $cohortId, agencyId: $agencyId, seats: $seats) { id quotas { agencyId seats seatsTaken } } }`;
const READ = `query($id: ID!) { cohort(id: $id) { ${COHORT_FIELDS} programme { id } } }`;

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let n = 0;
/**
 * Agency A (admin, second admin, learner with an e-mail) owning a published programme whose path is A's course and a
 * workshop of partner P open to all agencies; P's lecturer (no agreement with A yet); agency B (admin) and C.
 */
async function world() {
  n++;
  const a = await app.seed.agencyWithStaff(1);
  const b = await app.seed.agencyWithStaff(0);
  const c = await app.seed.agency();
  const admin2 = await app.seed.person({ agency: a.agency, orgUnit: a.unit, roles: [{ role: Role.AGENCY_ADMIN }] });
  const learner = await app.seed.person({ agency: a.agency, orgUnit: a.unit, email: `peserta.${n}.${process.pid}@contoh.go.id` });
  const partner = await app.seed.partner();
  const lecturer = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR, agency: null, partner }] });
  const course = await app.seed.course({ ownerAgency: a.agency, title: `Kepemimpinan ${n}` });
  const workshop = await app.seed.course({ ownerPartner: partner, kind: CourseKind.WORKSHOP, title: `Lokakarya ${n}`, visibility: CourseVisibility.ALL_AGENCIES });
  const [programme] = await app.sql<{ id: string }>(
    `insert into programme (code, title, owner_agency_id, status) values ($1, 'Pelatihan Kepemimpinan Pengawas', $2, 'PUBLISHED') returning id`,
    [`PKP-${process.pid}-${n}`, a.agency.id],
  );
  const items = await app.sql<{ id: string; course_id: string }>(
    `insert into programme_item (programme_id, course_id, position) values ($1, $2, 0), ($1, $3, 1) returning id, course_id`, [programme.id, course.id, workshop.id],
  );
  return {
    a, b, c, partner, lecturer, learner, course, workshop, programmeId: programme.id, items,
    admin: await app.as(a.admin), admin2: await app.as(admin2), adminB: await app.as(b.admin), learnerClient: await app.as(a.learners[0]),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const cohortInput = (w: World, overrides: Record<string, unknown> = {}) => ({
  programmeId: w.programmeId, code: `2027-i`, startsAt: at(30), endsAt: at(60), capacity: 10, costPerParticipant: 3_500_000,
  nominationClosesAt: at(20), releaseDeadline: at(15), selfApply: true, offersSeats: false, ...overrides,
});

const countRows = async () => {
  const [row] = await app.sql(`select (select count(*) from programme_cohort)::int as cohorts, (select count(*) from course_run)::int as runs,
    (select count(*) from cohort_item_run)::int as item_runs, (select count(*) from course_run_instructor)::int as instructors`);
  return row;
};

describe('creating a cohort', () => {
  it('creates one INVITATION run per item on the cohort’s dates (or the dates given), with an audit row', async () => {
    const w = await world();
    const [start, end] = [at(40), at(41)];
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w, { items: [{ itemId: w.items[1].id, startsAt: start, endsAt: end }] }) })).createProgrammeCohort;
    expect(cohort).toMatchObject({ code: '2027-I', status: 'SCHEDULED', capacity: 10, costPerParticipant: 3_500_000, selfApply: true, offersSeats: false, quotas: [] });
    expect(cohort.itemRuns.map((r: any) => [r.item.id, r.run.code, r.run.status, r.run.enrolmentPolicy, r.run.startsAt, r.run.endsAt, r.run.capacity])).toEqual([
      [w.items[0].id, '2027-I', 'SCHEDULED', 'INVITATION', cohort.startsAt, cohort.endsAt, 10],
      [w.items[1].id, '2027-I', 'SCHEDULED', 'INVITATION', start, end, 10],
    ]);
    const read = (await w.admin.ok(READ, { id: cohort.id })).cohort;
    expect(read.programme.id).toBe(w.programmeId);
    expect(read.itemRuns).toEqual(cohort.itemRuns);
    const audit = await app.sql(`select action from audit_entry where target_id = $1`, [cohort.id]);
    expect(audit.map((r) => r.action)).toEqual(['programme_cohort.create']);
  });

  it('a partner lecturer teaches an agency’s item only under an agreement (AGREEMENT_MISSING writes nothing); the partner’s own workshop is not gated', async () => {
    const w = await world();
    const before = await countRows();
    const input = cohortInput(w, { items: [{ itemId: w.items[0].id, instructorIds: [w.lecturer.id] }] });
    expect(await w.admin.errorCode(CREATE, { input })).toBe('AGREEMENT_MISSING');
    expect(await countRows()).toEqual(before);
    await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency] });
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w, {
      items: [{ itemId: w.items[0].id, instructorIds: [w.lecturer.id] }, { itemId: w.items[1].id, instructorIds: [w.lecturer.id] }],
    }) })).createProgrammeCohort;
    expect(cohort.itemRuns.map((r: any) => r.run.instructors.map((i: any) => i.id))).toEqual([[w.lecturer.id], [w.lecturer.id]]);
  });

  it('links an existing run of the item’s course; a run another cohort holds is RUN_IN_ANOTHER_COHORT, another course’s RUN_NOT_LINKABLE', async () => {
    const w = await world();
    const [run] = await app.sql(`insert into course_run (course_id, code, enrolment_policy, starts_at, ends_at) values ($1, 'LAMA-1', 'INVITATION', $2, $3) returning id`, [w.course.id, at(31), at(32)]);
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w, { items: [{ itemId: w.items[0].id, runId: run.id }] }) })).createProgrammeCohort;
    expect(cohort.itemRuns[0].run).toMatchObject({ id: run.id, code: 'LAMA-1' });
    const before = await countRows();
    expect(await w.admin.errorCode(CREATE, { input: cohortInput(w, { code: '2027-II', items: [{ itemId: w.items[0].id, runId: run.id }] }) })).toBe('RUN_IN_ANOTHER_COHORT');
    expect(await w.admin.errorCode(CREATE, { input: cohortInput(w, { code: '2027-II', items: [{ itemId: w.items[1].id, runId: run.id }] }) })).toBe('RUN_NOT_LINKABLE');
    expect(await countRows()).toEqual(before);
  });

  it.each([
    ['an end before the start', 'INVALID_DATES', { endsAt: at(10) }],
    ['nominations closing after the start', 'NOMINATION_CLOSES_AFTER_START', { nominationClosesAt: at(31) }],
    ['a release deadline after nominations close', 'RELEASE_AFTER_NOMINATION_CLOSE', { releaseDeadline: at(25) }],
    ['a code used in the programme', 'DUPLICATE_CODE', { code: 'ADA' }],
  ])('refuses %s (%s), writing nothing', async (_name, code, overrides) => {
    const w = await world();
    await w.admin.ok(CREATE, { input: cohortInput(w, { code: 'ADA' }) });
    const before = await countRows();
    expect(await w.admin.errorCode(CREATE, { input: cohortInput(w, overrides) })).toBe(code);
    expect(await countRows()).toEqual(before);
  });

  it('an item run outside the cohort’s dates is RUN_OUTSIDE_COHORT', async () => {
    const w = await world();
    const before = await countRows();
    expect(await w.admin.errorCode(CREATE, { input: cohortInput(w, { items: [{ itemId: w.items[0].id, startsAt: at(59), endsAt: at(61) }] }) })).toBe('RUN_OUTSIDE_COHORT');
    expect(await countRows()).toEqual(before);
  });

  it('another agency’s admin: NOT_FOUND (FORBIDDEN once a quota lets them see it); a learner: FORBIDDEN; nothing written', async () => {
    const w = await world();
    const before = await countRows();
    expect(await w.adminB.errorCode(CREATE, { input: cohortInput(w) })).toBe('NOT_FOUND');
    expect(await w.learnerClient.errorCode(CREATE, { input: cohortInput(w) })).toBe('FORBIDDEN');
    expect(await countRows()).toEqual(before);
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w) })).createProgrammeCohort;
    expect(await w.adminB.errorCode(READ, { id: cohort.id })).toBe('NOT_FOUND');
    await w.admin.ok(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: 2 });
    // B participates now: it sees the cohort, but only A's admins change it.
    expect((await w.adminB.ok(READ, { id: cohort.id })).cohort.id).toBe(cohort.id);
    expect(await w.adminB.errorCode(UPDATE, { id: cohort.id, input: { capacity: 99 } })).toBe('FORBIDDEN');
    expect(await w.adminB.errorCode(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: 9 })).toBe('FORBIDDEN');
  });
});

describe('changing a cohort', () => {
  it('changes fields and an item run’s instructors; capacity below the quotas is CAPACITY_BELOW_QUOTAS', async () => {
    const w = await world();
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w) })).createProgrammeCohort;
    const changed = (await w.admin.ok(UPDATE, { id: cohort.id, input: { costPerParticipant: 4_000_000, offersSeats: true, items: [{ itemId: w.items[1].id, instructorIds: [w.lecturer.id] }] } })).updateProgrammeCohort;
    expect(changed).toMatchObject({ costPerParticipant: 4_000_000, offersSeats: true, capacity: 10 });
    expect(changed.itemRuns[1].run.instructors).toEqual([{ id: w.lecturer.id }]);
    // The item runs seat the cohort's participants: their capacity follows the cohort's.
    const raised = (await w.admin.ok(UPDATE, { id: cohort.id, input: { capacity: 12 } })).updateProgrammeCohort;
    expect(raised.itemRuns.map((r: any) => r.run.capacity)).toEqual([12, 12]);
    await w.admin.ok(UPDATE, { id: cohort.id, input: { capacity: 10 } });
    await w.admin.ok(QUOTA, { cohortId: cohort.id, agencyId: w.a.agency.id, seats: 6 });
    expect(await w.admin.errorCode(UPDATE, { id: cohort.id, input: { capacity: 5 } })).toBe('CAPACITY_BELOW_QUOTAS');
    // Moving the cohort away from its item runs' dates leaves them outside it.
    expect(await w.admin.errorCode(UPDATE, { id: cohort.id, input: { startsAt: at(45), nominationClosesAt: at(40), releaseDeadline: at(39) } })).toBe('RUN_OUTSIDE_COHORT');
    const [row] = await app.sql(`select capacity, starts_at from programme_cohort where id = $1`, [cohort.id]);
    expect([row.capacity, row.starts_at.toISOString()]).toEqual([10, cohort.startsAt]);
  });
});

describe('cancelling a cohort', () => {
  it('cancels its item runs (everyone withdrawn and mailed with the reason), withdraws its participants and frees their seats', async () => {
    const w = await world();
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w) })).createProgrammeCohort;
    await w.admin.ok(QUOTA, { cohortId: cohort.id, agencyId: w.a.agency.id, seats: 3 });
    // A nominee as the nominate area writes one: NOMINATED, a seat taken, ACTIVE in each item run.
    await app.sql(`insert into cohort_participant (cohort_id, person_id, agency_id, status) values ($1, $2, $3, 'NOMINATED')`, [cohort.id, w.learner.id, w.a.agency.id]);
    await app.sql(`update cohort_agency_quota set seats_taken = 1 where cohort_id = $1`, [cohort.id]);
    for (const ir of cohort.itemRuns) {
      await app.sql(`insert into enrolment (person_id, course_id, run_id, status, decided_at) select $1, course_id, id, 'ACTIVE', now() from course_run where id = $2`, [w.learner.id, ir.run.id]);
      await app.sql(`update course_run set seats_taken = 1 where id = $1`, [ir.run.id]);
    }
    expect(await w.adminB.errorCode(CANCEL, { id: cohort.id, reason: 'Anggaran' })).toBe('NOT_FOUND');
    expect(await w.admin.errorCode(CANCEL, { id: cohort.id, reason: '   ' })).toBe('BAD_USER_INPUT');
    const cancelled = (await w.admin.ok(CANCEL, { id: cohort.id, reason: 'Anggaran dialihkan' })).cancelProgrammeCohort;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Anggaran dialihkan', quotas: [{ agencyId: w.a.agency.id, seats: 3, seatsTaken: 0 }] });
    expect(cancelled.itemRuns.map((r: any) => r.run.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const enrolments = await app.sql(`select status, decision_note from enrolment where person_id = $1`, [w.learner.id]);
    expect(enrolments).toEqual([{ status: 'WITHDRAWN', decision_note: 'RUN_CANCELLED' }, { status: 'WITHDRAWN', decision_note: 'RUN_CANCELLED' }]);
    const [participant] = await app.sql(`select status, left_at from cohort_participant where cohort_id = $1`, [cohort.id]);
    expect(participant.status).toBe('WITHDRAWN');
    expect(participant.left_at).not.toBeNull();
    const mail = await app.mail.waitFor((m) => m.to.includes(`peserta.${n}.${process.pid}@contoh.go.id`) && m.text.includes('Anggaran dialihkan'));
    expect(mail).toBeTruthy();
    expect(await w.admin.errorCode(CANCEL, { id: cohort.id, reason: 'Lagi' })).toBe('COHORT_CANCELLED');
    expect(await w.admin.errorCode(QUOTA, { cohortId: cohort.id, agencyId: w.a.agency.id, seats: 1 })).toBe('COHORT_CANCELLED');
  });
});

describe('quotas', () => {
  it('adds, changes and removes agencies’ seats within the capacity, never below the seats taken', async () => {
    const w = await world();
    const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w) })).createProgrammeCohort;
    await w.admin.ok(QUOTA, { cohortId: cohort.id, agencyId: w.a.agency.id, seats: 4 });
    const both = (await w.admin.ok(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: 6 })).setCohortQuota;
    expect(both.quotas.map((q: any) => q.seats).sort()).toEqual([4, 6]);
    const before = await app.sql(`select agency_id, seats from cohort_agency_quota where cohort_id = $1 order by agency_id`, [cohort.id]);
    const over = await w.admin.request(QUOTA, { cohortId: cohort.id, agencyId: w.c.id, seats: 1 });
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'QUOTA_OVER_CAPACITY', field: 'seats' });
    await app.sql(`update cohort_agency_quota set seats_taken = 2 where cohort_id = $1 and agency_id = $2`, [cohort.id, w.b.agency.id]);
    expect(await w.admin.errorCode(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: 1 })).toBe('QUOTA_BELOW_TAKEN');
    expect(await w.admin.errorCode(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: 0 })).toBe('QUOTA_BELOW_TAKEN');
    expect(await w.admin.errorCode(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: -1 })).toBe('BAD_USER_INPUT');
    expect(await app.sql(`select agency_id, seats from cohort_agency_quota where cohort_id = $1 order by agency_id`, [cohort.id])).toEqual(before);
    const removed = (await w.admin.ok(QUOTA, { cohortId: cohort.id, agencyId: w.a.agency.id, seats: 0 })).setCohortQuota;
    expect(removed.quotas).toEqual([{ agencyId: w.b.agency.id, seats: 6, seatsTaken: 2 }]);
    const audit = await app.sql(`select data from audit_entry where target_id = $1 and action = 'programme_cohort.setQuota' order by at`, [cohort.id]);
    expect(audit.map((r) => r.data.seats)).toEqual([4, 6, 0]);
  });

  it('two managers raising quotas at once never exceed the capacity', async () => {
    const w = await world();
    for (let round = 0; round < 6; round++) {
      const cohort = (await w.admin.ok(CREATE, { input: cohortInput(w, { code: `RACE-${round}` }) })).createProgrammeCohort;
      const results = await Promise.all([
        w.admin.request(QUOTA, { cohortId: cohort.id, agencyId: w.b.agency.id, seats: 6 }),
        w.admin2.request(QUOTA, { cohortId: cohort.id, agencyId: w.c.id, seats: 6 }),
      ]);
      const refused = results.filter((r) => r.errors?.length).map((r) => r.errors![0].extensions?.code);
      expect(refused).toEqual(['QUOTA_OVER_CAPACITY']);
      const [{ total }] = await app.sql(`select coalesce(sum(seats), 0)::int as total from cohort_agency_quota where cohort_id = $1`, [cohort.id]);
      expect(total).toBe(6);
    }
  });
});
