import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, DevelopmentForm } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { seedProgramme } from '../kit/library-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const EVIDENCE = `evidence { cohortsRun participants completed agencies completionRate averageRating ratings jpDelivered totalCost
  costPerParticipant costPerJp competencyGaps cohorts { code participants completed completionRate agencies averageRating ratings jpDelivered costPerParticipant }
  explanations { figure sentence } }`;
const PROGRAMME = `query($id: ID!) { programme(id: $id) { id code title status sharedAt shareNote ${EVIDENCE} } }`;
const SHARE = `mutation($id: ID!, $note: String) { shareProgramme(programmeId: $id, note: $note) { id sharedAt shareNote } }`;
const UNSHARE = `mutation($id: ID!) { unshareProgramme(programmeId: $id) { id sharedAt shareNote } }`;
const ADOPT = `mutation($id: ID!, $code: String!, $title: String) { adoptProgramme(programmeId: $id, code: $code, title: $title) {
  id code title status description audience competencyTags completionRule owner { id kind } sharedAt
  adoptedFrom { id title owner { id name } } origin { id title owner { id name } } } }`;
const LINEAGE = `query($id: ID!) { programme(id: $id) { id adoptionCount adoptedFrom { id } origin { id title owner { name } }
  adoptions(first: 10) { nodes { programmeId title agencyId agencyName adoptedAt shared evidence { participants completionRate } } totalCount } } }`;
const JOIN = `mutation($cohortId: ID!, $seats: Int!) { joinCohort(cohortId: $cohortId, seats: $seats) { id agencyId agencyName seats seatsTaken } }`;
const COHORTS = `query($id: ID!) { programme(id: $id) { cohorts { id code offersSeats capacity freeSeats quotas { agencyId seats } } } }`;

async function auditCount(action: string, targetId: string): Promise<number> {
  const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from audit_entry where action = $1 and target_id = $2`, [action, targetId]);
  return row.n;
}

async function world() {
  const a = await app.seed.agencyWithStaff(0);
  const b = await app.seed.agencyWithStaff(0);
  const c = await app.seed.agencyWithStaff(0);
  const course = await app.seed.course({ ownerAgency: a.agency, jp: 10, title: 'Kepemimpinan Dasar' });
  const workshop = await app.seed.course({ ownerAgency: a.agency, jp: 6, kind: CourseKind.WORKSHOP, form: DevelopmentForm.WORKSHOP, title: 'Lokakarya Coaching' });
  return { a, b, c, course, workshop };
}

