import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseStatus, CourseVisibility } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIELDS = `id code title description form formGroup delivery jp competencyTags
  costPerParticipant status visibility publishedAt canManage
  owner { id name kind } visibleToAgencies { id name }`;
const RUN_FIELDS = `id code capacity seatsTaken seatsLeft waitlistLength enrolmentPolicy startsAt endsAt location onlineUrl status canManage
  instructors { id fullName } course { id }`;
const CREATE = `mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCourseInput!) { updateCourse(id: $id, input: $input) { ${FIELDS} } }`;
const CREATE_RUN = `mutation($input: CreateCourseRunInput!) { createCourseRun(input: $input) { ${RUN_FIELDS} } }`;
const UPDATE_RUN = `mutation($id: ID!, $input: UpdateCourseRunInput!) { updateCourseRun(id: $id, input: $input) { ${RUN_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishCourse(id: $id) { id status publishedAt } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCourse(id: $id) { id status } }`;
const MANAGEABLE = `query($agencyId: ID, $partnerId: ID, $status: CourseStatus, $search: String, $first: Int, $after: String) {
  manageableCourses(agencyId: $agencyId, partnerId: $partnerId, status: $status, search: $search, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id code title status canManage owner { id kind } }
  }
}`;
const CATALOGUE_IDS = `query($filter: CatalogueFilter) { catalogue(filter: $filter, first: 100) { nodes { id } } }`;

let codeSeq = 0;
function input(overrides: Record<string, unknown> = {}) {
  codeSeq += 1;
  return {
    code: `PKP-2026-${String(codeSeq).padStart(3, '0')}`,
    title: 'Pelatihan Kepemimpinan Pengawas',
    form: 'LEADERSHIP_TRAINING',
    delivery: 'BLENDED',
    jp: 40,
    visibility: 'OWN_AGENCY',
    ...overrides,
  };
}

async function countCourses(code: string): Promise<number> {
  return (await app.sql(`select count(*)::int as n from course where upper(code) = upper($1)`, [code]))[0].n;
}
async function auditCount(): Promise<number> {
  return (await app.sql(`select count(*)::int as n from audit_entry where target_type = 'Course'`))[0].n;
}

