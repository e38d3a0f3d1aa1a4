import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { seedCohort } from '../kit/cohort-fixture.js';
import { makeNip } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const NOMINATE = `mutation($cohortId: ID!, $personIds: [ID!]!) { nominateParticipants(cohortId: $cohortId, personIds: $personIds) { id status personId agencyId fullName nip } }`;
const PREVIEW = `mutation($cohortId: ID!, $csv: String!) { previewNominationCsv(cohortId: $cohortId, csv: $csv) { okCount badCount nominated rows { rowNumber nip fullName outcome } } }`;
const BY_CSV = `mutation($cohortId: ID!, $csv: String!) { nominateByCsv(cohortId: $cohortId, csv: $csv) { okCount badCount nominated rows { rowNumber nip fullName outcome } } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String) { withdrawCohortParticipant(id: $id, reason: $reason) { id status note } }`;
const RELEASE = `mutation($cohortId: ID!, $agencyId: ID!, $seats: Int!) { releaseCohortSeats(cohortId: $cohortId, agencyId: $agencyId, seats: $seats) { seats seatsTaken } }`;
const REPLACE = `mutation($participantId: ID!, $personId: ID!) { replaceParticipant(participantId: $participantId, personId: $personId) { id status personId } }`;
const APPLY = `mutation($cohortId: ID!) { applyToCohort(cohortId: $cohortId) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveCohortApplication(id: $id) { id status } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectCohortApplication(id: $id, reason: $reason) { id status note } }`;
const APPLICATIONS = `{ cohortApplications(first: 20) { totalCount nodes { id fullName programmeTitle cohortCode seatsLeft startsAt requestedAt } } }`;
const COHORT = `query($cohortId: ID!, $after: String, $first: Int) { cohortNominations(cohortId: $cohortId) {
  nominationsOpen releaseOpen seesAll viewerQuotas { agencyId seats seatsTaken } programme { title }
  cohort { id startsAt endsAt nominationClosesAt participants(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id personId agencyName fullName status nip createdAt } } } } }`;

async function quota(cohortId: string, agencyId: string) {
  return (await app.sql(`select seats, seats_taken from cohort_agency_quota where cohort_id = $1 and agency_id = $2`, [cohortId, agencyId]))[0];
}
async function participants(cohortId: string) {
  return app.sql(`select person_id, agency_id, status, nominated_by_id, approver_id, replaced_by_id from cohort_participant where cohort_id = $1 order by person_id`, [cohortId]);
}
async function itemEnrolments(runIds: string[]) {
  return app.sql(`select person_id, run_id, status from enrolment where run_id = any($1) order by run_id, person_id`, [runIds]);
}
async function runSeats(runIds: string[]) {
  return (await app.sql(`select seats_taken from course_run where id = any($1) order by array_position($1, id)`, [runIds])).map((r) => r.seats_taken);
}