describe('evidence', () => {
  it('equals a hand computation over the ended, not cancelled cohorts', async () => {
    const { a, b, c, course, workshop } = await world();
    const p = await seedProgramme(app, {
      owner: { agency: a.agency }, items: [course, workshop],
      cohorts: [
        { code: 'ANG-1', cost: 1_000_000, participants: [
          { agency: a.agency, status: 'COMPLETED', rating: 5, completedItems: [0, 1] },
          { agency: a.agency, status: 'COMPLETED', rating: 4, completedItems: [0, 1] },
          { agency: b.agency, status: 'NOMINATED', completedItems: [0] },
          // Withdrawn: neither a participant nor their JP (their line stands in their own ledger).
          { agency: b.agency, status: 'WITHDRAWN', completedItems: [0] },
        ] },
        { code: 'ANG-2', cost: 1_500_000, participants: [
          // The workshop line was taken back: 10 JP stand of 16.
          { agency: c.agency, status: 'COMPLETED', rating: 3, completedItems: [0, 1], reversedItems: [1] },
          { agency: a.agency, status: 'NOMINATED' },
          { agency: c.agency, status: 'REQUESTED' },
        ] },
        { code: 'ANG-BATAL', status: 'CANCELLED', cost: 9_000_000, participants: [{ agency: c.agency, status: 'COMPLETED', rating: 1, completedItems: [0, 1] }] },
        { code: 'ANG-NANTI', when: 'FUTURE', cost: 2_000_000, participants: [{ agency: c.agency, status: 'NOMINATED' }] },
      ],
    });
    const admin = await app.as(a.admin.nip!);
    const { programme } = await admin.ok(PROGRAMME, { id: p.id });
    const e = programme.evidence;
    // By hand: ANG-1 has 3 participants (2 completed, ratings 5 and 4, JP 16 + 16 + 10), ANG-2 has 2 (1 completed,
    // rating 3, JP 10 + 6 − 6); agencies A, B, C; cost 1,000,000 × 3 + 1,500,000 × 2.
    expect(e.cohortsRun).toBe(2);
    expect(e.participants).toBe(5);
    expect(e.completed).toBe(3);
    expect(e.agencies).toBe(3);
    expect(e.completionRate).toBeCloseTo(3 / 5, 10);
    expect(e.averageRating).toBeCloseTo(4, 10);
    expect(e.ratings).toBe(3);
    expect(e.jpDelivered).toBe(52);
    expect(e.totalCost).toBe(6_000_000);
    expect(e.costPerParticipant).toBe(1_200_000);
    expect(e.costPerJp).toBeCloseTo(6_000_000 / 52, 6);
    expect(e.competencyGaps).toBeNull();
    expect(e.cohorts.map((x: { code: string }) => x.code)).toEqual(['ANG-1', 'ANG-2']);
    expect(e.cohorts[0]).toMatchObject({ participants: 3, completed: 2, agencies: 2, averageRating: 4.5, ratings: 2, jpDelivered: 42, costPerParticipant: 1_000_000 });
    expect(e.cohorts[1]).toMatchObject({ participants: 2, completed: 1, agencies: 2, averageRating: 3, ratings: 1, jpDelivered: 10, costPerParticipant: 1_500_000 });
    const figures = e.explanations.map((x: { figure: string }) => x.figure);
    expect(figures).toEqual(['cohortsRun', 'participants', 'agencies', 'completionRate', 'averageRating', 'jpDelivered', 'costPerParticipant', 'costPerJp', 'competencyGaps']);
    expect(e.explanations[0].sentence).toContain('ANG-1, ANG-2');
    expect(e.explanations[3].sentence).toContain('3 dari 5');
    expect(e.explanations[8].sentence).toContain('tersedia setelah data kompetensi hadir');
    // A rating kept by someone whose completion was taken back (NOMINATED again) is not part of the evidence.
    await app.sql(`update cohort_participant cp set rating = 1 from programme_cohort c
      where c.id = cp.cohort_id and c.programme_id = $1 and c.code = 'ANG-2' and cp.status = 'NOMINATED'`, [p.id]);
    const again = (await admin.ok(PROGRAMME, { id: p.id })).programme.evidence;
    expect([again.averageRating, again.ratings, again.cohorts[1].ratings]).toEqual([4, 3, 1]);
  });

  it('is empty, not made up, before any cohort ended', async () => {
    const { a, course } = await world();
    const p = await seedProgramme(app, { owner: { agency: a.agency }, items: [course], cohorts: [{ when: 'FUTURE', cost: 100, participants: [{ agency: a.agency, status: 'NOMINATED' }] }] });
    const { programme } = await (await app.as(a.admin.nip!)).ok(PROGRAMME, { id: p.id });
    expect(programme.evidence).toMatchObject({ cohortsRun: 0, participants: 0, completionRate: null, averageRating: null, jpDelivered: 0, costPerParticipant: null, costPerJp: null, cohorts: [] });
  });
});