describe('createCourse', () => {
  it('lets an agency admin create a draft for their agency, with an audit entry', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(1);
    const partner = await app.seed.partner({ name: 'Universitas Diponegoro' });
    const lecturer = await app.seed.person({ partner, fullName: 'Prof. Hendra Gunawan', roles: [{ role: Role.INSTRUCTOR }] });
    // Partner staff teach an agency's run under a cooperation agreement (test/api/agreements.test.ts).
    await app.seed.agreement({ partner, agencies: [agency] });
    const other = await app.seed.agency({ name: 'Pemerintah Kota Palembang' });
    const client = await app.as(admin);
    const before = await auditCount();

    const created = (await client.ok(CREATE, {
      input: input({
        code: ' pkp-bdg-01 ', title: '  Pelatihan   Kepemimpinan Pengawas  ', description: 'Angkatan I tahun 2026.',
        competencyTags: [' Kepemimpinan ', 'kepemimpinan', 'Integritas', ''],
        costPerParticipant: 2_750_000, visibility: 'LISTED_AGENCIES', visibleToAgencyIds: [other.id],
      }),
    })).createCourse;
    expect(created).toMatchObject({
      code: 'PKP-BDG-01', title: 'Pelatihan Kepemimpinan Pengawas', description: 'Angkatan I tahun 2026.', form: 'LEADERSHIP_TRAINING',
      formGroup: 'CLASSROOM', delivery: 'BLENDED', jp: 40, competencyTags: ['Kepemimpinan', 'Integritas'], costPerParticipant: 2_750_000, status: 'DRAFT',
      visibility: 'LISTED_AGENCIES', publishedAt: null, canManage: true, owner: { id: agency.id, name: agency.name, kind: 'AGENCY' },
      visibleToAgencies: [{ id: other.id, name: 'Pemerintah Kota Palembang' }],
    });
    // When, where, seats and who teaches: its first run.
    const run = (await client.ok(CREATE_RUN, {
      input: {
        courseId: created.id, code: ' 2026-i ', enrolmentPolicy: 'SUPERVISOR_APPROVAL', instructorIds: [lecturer.id, lecturer.id], capacity: 30,
        startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-05T09:00:00.000Z', location: ' Bandung ', onlineUrl: 'https://zoom.us/j/123',
      },
    })).createCourseRun;
    expect(run).toMatchObject({
      code: '2026-I', capacity: 30, seatsTaken: 0, seatsLeft: 30, waitlistLength: 0, enrolmentPolicy: 'SUPERVISOR_APPROVAL', status: 'SCHEDULED',
      startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-05T09:00:00.000Z', location: 'Bandung', onlineUrl: 'https://zoom.us/j/123', canManage: true,
      instructors: [{ id: lecturer.id, fullName: 'Prof. Hendra Gunawan' }], course: { id: created.id },
    });
    const [runAudit] = await app.sql(`select action, actor_id from audit_entry where target_id = $1`, [run.id]);
    expect(runAudit).toMatchObject({ action: 'course_run.create', actor_id: admin.id });
    const [audit] = await app.sql(`select action, actor_id, data from audit_entry where target_id = $1`, [created.id]);
    expect(audit).toMatchObject({ action: 'course.create', actor_id: admin.id });
    expect(await auditCount()).toBe(before + 1);
    const [row] = await app.sql(`select created_by_id from course where id = $1`, [created.id]);
    expect(row.created_by_id).toBe(admin.id);

    // A draft is not in the catalogue; publishing puts it there.
    const learner = await app.as(learners[0]);
    expect((await learner.ok(CATALOGUE_IDS, { filter: { ownerAgencyId: agency.id } })).catalogue.nodes).toEqual([]);
    const published = (await client.ok(PUBLISH, { id: created.id })).publishCourse;
    expect(published.status).toBe('PUBLISHED');
    expect(published.publishedAt).toEqual(expect.any(String));
    expect((await learner.ok(CATALOGUE_IDS, { filter: { ownerAgencyId: agency.id } })).catalogue.nodes).toEqual([{ id: created.id }]);
  });

  it('lets a partner admin create for their partner and a platform admin for any owner', async () => {
    const partner = await app.seed.partner({ name: 'Universitas Sriwijaya' });
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    const byPartner = (await (await app.as(partnerAdmin)).ok(CREATE, { input: input({ visibility: 'ALL_AGENCIES' }) })).createCourse;
    expect(byPartner.owner).toEqual({ id: partner.id, name: 'Universitas Sriwijaya', kind: 'PARTNER' });

    const platform = await app.seed.person({ agency: await app.seed.agency(), roles: [{ role: Role.PLATFORM_ADMIN }] });
    const client = await app.as(platform);
    const agency = await app.seed.agency({ name: 'Kementerian Uji' });
    expect((await client.ok(CREATE, { input: input({ ownerAgencyId: agency.id }) })).createCourse.owner).toMatchObject({ id: agency.id, kind: 'AGENCY' });
    expect((await client.ok(CREATE, { input: input({ ownerPartnerId: partner.id }) })).createCourse.owner).toMatchObject({ id: partner.id, kind: 'PARTNER' });
    // A platform admin administers no single owner: they must choose exactly one.
    expect(await client.errorCode(CREATE, { input: input() })).toBe('INVALID_OWNER');
    expect(await client.errorCode(CREATE, { input: input({ ownerAgencyId: agency.id, ownerPartnerId: partner.id }) })).toBe('INVALID_OWNER');
    expect(await client.errorCode(CREATE, { input: input({ ownerAgencyId: '00000000-0000-4000-8000-000000000000' }) })).toBe('NOT_FOUND');
  });

  it('refuses learners, instructors, anonymous callers and other owners', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(1);
    const other = await app.seed.agencyWithStaff(0);
    const partner = await app.seed.partner();
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    const attempt = input();
    expect(await (await app.as(learners[0])).errorCode(CREATE, { input: attempt })).toBe('FORBIDDEN');
    expect(await (await app.as(instructor)).errorCode(CREATE, { input: attempt })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(CREATE, { input: attempt })).toBe('UNAUTHENTICATED');
    expect(await (await app.as(other.admin)).errorCode(CREATE, { input: { ...attempt, ownerAgencyId: agency.id } })).toBe('FORBIDDEN');
    expect(await (await app.as(admin)).errorCode(CREATE, { input: { ...attempt, ownerPartnerId: partner.id } })).toBe('FORBIDDEN');
    expect(await (await app.as(partnerAdmin)).errorCode(CREATE, { input: { ...attempt, ownerAgencyId: agency.id } })).toBe('FORBIDDEN');
    expect(await countCourses(attempt.code)).toBe(0);
  });

  it('rejects bad input with a stable code and writes nothing', async () => {
    const { admin, agency } = await app.seed.agencyWithStaff(0);
    const client = await app.as(admin);
    const noRole = await app.seed.person({ agency });
    const inactive = await app.seed.person({ agency, active: false, roles: [{ role: Role.INSTRUCTOR }] });
    const existing = await app.seed.course({ code: 'KRS-ADA-01', ownerAgency: agency });
    const before = await auditCount();

    const cases: [Record<string, unknown>, string, string?][] = [
      [{ title: '' }, 'BAD_USER_INPUT', 'title'],
      [{ title: '    ' }, 'BAD_USER_INPUT', 'title'],
      [{ title: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'title'],
      [{ code: '' }, 'BAD_USER_INPUT', 'code'],
      [{ code: 'KODE DENGAN SPASI' }, 'BAD_USER_INPUT', 'code'],
      [{ jp: 0 }, 'BAD_USER_INPUT', 'jp'],
      [{ jp: 1001 }, 'BAD_USER_INPUT', 'jp'],
      [{ costPerParticipant: -1 }, 'BAD_USER_INPUT', 'costPerParticipant'],
      [{ competencyTags: Array.from({ length: 21 }, (_, i) => `Tag ${i}`) }, 'BAD_USER_INPUT', 'competencyTags'],
      [{ competencyTags: ['x'.repeat(61)] }, 'BAD_USER_INPUT', 'competencyTags'],
      [{ code: 'krs-ada-01' }, 'DUPLICATE_CODE'],
      [{ visibility: 'LISTED_AGENCIES' }, 'BAD_USER_INPUT'],
      [{ visibility: 'LISTED_AGENCIES', visibleToAgencyIds: ['00000000-0000-4000-8000-000000000000'] }, 'NOT_FOUND'],
      [{ visibility: 'ALL_AGENCIES', visibleToAgencyIds: [agency.id] }, 'BAD_USER_INPUT'],
      [{ visibleToAgencyIds: ['bukan-id'] }, 'BAD_USER_INPUT', 'visibleToAgencyIds'],
    ];
    for (const [overrides, code, field] of cases) {
      const attempt = input(overrides);
      const res = await client.request(CREATE, { input: attempt });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(overrides)).toBe(code);
      if (field) {
        const fields = [res.errors?.[0].extensions?.field, ...(res.errors?.[0].extensions?.fields ?? []).map((f) => f.field)];
        expect(fields, JSON.stringify(overrides)).toContain(field);
      }
      if (attempt.code.trim() && attempt.code !== 'krs-ada-01') expect(await countCourses(attempt.code)).toBe(0);
    }
    expect(await countCourses('KRS-ADA-01')).toBe(1);
    expect((await app.sql(`select count(*)::int as n from course where owner_agency_id = $1`, [agency.id]))[0].n).toBe(1);
    expect(await auditCount()).toBe(before);

    // What moved to runs is checked by createCourseRun, with the same codes.
    const runsBefore = (await app.sql(`select count(*)::int as n from course_run where course_id = $1`, [existing.id]))[0].n;
    const runAudits = async () => (await app.sql(`select count(*)::int as n from audit_entry where target_type = 'CourseRun'`))[0].n;
    const runAuditsBefore = await runAudits();
    const runCases: [Record<string, unknown>, string, string?][] = [
      [{ capacity: -5 }, 'BAD_USER_INPUT', 'capacity'],
      [{ capacity: 0 }, 'BAD_USER_INPUT', 'capacity'],
      [{ code: '' }, 'BAD_USER_INPUT', 'code'],
      [{ code: 'KODE DENGAN SPASI' }, 'BAD_USER_INPUT', 'code'],
      [{ code: '1' }, 'DUPLICATE_CODE'],
      [{ startsAt: '2026-12-05T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }, 'INVALID_DATES'],
      [{ startsAt: '2026-12-05T00:00:00Z', endsAt: '2026-12-05T00:00:00Z' }, 'INVALID_DATES'],
      [{ endsAt: '2026-12-05T00:00:00Z', enrolmentClosesAt: '2026-12-06T00:00:00Z' }, 'INVALID_ENROLMENT_DEADLINE'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'INVALID_ONLINE_URL'],
      // A meeting link carries its passcode: the same https-only rule as a session's and a series' (shared/util/links.ts).
      [{ onlineUrl: 'http://vicon.example.go.id/rapat' }, 'INVALID_ONLINE_URL'],
      [{ instructorIds: [noRole.id] }, 'INVALID_INSTRUCTOR'],
      [{ instructorIds: [inactive.id] }, 'INVALID_INSTRUCTOR'],
      [{ instructorIds: ['00000000-0000-4000-8000-000000000000'] }, 'INVALID_INSTRUCTOR'],
    ];
    for (const [overrides, code, field] of runCases) {
      const res = await client.request(CREATE_RUN, { input: { courseId: existing.id, code: 'II', enrolmentPolicy: 'OPEN', ...overrides } });
      expect(res.errors?.[0].extensions?.code, JSON.stringify(overrides)).toBe(code);
      if (field) {
        const fields = [res.errors?.[0].extensions?.field, ...(res.errors?.[0].extensions?.fields ?? []).map((f) => f.field)];
        expect(fields, JSON.stringify(overrides)).toContain(field);
      }
    }
    expect((await app.sql(`select count(*)::int as n from course_run where course_id = $1`, [existing.id]))[0].n).toBe(runsBefore);
    expect(await auditCount()).toBe(before);
    expect(await runAudits()).toBe(runAuditsBefore);
  });
});