describe('nominating one by one', () => {
  it('nominates into the quota and registers each nominee in every item run set-based, in a constant number of statements', async () => {
    const a = await app.seed.agencyWithStaff(6);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 6 }] });
    const admin = await app.as(a.admin);

    let first: any;
    const { count } = await app.countSql(async () => {
      first = (await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: [a.learners[0].id, a.learners[1].id] })).nominateParticipants;
    });
    expect(first.map((p: any) => p.status)).toEqual(['NOMINATED', 'NOMINATED']);
    // The agency's admin reads their people's NIP in full.
    expect(first[0].nip).toMatch(/^\d{18}$/);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 6, seats_taken: 2 });
    const rows = await participants(cohort.cohortId);
    expect(rows.every((r) => r.status === 'NOMINATED' && r.nominated_by_id === a.admin.id && r.agency_id === a.agency.id)).toBe(true);
    expect(await itemEnrolments(cohort.runIds)).toHaveLength(4);
    expect((await itemEnrolments(cohort.runIds)).every((e) => e.status === 'ACTIVE')).toBe(true);
    expect(await runSeats(cohort.runIds)).toEqual([2, 2]);
    const [audit] = await app.sql(`select data from audit_entry where action = 'programme.nominate' and target_id = $1`, [cohort.cohortId]);
    expect(audit.data).toMatchObject({ people: 2 });

    // Twice as many people cost the same number of statements.
    const { count: count2 } = await app.countSql(() => admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: a.learners.slice(2, 6).map((l) => l.id) }));
    expect(count2).toBe(count);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 6, seats_taken: 6 });
    expect(await runSeats(cohort.runIds)).toEqual([6, 6]);
  });

  it('someone who completed an item’s course elsewhere keeps that completion; someone in another run of it is refused with nothing written', async () => {
    const a = await app.seed.agencyWithStaff(3);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 5 }] });
    const [done, busy, fresh] = a.learners;
    const other = await app.seed.run(cohort.courses[0]);
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status, finished_at) values ($1, $2, $3, 'COMPLETED', now())`, [done.id, cohort.courses[0].id, other.id]);
    const elsewhere = await app.seed.run(cohort.courses[1]);
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [busy.id, cohort.courses[1].id, elsewhere.id]);
    const admin = await app.as(a.admin);

    const refused = await admin.request(NOMINATE, { cohortId: cohort.cohortId, personIds: [fresh.id, busy.id] });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'ALREADY_IN_ANOTHER_RUN', field: 'personIds' });
    expect(await participants(cohort.cohortId)).toEqual([]);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 5, seats_taken: 0 });
    expect(await itemEnrolments(cohort.runIds)).toEqual([]);

    await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: [done.id, fresh.id] });
    const got = await itemEnrolments(cohort.runIds);
    // `done` has no row in the first item's run (their completion counts); both are in the second.
    expect(got.filter((e) => e.person_id === done.id).map((e) => e.run_id)).toEqual([cohort.runIds[1]]);
    expect(got.filter((e) => e.person_id === fresh.id)).toHaveLength(2);
    expect(await runSeats(cohort.runIds)).toEqual([1, 2]);
  });

  it('refuses, writing nothing: a non-participating agency’s admin, another agency’s people, learners, closed cohorts, a full quota, duplicates, non-learners', async () => {
    const a = await app.seed.agencyWithStaff(4);
    const b = await app.seed.agencyWithStaff(1);
    const c = await app.seed.agencyWithStaff(1);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 2 }, { agency: b.agency, seats: 2 }] });
    const admin = await app.as(a.admin);
    const vars = (personIds: string[]) => ({ cohortId: cohort.cohortId, personIds });

    // An admin of an agency without a quota (the programme is not theirs to see).
    expect(await (await app.as(c.admin)).errorCode(NOMINATE, vars([c.learners[0].id]))).toBe('NOT_FOUND');
    // Someone of another (participating) agency.
    expect(await admin.errorCode(NOMINATE, vars([b.learners[0].id]))).toBe('NOT_FOUND');
    expect(await admin.errorCode(NOMINATE, vars([a.learners[0].id, b.learners[0].id]))).toBe('NOT_FOUND');
    // Learners and supervisors do not nominate.
    expect(await (await app.as(a.learners[0])).errorCode(NOMINATE, vars([a.learners[1].id]))).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(NOMINATE, vars([a.learners[1].id]))).toBe('UNAUTHENTICATED');
    const inactive = await app.seed.person({ agency: a.agency, active: false });
    expect(await admin.errorCode(NOMINATE, vars([inactive.id]))).toBe('NOT_A_LEARNER');
    // Over the quota: three for two seats.
    expect(await admin.errorCode(NOMINATE, vars(a.learners.slice(0, 3).map((l) => l.id)))).toBe('QUOTA_FULL');
    expect(await admin.errorCode(NOMINATE, vars(['bukan-uuid']))).toBe('BAD_USER_INPUT');
    expect(await participants(cohort.cohortId)).toEqual([]);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 2, seats_taken: 0 });

    await admin.ok(NOMINATE, vars([a.learners[0].id]));
    expect(await admin.errorCode(NOMINATE, vars([a.learners[0].id, a.learners[1].id]))).toBe('ALREADY_NOMINATED');
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 2, seats_taken: 1 });

    // Past the nomination deadline, cancelled, or a draft programme: closed.
    for (const closed of [{ nominationClosesInDays: -1 }, { status: 'CANCELLED' as const }, { startsInDays: -1 }]) {
      const shut = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 2 }], ...closed });
      expect(await admin.errorCode(NOMINATE, { cohortId: shut.cohortId, personIds: [a.learners[3].id] })).toBe('COHORT_NOMINATIONS_CLOSED');
      expect(await participants(shut.cohortId)).toEqual([]);
    }
    expect(await itemEnrolments(cohort.runIds)).toHaveLength(2);
    expect(await runSeats(cohort.runIds)).toEqual([1, 1]);
  });
});

describe('nominating by CSV', () => {
  it('previews each row’s outcome without writing; a CSV with one bad row writes nothing and reports the row; all good nominates everyone', async () => {
    const a = await app.seed.agencyWithStaff(5);
    const b = await app.seed.agencyWithStaff(1);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 3 }, { agency: b.agency, seats: 1 }] });
    const admin = await app.as(a.admin);
    const inactive = await app.seed.person({ agency: a.agency, active: false });
    await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: [a.learners[4].id] });
    const [l0, l1, l2, l3, nominated] = a.learners;
    const unknown = makeNip(987_654, { female: true });
    const csv = [
      'NIP;Nama',
      `${l0.nip};Satu`,
      `${l1.nip!.slice(0, 8)} ${l1.nip!.slice(8)};Dua (spasi di tengah)`,
      '12345;Pendek',
      `${l0.nip};Ganda`,
      `${unknown};Tidak dikenal`,
      `${b.learners[0].nip};Instansi lain`,
      `${inactive.nip};Nonaktif`,
      `${nominated.nip};Sudah`,
      '',
      `${l2.nip};Tiga`,
      `${l3.nip};Empat`,
    ].join('\n');
    const preview = (await admin.ok(PREVIEW, { cohortId: cohort.cohortId, csv })).previewNominationCsv;
    expect(preview.rows.map((r: any) => [r.rowNumber, r.outcome])).toEqual([
      [2, 'OK'], [3, 'OK'], [4, 'INVALID_NIP'], [5, 'DUPLICATE_ROW'], [6, 'UNKNOWN_NIP'], [7, 'NOT_IN_AGENCY'],
      [8, 'NOT_A_LEARNER'], [9, 'ALREADY_NOMINATED'], [11, 'OVER_QUOTA'], [12, 'OVER_QUOTA'],
    ]);
    expect(preview.rows[0]).toMatchObject({ nip: l0.nip, fullName: l0.fullName });
    // Another agency's person: no name.
    expect(preview.rows[5]).toMatchObject({ nip: b.learners[0].nip, fullName: null });
    expect(preview).toMatchObject({ okCount: 2, badCount: 8, nominated: false });

    const before = await participants(cohort.cohortId);
    const report = (await admin.ok(BY_CSV, { cohortId: cohort.cohortId, csv })).nominateByCsv;
    expect(report.nominated).toBe(false);
    expect(report.rows).toEqual(preview.rows);
    expect(await participants(cohort.cohortId)).toEqual(before);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 3, seats_taken: 1 });

    // One bad row among good ones: still nothing.
    const oneBad = (await admin.ok(BY_CSV, { cohortId: cohort.cohortId, csv: `${l0.nip}\n${unknown}\n${l1.nip}` })).nominateByCsv;
    expect(oneBad).toMatchObject({ nominated: false, okCount: 2, badCount: 1 });
    expect(oneBad.rows[1]).toMatchObject({ rowNumber: 2, outcome: 'UNKNOWN_NIP' });
    expect(await participants(cohort.cohortId)).toEqual(before);
    expect(await app.sql(`select 1 from audit_entry where action = 'programme.nominate_csv' and target_id = $1`, [cohort.cohortId])).toEqual([]);

    const good = (await admin.ok(BY_CSV, { cohortId: cohort.cohortId, csv: `nip\n${l0.nip}\n${l1.nip}\n` })).nominateByCsv;
    expect(good).toMatchObject({ nominated: true, okCount: 2, badCount: 0 });
    expect((await participants(cohort.cohortId)).filter((p) => p.status === 'NOMINATED')).toHaveLength(3);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 3, seats_taken: 3 });
    expect(await runSeats(cohort.runIds)).toEqual([3, 3]);

    // Another agency's admin cannot use a CSV to reach A's people; an admin without a quota cannot preview at all.
    const bReport = (await (await app.as(b.admin)).ok(PREVIEW, { cohortId: cohort.cohortId, csv: `${l2.nip}` })).previewNominationCsv;
    expect(bReport.rows[0]).toMatchObject({ outcome: 'NOT_IN_AGENCY', fullName: null });
    const c = await app.seed.agencyWithStaff(0);
    expect(await (await app.as(c.admin)).errorCode(PREVIEW, { cohortId: cohort.cohortId, csv: `${l2.nip}` })).toBe('NOT_FOUND');
    expect(await admin.errorCode(PREVIEW, { cohortId: cohort.cohortId, csv: '\n\n' })).toBe('BAD_USER_INPUT');
  });
});

describe('quotas under concurrency', () => {
  it('three admins of three agencies, several requests each at once: no quota exceeded, counters exact, no deadlock', async () => {
    const agencies = await Promise.all([0, 1, 2].map(() => app.seed.agencyWithStaff(8)));
    const cohort = await seedCohort(app, { quotas: agencies.map((a) => ({ agency: a.agency, seats: 5 })) });
    const admins = await Promise.all(agencies.map((a) => app.as(a.admin)));
    // Per agency: five overlapping requests of 2–3 people (12 asks for 8 people, 5 seats), one of them by CSV.
    const calls = agencies.flatMap((a, i) => {
      const ids = a.learners.map((l) => l.id);
      const groups = [[0, 1], [1, 2, 3], [4, 5], [6, 7, 0], [3, 5]];
      return groups.map((g, k) => (k === 4
        ? admins[i].request(BY_CSV, { cohortId: cohort.cohortId, csv: g.map((j) => a.learners[j].nip).join('\n') })
        : admins[i].request(NOMINATE, { cohortId: cohort.cohortId, personIds: g.map((j) => ids[j]) })));
    });
    const results = await Promise.all(calls);
    const codes = results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
    // Only the product's refusals: never INTERNAL_SERVER_ERROR (a deadlock or a broken constraint).
    expect(codes.filter((c) => !['QUOTA_FULL', 'ALREADY_NOMINATED'].includes(c as string))).toEqual([]);
    for (const a of agencies) {
      const q = await quota(cohort.cohortId, a.agency.id);
      const [{ n }] = await app.sql(`select count(*)::int as n from cohort_participant where cohort_id = $1 and agency_id = $2 and status = 'NOMINATED'`, [cohort.cohortId, a.agency.id]);
      expect(q.seats_taken).toBeLessThanOrEqual(5);
      expect(q.seats_taken).toBe(n);
      expect(n).toBeGreaterThan(0);
    }
    const [{ n: total }] = await app.sql(`select count(*)::int as n from cohort_participant where cohort_id = $1`, [cohort.cohortId]);
    expect(await runSeats(cohort.runIds)).toEqual([total, total]);
    const [{ n: enrolled }] = await app.sql(`select count(*)::int as n from enrolment where run_id = any($1) and status = 'ACTIVE'`, [cohort.runIds]);
    expect(enrolled).toBe(total * 2);
  });
});

describe('mixed changes under concurrency', () => {
  it('withdrawals, nominations and a replacement at once keep the quota, the participants and the runs’ counters equal', async () => {
    const a = await app.seed.agencyWithStaff(9);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 4 }] });
    const admin = await app.as(a.admin);
    const first = (await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: a.learners.slice(0, 4).map((l) => l.id) })).nominateParticipants;
    const idOf = (personId: string) => first.find((p: any) => p.personId === personId).id;
    const results = await Promise.all([
      admin.request(WITHDRAW, { id: idOf(a.learners[0].id) }),
      admin.request(WITHDRAW, { id: idOf(a.learners[1].id) }),
      admin.request(REPLACE, { participantId: idOf(a.learners[2].id), personId: a.learners[8].id }),
      ...[4, 5, 6, 7].map((i) => admin.request(NOMINATE, { cohortId: cohort.cohortId, personIds: [a.learners[i].id] })),
    ]);
    const codes = results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
    expect(codes.filter((c) => c !== 'QUOTA_FULL')).toEqual([]);
    const [{ n }] = await app.sql(`select count(*)::int as n from cohort_participant where cohort_id = $1 and status = 'NOMINATED'`, [cohort.cohortId]);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 4, seats_taken: n });
    expect(await runSeats(cohort.runIds)).toEqual([n, n]);
    const [{ active }] = await app.sql(`select count(*)::int as active from enrolment where run_id = any($1) and status = 'ACTIVE'`, [cohort.runIds]);
    expect(active).toBe(2 * n);
  });
});

describe('withdrawing, releasing and replacing', () => {
  it('withdrawing (agency admin, owner’s manager, the learner) withdraws the item enrolments, promotes waiting lists and gives the seat back', async () => {
    const a = await app.seed.agencyWithStaff(3);
    const owner = await app.seed.agencyWithStaff(0);
    const cohort = await seedCohort(app, { owner: owner.agency, quotas: [{ agency: a.agency, seats: 3 }], runCapacity: 3 });
    const admin = await app.as(a.admin);
    const nominated = (await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: a.learners.map((l) => l.id) })).nominateParticipants;
    const id = (personId: string) => nominated.find((p: any) => p.personId === personId).id;
    // Someone waits for the first item run's seat (an admin's bulk enrolment would put them there).
    const waiting = await app.seed.person({ agency: a.agency });
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status, waitlisted_at) values ($1, $2, $3, 'WAITLISTED', now())`, [waiting.id, cohort.courses[0].id, cohort.runIds[0]]);
    await app.sql(`update course_run set waitlist_length = 1 where id = $1`, [cohort.runIds[0]]);

    // Another learner of the agency may not withdraw a colleague: they cannot even see the participant.
    expect(await (await app.as(a.learners[1])).errorCode(WITHDRAW, { id: id(a.learners[0].id) })).toBe('NOT_FOUND');
    const out = (await admin.ok(WITHDRAW, { id: id(a.learners[0].id), reason: 'Tugas dinas' })).withdrawCohortParticipant;
    expect(out).toMatchObject({ status: 'WITHDRAWN', note: 'Tugas dinas' });
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 3, seats_taken: 2 });
    const rows = await itemEnrolments(cohort.runIds);
    expect(rows.filter((r) => r.person_id === a.learners[0].id).map((r) => r.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    expect(rows.find((r) => r.person_id === waiting.id)?.status).toBe('ACTIVE');
    expect(await runSeats(cohort.runIds)).toEqual([3, 2]);

    await (await app.as(a.learners[1])).ok(WITHDRAW, { id: id(a.learners[1].id) });
    const ownerAdmin = await app.seed.person({ agency: owner.agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    await (await app.as(ownerAdmin)).ok(WITHDRAW, { id: id(a.learners[2].id) });
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 3, seats_taken: 0 });
    expect(await runSeats(cohort.runIds)).toEqual([1, 0]);
    expect(await admin.errorCode(WITHDRAW, { id: id(a.learners[2].id) })).toBe('INVALID_TRANSITION');
    const audits = await app.sql(`select count(*)::int as n from audit_entry where action = 'programme.withdraw_participant'`);
    expect(audits[0].n).toBeGreaterThanOrEqual(3);

    // Withdrawn people may be nominated again: their item rows re-open.
    await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: [a.learners[0].id] });
    expect((await itemEnrolments(cohort.runIds)).filter((r) => r.person_id === a.learners[0].id).map((r) => r.status)).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('releases unused seats before the deadline, never below the seats taken', async () => {
    const a = await app.seed.agencyWithStaff(2);
    const b = await app.seed.agencyWithStaff(0);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 5 }, { agency: b.agency, seats: 2 }], releaseDeadlineInDays: 5 });
    const admin = await app.as(a.admin);
    await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: a.learners.map((l) => l.id) });
    expect(await admin.errorCode(RELEASE, { cohortId: cohort.cohortId, agencyId: a.agency.id, seats: 4 })).toBe('QUOTA_BELOW_TAKEN');
    expect(await admin.errorCode(RELEASE, { cohortId: cohort.cohortId, agencyId: b.agency.id, seats: 1 })).toBe('FORBIDDEN');
    expect(await admin.errorCode(RELEASE, { cohortId: cohort.cohortId, agencyId: a.agency.id, seats: 0 })).toBe('BAD_USER_INPUT');
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 5, seats_taken: 2 });
    const released = (await admin.ok(RELEASE, { cohortId: cohort.cohortId, agencyId: a.agency.id, seats: 3 })).releaseCohortSeats;
    expect(released).toEqual({ seats: 2, seatsTaken: 2 });
    const [audit] = await app.sql(`select data from audit_entry where action = 'programme.release_seats'`);
    expect(audit.data).toMatchObject({ released: 3, seats: 2 });

    const late = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 5 }], releaseDeadlineInDays: -1 });
    expect(await admin.errorCode(RELEASE, { cohortId: late.cohortId, agencyId: a.agency.id, seats: 1 })).toBe('RELEASE_DEADLINE_PASSED');
    expect(await quota(late.cohortId, a.agency.id)).toEqual({ seats: 5, seats_taken: 0 });
  });

  it('replaces a nominee: the old one REPLACED with their item enrolments withdrawn, the new one registered, the seat passes over', async () => {
    const a = await app.seed.agencyWithStaff(3);
    const b = await app.seed.agencyWithStaff(1);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 1 }, { agency: b.agency, seats: 1 }] });
    const admin = await app.as(a.admin);
    const [old] = (await admin.ok(NOMINATE, { cohortId: cohort.cohortId, personIds: [a.learners[0].id] })).nominateParticipants;
    expect(await admin.errorCode(REPLACE, { participantId: old.id, personId: b.learners[0].id })).toBe('NOT_FOUND');
    expect(await (await app.as(b.admin)).errorCode(REPLACE, { participantId: old.id, personId: b.learners[0].id })).toBe('NOT_FOUND');
    const fresh = (await admin.ok(REPLACE, { participantId: old.id, personId: a.learners[1].id })).replaceParticipant;
    expect(fresh).toMatchObject({ status: 'NOMINATED', personId: a.learners[1].id });
    const rows = await participants(cohort.cohortId);
    expect(rows.find((r) => r.person_id === a.learners[0].id)).toMatchObject({ status: 'REPLACED', replaced_by_id: fresh.id });
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 1, seats_taken: 1 });
    const enrolments = await itemEnrolments(cohort.runIds);
    expect(enrolments.filter((e) => e.person_id === a.learners[0].id).map((e) => e.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    expect(enrolments.filter((e) => e.person_id === a.learners[1].id).map((e) => e.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(await runSeats(cohort.runIds)).toEqual([1, 1]);
    expect(await admin.errorCode(REPLACE, { participantId: old.id, personId: a.learners[2].id })).toBe('INVALID_TRANSITION');
    // Replacing with someone already in: nothing changes.
    expect(await admin.errorCode(REPLACE, { participantId: fresh.id, personId: a.learners[1].id })).toBe('ALREADY_NOMINATED');
    expect((await participants(cohort.cohortId)).filter((r) => r.status === 'NOMINATED')).toHaveLength(1);
  });
});