describe('sharing', () => {
  it('the owner’s admin shares a published programme with a note and takes it back, each with an audit row', async () => {
    const { a, course } = await world();
    const p = await seedProgramme(app, { owner: { agency: a.agency }, items: [course] });
    const admin = await app.as(a.admin.nip!);
    const shared = (await admin.ok(SHARE, { id: p.id, note: '  Lulusan naik 20%  ' })).shareProgramme;
    expect(shared.sharedAt).not.toBeNull();
    expect(shared.shareNote).toBe('Lulusan naik 20%');
    expect(await auditCount('programme.share', p.id)).toBe(1);
    // Sharing again replaces the note and keeps the date it entered the library.
    const again = (await admin.ok(SHARE, { id: p.id, note: null })).shareProgramme;
    expect(again.sharedAt).toBe(shared.sharedAt);
    expect(again.shareNote).toBeNull();
    const unshared = (await admin.ok(UNSHARE, { id: p.id })).unshareProgramme;
    expect(unshared.sharedAt).toBeNull();
    expect(await auditCount('programme.unshare', p.id)).toBe(1);
    expect(await admin.errorCode(UNSHARE, { id: p.id })).toBe('PROGRAMME_NOT_SHARED');
  });

  it('refuses a draft, another agency’s admin, a learner and a partner admin, writing nothing', async () => {
    const { a, b, course } = await world();
    const draft = await seedProgramme(app, { owner: { agency: a.agency }, items: [course], status: 'DRAFT' });
    const published = await seedProgramme(app, { owner: { agency: a.agency }, items: [course] });
    const admin = await app.as(a.admin.nip!);
    expect(await admin.errorCode(SHARE, { id: draft.id })).toBe('PROGRAMME_NOT_PUBLISHED');
    expect(await (await app.as(b.admin.nip!)).errorCode(SHARE, { id: published.id })).toBe('NOT_FOUND');
    const learner = await app.seed.person({ agency: a.agency });
    expect(await (await app.as(learner.nip!)).errorCode(SHARE, { id: published.id })).toBe('FORBIDDEN');
    const partner = await app.seed.partner();
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    expect(await (await app.as(partnerAdmin.email!)).errorCode(SHARE, { id: published.id })).toBe('NOT_FOUND');
    expect(await admin.errorCode(SHARE, { id: published.id, note: 'x'.repeat(1001) })).toBe('BAD_USER_INPUT');
    const rows = await app.sql(`select id from programme where id = any($1::uuid[]) and shared_at is not null`, [[draft.id, published.id]]);
    expect(rows).toEqual([]);
    expect(await auditCount('programme.share', published.id)).toBe(0);
  });
});