describe('updateCourse', () => {
  it('changes only the fields given, replaces instructors and sharing, and audits the change', async () => {
    const { agency, admin } = await app.seed.agencyWithStaff(0);
    const b = await app.seed.agency({ name: 'Pemerintah Provinsi DKI Jakarta' });
    const c = await app.seed.agency({ name: 'Pemerintah Kota Bandung' });
    const i1 = await app.seed.person({ agency, fullName: 'Ayu Pratiwi', roles: [{ role: Role.INSTRUCTOR }] });
    const i2 = await app.seed.person({ agency, fullName: 'Budi Santoso', roles: [{ role: Role.INSTRUCTOR }] });
    const client = await app.as(admin);
    const created = (await client.ok(CREATE, { input: input({ competencyTags: ['Integritas'] }) })).createCourse;
    const run = (await client.ok(CREATE_RUN, { input: { courseId: created.id, code: 'I', enrolmentPolicy: 'SUPERVISOR_APPROVAL', instructorIds: [i1.id], capacity: 20 } })).createCourseRun;

    const updated = (await client.ok(UPDATE, {
      id: created.id,
      input: { title: 'Pelatihan Kepemimpinan Administrator', jp: 60, visibility: 'LISTED_AGENCIES', visibleToAgencyIds: [c.id, b.id] },
    })).updateCourse;
    expect(updated).toMatchObject({
      code: created.code, title: 'Pelatihan Kepemimpinan Administrator', jp: 60, competencyTags: ['Integritas'], visibility: 'LISTED_AGENCIES',
      visibleToAgencies: [{ id: c.id, name: 'Pemerintah Kota Bandung' }, { id: b.id, name: 'Pemerintah Provinsi DKI Jakarta' }],
    });
    const [audit] = await app.sql(`select data from audit_entry where target_id = $1 and action = 'course.update'`, [created.id]);
    expect(audit.data.changed).toEqual(expect.arrayContaining(['title', 'jp', 'visibility', 'visibleToAgencies']));
    const updatedRun = (await client.ok(UPDATE_RUN, { id: run.id, input: { instructorIds: [i2.id, i1.id], capacity: null } })).updateCourseRun;
    expect(updatedRun).toMatchObject({
      code: 'I', capacity: null, seatsLeft: null, enrolmentPolicy: 'SUPERVISOR_APPROVAL',
      instructors: [{ id: i1.id, fullName: 'Ayu Pratiwi' }, { id: i2.id, fullName: 'Budi Santoso' }],
    });
    const [runAudit] = await app.sql(`select data from audit_entry where target_id = $1 and action = 'course_run.update'`, [run.id]);
    expect(runAudit.data.changed).toEqual(expect.arrayContaining(['capacity', 'instructors']));

    // Leaving LISTED_AGENCIES drops the list; emptying instructors is allowed.
    const again = (await client.ok(UPDATE, { id: created.id, input: { visibility: 'ALL_AGENCIES', competencyTags: [] } })).updateCourse;
    expect(again).toMatchObject({ visibility: 'ALL_AGENCIES', visibleToAgencies: [], competencyTags: [] });
    expect((await app.sql(`select count(*)::int as n from course_visible_agency where course_id = $1`, [created.id]))[0].n).toBe(0);
    expect((await client.ok(UPDATE_RUN, { id: run.id, input: { instructorIds: [] } })).updateCourseRun.instructors).toEqual([]);
  });

  it('never sets capacity below the seats taken, and leaves the course untouched on any error', async () => {
    const { agency, admin } = await app.seed.agencyWithStaff(0);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 10, title: 'Bimbingan Teknis SAKIP' });
    await app.sql(`update course_run set seats_taken = 8 where course_id = $1`, [course.id]);
    const other = await app.seed.course({ code: 'KRS-LAIN-01', ownerAgency: agency });
    const client = await app.as(admin);
    const before = await auditCount();

    const res = await client.request(UPDATE_RUN, { id: course.run.id, input: { location: 'Baru', capacity: 7 } });
    expect(res.errors?.[0].extensions?.code).toBe('CAPACITY_BELOW_TAKEN');
    expect(res.errors?.[0].message).toContain('8');
    for (const [patch, code] of [
      [{ title: '' }, 'BAD_USER_INPUT'],
      [{ title: null }, 'BAD_USER_INPUT'],
      [{ jp: null }, 'BAD_USER_INPUT'],
      [{ title: 'Judul Baru', code: 'krs-lain-01' }, 'DUPLICATE_CODE'],
      [{ title: 'Judul Baru', visibility: 'LISTED_AGENCIES' }, 'BAD_USER_INPUT'],
    ] as const) {
      expect(await client.errorCode(UPDATE, { id: course.id, input: patch }), JSON.stringify(patch)).toBe(code);
    }
    for (const [patch, code] of [
      [{ capacity: -1 }, 'BAD_USER_INPUT'],
      [{ enrolmentPolicy: null }, 'BAD_USER_INPUT'],
      [{ location: 'Baru', endsAt: '2020-01-01T00:00:00Z', startsAt: '2021-01-01T00:00:00Z' }, 'INVALID_DATES'],
      [{ location: 'Baru', instructorIds: [admin.id] }, 'INVALID_INSTRUCTOR'],
    ] as const) {
      expect(await client.errorCode(UPDATE_RUN, { id: course.run.id, input: patch }), JSON.stringify(patch)).toBe(code);
    }
    const [row] = await app.sql(`select c.title, r.capacity, r.location, c.code from course c join course_run r on r.course_id = c.id where c.id = $1`, [course.id]);
    expect(row).toEqual({ title: 'Bimbingan Teknis SAKIP', capacity: 10, location: null, code: course.code });
    expect(await auditCount()).toBe(before);

    // Exactly the seats taken is fine.
    expect((await client.ok(UPDATE_RUN, { id: course.run.id, input: { capacity: 8 } })).updateCourseRun).toMatchObject({ capacity: 8, seatsLeft: 0 });
    expect(other.id).toBeTruthy();
  });

  it('promotes waitlisted enrolments first-in-first-out when capacity rises, in the same transaction', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(4);
    const course = await app.seed.course({ ownerAgency: agency, capacity: 1 });
    // One seat holder, three on the waiting list (oldest first: learners[1], learners[2], learners[3]).
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [learners[0].id, course.id, course.run.id]);
    for (const [i, minutes] of [[3, 10], [1, 30], [2, 20]] as const) {
      await app.sql(
        `insert into enrolment (person_id, course_id, run_id, status, waitlisted_at) values ($1, $2, $3, 'WAITLISTED', now() - make_interval(mins => $4))`,
        [learners[i].id, course.id, course.run.id, minutes],
      );
    }
    await app.sql(`update course_run set seats_taken = 1, waitlist_length = 3 where course_id = $1`, [course.id]);
    const client = await app.as(admin);

    const updated = (await client.ok(UPDATE_RUN, { id: course.run.id, input: { capacity: 3 } })).updateCourseRun;
    expect(updated).toMatchObject({ capacity: 3, seatsTaken: 3, seatsLeft: 0, waitlistLength: 1 });
    const rows = await app.sql(`select person_id, status from enrolment where course_id = $1`, [course.id]);
    const status = Object.fromEntries(rows.map((r) => [r.person_id, r.status]));
    expect(status).toEqual({
      [learners[0].id]: 'ACTIVE', [learners[1].id]: 'ACTIVE', [learners[2].id]: 'ACTIVE', [learners[3].id]: 'WAITLISTED',
    });

    // Unlimited seats take everyone left.
    expect((await client.ok(UPDATE_RUN, { id: course.run.id, input: { capacity: null } })).updateCourseRun).toMatchObject({ seatsTaken: 4, waitlistLength: 0 });
  });

  it('is NOT_FOUND for courses the admin cannot see and FORBIDDEN for ones they can see but not manage', async () => {
    const a = await app.seed.agencyWithStaff(1);
    const b = await app.seed.agencyWithStaff(0);
    const partner = await app.seed.partner();
    const otherPartnerAdmin = await app.seed.person({ partner: await app.seed.partner(), roles: [{ role: Role.PARTNER_ADMIN }] });
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const draft = await app.seed.course({ ownerAgency: a.agency, status: CourseStatus.DRAFT, title: 'Draf A', instructors: [instructor] });
    const shared = await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, title: 'Terbuka A' });
    const partnerCourse = await app.seed.course({ ownerPartner: partner, title: 'Kursus Mitra' });
    const patch = { title: 'Diretas' };

    const otherAdmin = await app.as(b.admin);
    expect(await otherAdmin.errorCode(UPDATE, { id: draft.id, input: patch })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(UPDATE, { id: shared.id, input: patch })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(PUBLISH, { id: draft.id })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(ARCHIVE, { id: shared.id })).toBe('FORBIDDEN');
    expect(await (await app.as(a.admin)).errorCode(UPDATE, { id: partnerCourse.id, input: patch })).toBe('FORBIDDEN');
    expect(await (await app.as(otherPartnerAdmin)).errorCode(ARCHIVE, { id: partnerCourse.id })).toBe('FORBIDDEN');
    // Role checks come first: learners and instructors (even of this course) may not edit.
    expect(await (await app.as(a.learners[0])).errorCode(UPDATE, { id: shared.id, input: patch })).toBe('FORBIDDEN');
    expect(await (await app.as(instructor)).errorCode(UPDATE, { id: draft.id, input: patch })).toBe('FORBIDDEN');
    expect(await (await app.as(instructor)).errorCode(PUBLISH, { id: draft.id })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(UPDATE, { id: shared.id, input: patch })).toBe('UNAUTHENTICATED');
    expect(await app.anonymous().errorCode(ARCHIVE, { id: shared.id })).toBe('UNAUTHENTICATED');
    expect(await (await app.as(a.admin)).errorCode(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: patch })).toBe('NOT_FOUND');
    expect(await (await app.as(a.admin)).errorCode(PUBLISH, { id: 'bukan-id' })).toBe('NOT_FOUND');
    // The same for their runs.
    const runPatch = { location: 'Diretas' };
    expect(await otherAdmin.errorCode(UPDATE_RUN, { id: draft.run.id, input: runPatch })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(UPDATE_RUN, { id: shared.run.id, input: runPatch })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(CREATE_RUN, { input: { courseId: shared.id, code: 'X', enrolmentPolicy: 'OPEN' } })).toBe('FORBIDDEN');
    expect(await (await app.as(instructor)).errorCode(UPDATE_RUN, { id: draft.run.id, input: runPatch })).toBe('FORBIDDEN');
    expect(await (await app.as(a.admin)).errorCode(UPDATE_RUN, { id: partnerCourse.run.id, input: runPatch })).toBe('FORBIDDEN');
    expect((await app.sql(`select count(*)::int as n from course_run where location = 'Diretas' or code = 'X'`))[0].n).toBe(0);

    const titles = await app.sql(`select title, status from course where id = any($1::uuid[]) order by title`, [[draft.id, shared.id, partnerCourse.id]]);
    expect(titles).toEqual([
      { title: 'Draf A', status: 'DRAFT' }, { title: 'Kursus Mitra', status: 'PUBLISHED' }, { title: 'Terbuka A', status: 'PUBLISHED' },
    ]);
  });
});