describe('self-application', () => {
  it('a learner applies, their supervisor approves within the quota (QUOTA_FULL writes nothing) or rejects', async () => {
    const a = await app.seed.agencyWithStaff(3);
    const b = await app.seed.agencyWithStaff(1);
    const cohort = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 1 }], selfApply: true });
    const [l0, l1, l2] = a.learners;
    const mailOf = (i: number) => `pemohon.${process.pid}.${i}@sleman.go.id`;
    for (const [i, l] of [l0, l1, l2].entries()) await app.sql(`update person set email = $1, locale = $2 where id = $3`, [mailOf(i), i === 0 ? 'en' : 'id', l.id]);
    const applied = (await (await app.as(l0)).ok(APPLY, { cohortId: cohort.cohortId })).applyToCohort;
    expect(applied.status).toBe('REQUESTED');
    const p1 = (await (await app.as(l1)).ok(APPLY, { cohortId: cohort.cohortId })).applyToCohort;
    const p2 = (await (await app.as(l2)).ok(APPLY, { cohortId: cohort.cohortId })).applyToCohort;
    expect((await participants(cohort.cohortId)).every((r) => r.approver_id === a.supervisor.id && r.status === 'REQUESTED')).toBe(true);
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 1, seats_taken: 0 });
    expect(await (await app.as(l0)).errorCode(APPLY, { cohortId: cohort.cohortId })).toBe('ALREADY_NOMINATED');
    // Another agency's learner: the programme is not theirs to see.
    expect(await (await app.as(b.learners[0])).errorCode(APPLY, { cohortId: cohort.cohortId })).toBe('NOT_FOUND');
    const lone = await app.seed.person({ agency: a.agency });
    expect(await (await app.as(lone)).errorCode(APPLY, { cohortId: cohort.cohortId })).toBe('NO_SUPERVISOR');
    const nominatedOnly = await seedCohort(app, { quotas: [{ agency: a.agency, seats: 1 }] });
    expect(await (await app.as(l0)).errorCode(APPLY, { cohortId: nominatedOnly.cohortId })).toBe('COHORT_NOT_SELF_APPLY');

    const supervisor = await app.as(a.supervisor);
    const inbox = (await supervisor.ok(APPLICATIONS)).cohortApplications;
    expect(inbox.totalCount).toBe(3);
    expect(inbox.nodes[0]).toMatchObject({ id: applied.id, seatsLeft: 1 });
    expect(inbox.nodes[0].requestedAt).toMatch(/Z$/);
    // Someone else's supervisor neither sees nor decides it.
    expect((await (await app.as(b.supervisor)).ok(APPLICATIONS)).cohortApplications.totalCount).toBe(0);
    expect(await (await app.as(b.supervisor)).errorCode(APPROVE, { id: applied.id })).toBe('NOT_FOUND');

    expect((await supervisor.ok(APPROVE, { id: applied.id })).approveCohortApplication.status).toBe('NOMINATED');
    expect(await quota(cohort.cohortId, a.agency.id)).toEqual({ seats: 1, seats_taken: 1 });
    expect((await itemEnrolments(cohort.runIds)).map((e) => e.person_id)).toEqual([l0.id, l0.id]);
    // No seat left: QUOTA_FULL, and the application stays as it was.
    expect(await supervisor.errorCode(APPROVE, { id: p1.id })).toBe('QUOTA_FULL');
    expect((await participants(cohort.cohortId)).find((r) => r.person_id === l1.id)?.status).toBe('REQUESTED');
    expect(await itemEnrolments(cohort.runIds)).toHaveLength(2);
    // The agency's admin may decide too.
    const rejected = (await (await app.as(a.admin)).ok(REJECT, { id: p2.id, reason: 'Kuota habis' })).rejectCohortApplication;
    expect(rejected).toMatchObject({ status: 'REJECTED', note: 'Kuota habis' });
    expect(await supervisor.errorCode(REJECT, { id: p2.id, reason: 'lagi' })).toBe('INVALID_TRANSITION');
    // The decisions are mailed in the learner's language (enqueued with the decision; QUOTA_FULL enqueued nothing).
    const approvedMail = await app.mail.waitFor((m) => m.to.includes(mailOf(0)));
    expect(approvedMail.subject).toMatch(/^Your application was approved: /);
    const rejectedMail = await app.mail.waitFor((m) => m.to.includes(mailOf(2)));
    expect(rejectedMail.text).toContain('Alasan: Kuota habis');
    expect(app.mail.messages.filter((m) => m.to.includes(mailOf(1)))).toEqual([]);
    expect(await app.sql(`select action from audit_entry where action like 'programme.%_application' order by at`)).toEqual([
      { action: 'programme.approve_application' }, { action: 'programme.reject_application' },
    ]);
  });
});