describe('adoption', () => {
  it('copies a shared programme as a draft of the adopter, traceable to the first through a chain A → B → C', async () => {
    const { a, b, c, course, workshop } = await world();
    const p = await seedProgramme(app, {
      owner: { agency: a.agency }, items: [course, workshop], shared: true, tags: ['kepemimpinan'], description: 'Untuk pengawas baru',
      groups: [{ title: 'Pilihan', minCompleted: 1, items: [1] }],
      cohorts: [{ cost: 500, participants: [{ agency: a.agency, status: 'COMPLETED', rating: 5, completedItems: [0, 1] }] }],
    });
    await app.sql(`update programme set completion_rule = 'GROUPS' where id = $1`, [p.id]);
    const bAdmin = await app.as(b.admin.nip!);
    const copy = (await bAdmin.ok(ADOPT, { id: p.id, code: ' pkp-b-01 ' })).adoptProgramme;
    expect(copy).toMatchObject({
      code: 'PKP-B-01', status: 'DRAFT', description: 'Untuk pengawas baru', audience: 'Pejabat pengawas', competencyTags: ['kepemimpinan'],
      completionRule: 'GROUPS', owner: { id: b.agency.id, kind: 'AGENCY' }, sharedAt: null,
      adoptedFrom: { id: p.id, owner: { id: a.agency.id } }, origin: { id: p.id, owner: { id: a.agency.id } },
    });
    expect(await auditCount('programme.adopt', copy.id)).toBe(1);
    // Items and groups copied (new rows; each copied item in the copy's own group), cohorts not.
    const items = await app.sql<{ programme_id: string; course_id: string; position: number; required: boolean; group_programme: string | null }>(
      `select i.programme_id, i.course_id, i.position, i.required, g.programme_id as group_programme
         from programme_item i left join programme_group g on g.id = i.group_id where i.programme_id = $1 order by i.position`, [copy.id]);
    expect(items).toEqual([
      { programme_id: copy.id, course_id: course.id, position: 0, required: true, group_programme: null },
      { programme_id: copy.id, course_id: workshop.id, position: 1, required: false, group_programme: copy.id },
    ]);
    expect(await app.sql(`select id from programme_cohort where programme_id = $1`, [copy.id])).toEqual([]);

    // B publishes and shares its copy; C adopts B's copy: adoptedFrom is B's, origin still A's.
    await app.sql(`update programme set status = 'PUBLISHED' where id = $1`, [copy.id]);
    await bAdmin.ok(SHARE, { id: copy.id });
    const cAdmin = await app.as(c.admin.nip!);
    const copyOfCopy = (await cAdmin.ok(ADOPT, { id: copy.id, code: 'PKP-C-01', title: 'Kepemimpinan Pengawas Kota C' })).adoptProgramme;
    expect(copyOfCopy).toMatchObject({ title: 'Kepemimpinan Pengawas Kota C', adoptedFrom: { id: copy.id }, origin: { id: p.id, owner: { id: a.agency.id } } });

    // The original credits its adopter; its managers see the adopter's evidence where the adopter shares its copy.
    const aAdmin = await app.as(a.admin.nip!);
    const original = (await aAdmin.ok(LINEAGE, { id: p.id })).programme;
    expect(original.adoptionCount).toBe(1);
    expect(original.adoptions.totalCount).toBe(1);
    expect(original.adoptions.nodes[0]).toMatchObject({ programmeId: copy.id, agencyId: b.agency.id, agencyName: b.agency.name, shared: true, evidence: { participants: 0, completionRate: null } });
    // Another agency's admin reads who adopted, not the adopter's evidence.
    expect((await cAdmin.ok(LINEAGE, { id: p.id })).programme.adoptions.nodes[0].evidence).toBeNull();
    // B's copy credits A's; C's copy credits both.
    const middle = (await bAdmin.ok(LINEAGE, { id: copy.id })).programme;
    expect(middle).toMatchObject({ adoptionCount: 1, adoptedFrom: { id: p.id }, origin: { id: p.id, owner: { name: a.agency.name } } });
    expect(middle.adoptions.nodes.map((x: { agencyId: string }) => x.agencyId)).toEqual([c.agency.id]);
    const last = (await cAdmin.ok(LINEAGE, { id: copyOfCopy.id })).programme;
    expect(last).toMatchObject({ adoptionCount: 0, adoptedFrom: { id: copy.id }, origin: { id: p.id } });
    // B unshares its copy: A's managers no longer see its evidence.
    await bAdmin.ok(UNSHARE, { id: copy.id });
    expect((await aAdmin.ok(LINEAGE, { id: p.id })).programme.adoptions.nodes[0]).toMatchObject({ shared: false, evidence: null });
  });

  it('changing the copy leaves the original unchanged', async () => {
    const { a, b, course, workshop } = await world();
    const p = await seedProgramme(app, { owner: { agency: a.agency }, items: [course, workshop], shared: true, groups: [{ title: 'Pilihan', minCompleted: 1, items: [1] }] });
    const before = await app.sql(`select p.title, p.description, p.competency_tags, (select json_agg(json_build_object('course', i.course_id, 'position', i.position, 'required', i.required, 'group', i.group_id) order by i.position) from programme_item i where i.programme_id = p.id) as items,
      (select json_agg(json_build_object('id', g.id, 'title', g.title, 'min', g.min_completed)) from programme_group g where g.programme_id = p.id) as groups from programme p where p.id = $1`, [p.id]);
    const bAdmin = await app.as(b.admin.nip!);
    const copy = (await bAdmin.ok(ADOPT, { id: p.id, code: `UBAH-${Date.now()}` })).adoptProgramme;
    // The adopter changes its copy with the same mutations as any programme of its own: details, then the whole path
    // (the workshop and the group of electives gone, another rule).
    await bAdmin.ok(`mutation($id: ID!, $input: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $input) { id } }`,
      { id: copy.id, input: { title: 'Judul baru', description: 'Baru', competencyTags: ['baru'] } });
    await bAdmin.ok(`mutation($id: ID!, $input: SetProgrammePathInput!) { setProgrammePath(id: $id, input: $input) { id } }`,
      { id: copy.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: course.id, required: true }] } });
    const copied = await app.sql<{ title: string; items: number; groups: number }>(`select title, (select count(*)::int from programme_item where programme_id = $1) as items,
      (select count(*)::int from programme_group where programme_id = $1) as groups from programme where id = $1`, [copy.id]);
    expect(copied).toEqual([{ title: 'Judul baru', items: 1, groups: 0 }]);
    const after = await app.sql(`select p.title, p.description, p.competency_tags, (select json_agg(json_build_object('course', i.course_id, 'position', i.position, 'required', i.required, 'group', i.group_id) order by i.position) from programme_item i where i.programme_id = p.id) as items,
      (select json_agg(json_build_object('id', g.id, 'title', g.title, 'min', g.min_completed)) from programme_group g where g.programme_id = p.id) as groups from programme p where p.id = $1`, [p.id]);
    expect(after).toEqual(before);
    expect((before[0] as { items: unknown[] }).items).toHaveLength(2);
  });

  it('refuses what it must, writing nothing', async () => {
    const { a, b, course } = await world();
    const shared = await seedProgramme(app, { owner: { agency: a.agency }, items: [course], shared: true });
    const unshared = await seedProgramme(app, { owner: { agency: a.agency }, items: [course] });
    const count = async () => (await app.sql<{ n: number }>(`select count(*)::int as n from programme where owner_agency_id = $1`, [b.agency.id]))[0].n;
    const bAdmin = await app.as(b.admin.nip!);
    expect(await bAdmin.errorCode(ADOPT, { id: unshared.id, code: 'X-1' })).toBe('NOT_FOUND');
    expect(await (await app.as(a.admin.nip!)).errorCode(ADOPT, { id: unshared.id, code: 'X-2' })).toBe('PROGRAMME_NOT_SHARED');
    expect(await (await app.as(a.admin.nip!)).errorCode(ADOPT, { id: shared.id, code: 'X-3' })).toBe('PROGRAMME_ALREADY_YOURS');
    expect(await bAdmin.errorCode(ADOPT, { id: shared.id, code: '   ' })).toBe('BAD_USER_INPUT');
    expect(await bAdmin.errorCode(ADOPT, { id: shared.id, code: 'X-4', title: ' ' })).toBe('BAD_USER_INPUT');
    expect(await bAdmin.errorCode(ADOPT, { id: shared.id, code: shared.code })).toBe('DUPLICATE_CODE');
    const learner = await app.seed.person({ agency: b.agency });
    expect(await (await app.as(learner.nip!)).errorCode(ADOPT, { id: shared.id, code: 'X-5' })).toBe('FORBIDDEN');
    expect(await count()).toBe(0);
    expect((await app.sql(`select count(*)::int as n from programme_item where programme_id not in ($1, $2) and course_id = $3`, [shared.id, unshared.id, course.id]))[0]).toEqual({ n: 0 });
  });
});