describe('publishCourse and archiveCourse', () => {
  it('publishes drafts only, archives once, keeps enrolments and leaves archived courses read-only', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(1);
    const client = await app.as(admin);
    const created = (await client.ok(CREATE, { input: input({ visibility: 'ALL_AGENCIES' }) })).createCourse;
    await client.ok(PUBLISH, { id: created.id });
    expect(await client.errorCode(PUBLISH, { id: created.id })).toBe('COURSE_NOT_DRAFT');
    const run = (await client.ok(CREATE_RUN, { input: { courseId: created.id, code: 'I', enrolmentPolicy: 'OPEN' } })).createCourseRun;
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [learners[0].id, created.id, run.id]);

    const before = await auditCount();
    expect((await client.ok(ARCHIVE, { id: created.id })).archiveCourse.status).toBe('ARCHIVED');
    expect(await auditCount()).toBe(before + 1);
    expect((await app.sql(`select status from enrolment where course_id = $1`, [created.id]))[0].status).toBe('ACTIVE');
    expect(await client.errorCode(ARCHIVE, { id: created.id })).toBe('COURSE_ARCHIVED');
    expect(await client.errorCode(PUBLISH, { id: created.id })).toBe('COURSE_NOT_DRAFT');
    expect(await client.errorCode(UPDATE, { id: created.id, input: { title: 'Baru' } })).toBe('COURSE_ARCHIVED');
    expect(await client.errorCode(UPDATE_RUN, { id: run.id, input: { location: 'Baru' } })).toBe('COURSE_ARCHIVED');
    expect(await client.errorCode(CREATE_RUN, { input: { courseId: created.id, code: 'II', enrolmentPolicy: 'OPEN' } })).toBe('COURSE_ARCHIVED');
    expect(await auditCount()).toBe(before + 1);

    // Out of the catalogue, still in the admin's list.
    const learner = await app.as(learners[0]);
    expect((await learner.ok(CATALOGUE_IDS, { filter: { ownerAgencyId: agency.id } })).catalogue.nodes).toEqual([]);
    const list = (await client.ok(MANAGEABLE, { status: 'ARCHIVED' })).manageableCourses.nodes.map((n: { id: string }) => n.id);
    expect(list).toContain(created.id);

    // A draft can be archived without ever being published.
    const draft = (await client.ok(CREATE, { input: input() })).createCourse;
    expect((await client.ok(ARCHIVE, { id: draft.id })).archiveCourse.status).toBe('ARCHIVED');
  });
});