describe('participant lists', () => {
  it('agency admins see their agency’s, the owner’s managers and instructors everyone, a learner only themselves; NIP only to those entitled', async () => {
    const a = await app.seed.agencyWithStaff(3);
    const b = await app.seed.agencyWithStaff(2);
    const owner = await app.seed.agencyWithStaff(0);
    const partner = await app.seed.partner();
    const lecturer = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR, agency: null, partner }] });
    const cohort = await seedCohort(app, { owner: owner.agency, quotas: [{ agency: a.agency, seats: 3 }, { agency: b.agency, seats: 2 }] });
    await app.sql(`insert into course_run_instructor (run_id, person_id) values ($1, $2)`, [cohort.runIds[0], lecturer.id]);
    await (await app.as(a.admin)).ok(NOMINATE, { cohortId: cohort.cohortId, personIds: a.learners.map((l) => l.id) });
    await (await app.as(b.admin)).ok(NOMINATE, { cohortId: cohort.cohortId, personIds: b.learners.map((l) => l.id) });
    const read = async (client: Awaited<ReturnType<TestApp['as']>>, first = 20) => (await client.ok(COHORT, { cohortId: cohort.cohortId, first })).cohortNominations;

    const asA = await read(await app.as(a.admin));
    expect(asA.cohort.participants.totalCount).toBe(3);
    expect(asA.seesAll).toBe(false);
    expect(asA.viewerQuotas).toEqual([{ agencyId: a.agency.id, seats: 3, seatsTaken: 3 }]);
    expect(asA.cohort.participants.nodes.every((n: any) => /^\d{18}$/.test(n.nip))).toBe(true);
    // Dates as the DateTime scalar writes them (the ORM's connection hands timestamps over as text).
    expect(asA.cohort.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(asA.cohort.participants.nodes[0].createdAt).toMatch(/Z$/);

    const ownerAdmin = await app.seed.person({ agency: owner.agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    const asOwner = await read(await app.as(ownerAdmin));
    expect(asOwner.seesAll).toBe(true);
    expect(asOwner.cohort.participants.totalCount).toBe(5);
    // The owner's admin is not in these people's circle: NIPs masked.
    expect(asOwner.cohort.participants.nodes.every((n: any) => n.nip.includes('•'))).toBe(true);

    const asLecturer = await read(await app.as(lecturer), 2);
    expect(asLecturer.cohort.participants.totalCount).toBe(5);
    // Paged by agency then name: the roster's groups.
    const page2 = (await (await app.as(lecturer)).ok(COHORT, { cohortId: cohort.cohortId, first: 2, after: asLecturer.cohort.participants.pageInfo.endCursor })).cohortNominations;
    const page3 = (await (await app.as(lecturer)).ok(COHORT, { cohortId: cohort.cohortId, first: 2, after: page2.cohort.participants.pageInfo.endCursor })).cohortNominations;
    const all = [asLecturer, page2, page3].flatMap((p) => p.cohort.participants.nodes);
    expect(all).toHaveLength(5);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(5);
    expect(all.map((n: any) => n.agencyName)).toEqual([...all.map((n: any) => n.agencyName)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));

    const asLearner = await read(await app.as(b.learners[0]));
    expect(asLearner.cohort.participants.nodes.map((n: any) => n.personId)).toEqual([b.learners[0].id]);
    // A learner of a non-participating agency: the cohort does not exist for them.
    const c = await app.seed.agencyWithStaff(1);
    expect(await (await app.as(c.learners[0])).errorCode(COHORT, { cohortId: cohort.cohortId })).toBe('NOT_FOUND');

    // A page costs the same number of statements however many participants it holds.
    const client = await app.as(ownerAdmin);
    const { count: small } = await app.countSql(() => client.ok(COHORT, { cohortId: cohort.cohortId, first: 1 }));
    const { count: large } = await app.countSql(() => client.ok(COHORT, { cohortId: cohort.cohortId, first: 5 }));
    expect(large).toBe(small);
  });
});