describe('joining a cohort', () => {
  async function offering() {
    const w = await world();
    const p = await seedProgramme(app, {
      owner: { agency: w.a.agency }, items: [w.course], shared: true,
      cohorts: [
        { code: 'BUKA', when: 'FUTURE', capacity: 10, offersSeats: true, quotas: [{ agency: w.a.agency, seats: 6 }] },
        { code: 'TUTUP', when: 'FUTURE', capacity: 10, offersSeats: false, quotas: [{ agency: w.a.agency, seats: 2 }] },
        { code: 'LALU', when: 'PAST', capacity: 10, offersSeats: true },
      ],
    });
    const [open, closed, past] = p.cohorts.map((c) => c.id);
    return { ...w, p, open, closed, past };
  }
  const quotas = async (cohortId: string) => app.sql<{ agency_id: string; seats: number }>(`select agency_id, seats from cohort_agency_quota where cohort_id = $1 order by seats desc`, [cohortId]);

  it('an agency admin takes free seats of its own; more is refused with what is free', async () => {
    const { b, p, open } = await offering();
    const bAdmin = await app.as(b.admin.nip!);
    const quota = (await bAdmin.ok(JOIN, { cohortId: open, seats: 3 })).joinCohort;
    expect(quota).toMatchObject({ agencyId: b.agency.id, agencyName: b.agency.name, seats: 3, seatsTaken: 0 });
    expect(await auditCount('cohort.join', open)).toBe(1);
    const cohorts = (await bAdmin.ok(COHORTS, { id: p.id })).programme.cohorts;
    expect(cohorts.find((c: { code: string }) => c.code === 'BUKA')).toMatchObject({ offersSeats: true, capacity: 10, freeSeats: 1 });
    const res = await bAdmin.request(JOIN, { cohortId: open, seats: 2 });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'COHORT_SEATS_UNAVAILABLE', params: { free: 1 } });
    // The last seat is added to the agency's own quota.
    expect((await bAdmin.ok(JOIN, { cohortId: open, seats: 1 })).joinCohort.seats).toBe(4);
    expect(await quotas(open)).toHaveLength(2);
  });

  it('refuses closed offers, past cohorts, bad seats, learners and programmes the viewer may not open', async () => {
    const { a, b, closed, past, open } = await offering();
    const bAdmin = await app.as(b.admin.nip!);
    expect(await bAdmin.errorCode(JOIN, { cohortId: closed, seats: 1 })).toBe('COHORT_NOT_OFFERING_SEATS');
    expect(await bAdmin.errorCode(JOIN, { cohortId: past, seats: 1 })).toBe('COHORT_CLOSED');
    expect(await bAdmin.errorCode(JOIN, { cohortId: open, seats: 0 })).toBe('BAD_USER_INPUT');
    const learner = await app.seed.person({ agency: b.agency });
    expect(await (await app.as(learner.nip!)).errorCode(JOIN, { cohortId: open, seats: 1 })).toBe('FORBIDDEN');
    const hidden = await seedProgramme(app, { owner: { agency: a.agency }, items: [(await world()).course], cohorts: [{ when: 'FUTURE', offersSeats: true }] });
    expect(await bAdmin.errorCode(JOIN, { cohortId: hidden.cohorts[0].id, seats: 1 })).toBe('NOT_FOUND');
    expect(await bAdmin.errorCode(JOIN, { cohortId: 'not-a-uuid', seats: 1 })).toBe('NOT_FOUND');
    expect((await quotas(open)).map((q) => q.agency_id)).toEqual([a.agency.id]);
    expect((await quotas(closed)).map((q) => q.agency_id)).toEqual([a.agency.id]);
    expect(await quotas(past)).toEqual([]);
  });

  it('two agencies racing for the last seats never take more than the capacity', async () => {
    const { b, c, open } = await offering();
    const [bAdmin, cAdmin] = [await app.as(b.admin.nip!), await app.as(c.admin.nip!)];
    const results = await Promise.all([bAdmin.request(JOIN, { cohortId: open, seats: 3 }), cAdmin.request(JOIN, { cohortId: open, seats: 3 })]);
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['COHORT_SEATS_UNAVAILABLE', 'OK']);
    const total = (await quotas(open)).reduce((s, q) => s + q.seats, 0);
    expect(total).toBe(9);
  });
});