describe('manageableCourses', () => {
  it('lists what each admin manages, drafts included, with filters, search and pagination', async () => {
    const a = await app.seed.agencyWithStaff(1);
    const b = await app.seed.agencyWithStaff(0);
    const partner = await app.seed.partner();
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    const platform = await app.seed.person({ agency: b.agency, roles: [{ role: Role.PLATFORM_ADMIN }] });
    const draftA = await app.seed.course({ ownerAgency: a.agency, status: CourseStatus.DRAFT, title: 'Analisis Jabatan' });
    const publishedA = await app.seed.course({ ownerAgency: a.agency, title: 'Penyusunan Anggaran Daerah' });
    const archivedA = await app.seed.course({ ownerAgency: a.agency, status: CourseStatus.ARCHIVED, title: 'Kearsipan Dinamis' });
    const courseB = await app.seed.course({ ownerAgency: b.agency, title: 'Kursus Instansi B' });
    const partnerCourses = [];
    for (let i = 0; i < 5; i++) partnerCourses.push(await app.seed.course({ ownerPartner: partner, status: CourseStatus.DRAFT, title: `Kursus Mitra ${i}` }));

    const adminA = await app.as(a.admin);
    const ids = async (client: Awaited<ReturnType<TestApp['as']>>, vars: Record<string, unknown> = {}) =>
      (await client.ok(MANAGEABLE, { first: 100, ...vars })).manageableCourses.nodes.map((n: { id: string }) => n.id).sort();

    expect(await ids(adminA)).toEqual([draftA.id, publishedA.id, archivedA.id].sort());
    expect(await ids(adminA, { agencyId: a.agency.id, status: 'DRAFT' })).toEqual([draftA.id]);
    expect(await ids(adminA, { search: 'anggaran' })).toEqual([publishedA.id]);
    expect(await ids(adminA, { search: 'analsis jabtan' })).toEqual([draftA.id]);
    const page = (await adminA.ok(MANAGEABLE, { first: 1 })).manageableCourses;
    expect(page.nodes[0]).toMatchObject({ canManage: true, owner: { id: a.agency.id, kind: 'AGENCY' } });
    expect(page.totalCount).toBe(3);

    const partnerClient = await app.as(partnerAdmin);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: any = (await partnerClient.ok(MANAGEABLE, { first: 2, after })).manageableCourses;
      seen.push(...data.nodes.map((n: { id: string }) => n.id));
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(partnerCourses.map((c) => c.id).sort());

    const platformClient = await app.as(platform);
    expect(await ids(platformClient, { agencyId: a.agency.id })).toEqual([draftA.id, publishedA.id, archivedA.id].sort());
    expect(await ids(platformClient, { partnerId: partner.id })).toHaveLength(5);
    expect((await platformClient.ok(MANAGEABLE, { first: 1 })).manageableCourses.totalCount).toBeGreaterThanOrEqual(9);
    expect(courseB.id).toBeTruthy();

    // Someone else's agency or partner, other roles, bad arguments.
    expect(await adminA.errorCode(MANAGEABLE, { agencyId: b.agency.id })).toBe('FORBIDDEN');
    expect(await adminA.errorCode(MANAGEABLE, { partnerId: partner.id })).toBe('FORBIDDEN');
    expect(await partnerClient.errorCode(MANAGEABLE, { agencyId: a.agency.id })).toBe('FORBIDDEN');
    expect(await (await app.as(a.learners[0])).errorCode(MANAGEABLE, {})).toBe('FORBIDDEN');
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    expect(await (await app.as(instructor)).errorCode(MANAGEABLE, {})).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(MANAGEABLE, {})).toBe('UNAUTHENTICATED');
    expect(await adminA.errorCode(MANAGEABLE, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await adminA.errorCode(MANAGEABLE, { after: 'rusak' })).toBe('INVALID_CURSOR');
    expect(await platformClient.errorCode(MANAGEABLE, { agencyId: 'bukan-id' })).toBe('BAD_USER_INPUT');
  });
});
