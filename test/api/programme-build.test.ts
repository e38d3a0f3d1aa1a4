import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseStatus, CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** Building programmes (ARCHITECTURE.md "Programmes"): the programme, its path, publish/archive and the managers' list. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const PROGRAMME_FIELDS = `id code title description audience competencyTags completionRule status canManage owner { id kind name }
  items { id position required groupId course { id } } groups { id title minCompleted }`;
const CREATE = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { ${PROGRAMME_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProgrammeInput!) { updateProgramme(id: $id, input: $input) { ${PROGRAMME_FIELDS} } }`;
const SET_PATH = `mutation($id: ID!, $input: SetProgrammePathInput!) { setProgrammePath(id: $id, input: $input) { ${PROGRAMME_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishProgramme(id: $id) { id status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveProgramme(id: $id) { id status } }`;
const LIST = `query($first: Int!, $after: String, $status: ProgrammeStatus, $search: String) {
  managedProgrammes(first: $first, after: $after, status: $status, search: $search) { totalCount nodes { id title status owner { name } } pageInfo { endCursor hasNextPage } } }`;
const CHOICES = `query($id: ID!, $search: String) { programmeCourseChoices(programmeId: $id, search: $search) { id title kind ownerName } }`;

let n = 0;
/**
 * Agency A (admin, a second admin, a learner) with a published course of its own (A only) and a draft; agency B (admin)
 * with a published workshop open to all agencies and a course for B only (which A may not use).
 */
async function world() {
  n++;
  const a = await app.seed.agencyWithStaff(1);
  const b = await app.seed.agencyWithStaff(0);
  const ownCourse = await app.seed.course({ ownerAgency: a.agency, title: `Kepemimpinan Pengawas ${n}`, visibility: CourseVisibility.OWN_AGENCY });
  const ownDraft = await app.seed.course({ ownerAgency: a.agency, title: `Draf Etika ${n}`, status: CourseStatus.DRAFT });
  const sharedWorkshop = await app.seed.course({
    ownerAgency: b.agency, kind: CourseKind.WORKSHOP, title: `Lokakarya Inovasi ${n}`, visibility: CourseVisibility.ALL_AGENCIES, policy: EnrolmentPolicy.OPEN,
  });
  const bOnly = await app.seed.course({ ownerAgency: b.agency, title: `Khusus B ${n}`, visibility: CourseVisibility.OWN_AGENCY });
  const electiveA = await app.seed.course({ ownerAgency: a.agency, title: `Pilihan Satu ${n}` });
  const electiveB = await app.seed.course({ ownerAgency: a.agency, title: `Pilihan Dua ${n}` });
  return {
    tag: String(n), a, b, ownCourse, ownDraft, sharedWorkshop, bOnly, electiveA, electiveB,
    admin: await app.as(a.admin), adminB: await app.as(b.admin), learner: await app.as(a.learners[0]),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const newProgramme = (overrides: Record<string, unknown> = {}) => ({
  code: `pkp-${process.pid}-${++n}`, title: '  Pelatihan   Kepemimpinan Pengawas ', description: 'Untuk pengawas baru', audience: 'Pengawas eselon IV',
  competencyTags: ['Kepemimpinan', 'kepemimpinan', ' Manajemen '], ...overrides,
});

async function created(w: World, overrides: Record<string, unknown> = {}) {
  return (await w.admin.ok(CREATE, { input: newProgramme(overrides) })).createProgramme;
}

/** What a programme's path is in the tables: its items in order, its groups and its rule. */
async function pathRows(programmeId: string) {
  const items = await app.sql(`select course_id, position, required, group_id, updated_at from programme_item where programme_id = $1 order by position`, [programmeId]);
  const groups = await app.sql(`select id, title, min_completed from programme_group where programme_id = $1 order by created_at`, [programmeId]);
  const [p] = await app.sql(`select completion_rule, status, title, updated_at from programme where id = $1`, [programmeId]);
  return { items, groups, p };
}

describe('creating and changing a programme', () => {
  it('an agency admin creates a DRAFT programme owned by their agency, with an audit row; the code is stored upper-case', async () => {
    const w = await world();
    const input = newProgramme();
    const p = (await w.admin.ok(CREATE, { input })).createProgramme;
    expect(p).toMatchObject({
      code: input.code.toUpperCase(), title: 'Pelatihan Kepemimpinan Pengawas', audience: 'Pengawas eselon IV', competencyTags: ['Kepemimpinan', 'Manajemen'],
      completionRule: 'ALL_REQUIRED', status: 'DRAFT', canManage: true, owner: { id: w.a.agency.id, kind: 'AGENCY' }, items: [], groups: [],
    });
    const audit = await app.sql(`select action from audit_entry where target_id = $1`, [p.id]);
    expect(audit.map((r) => r.action)).toEqual(['programme.create']);
  });

  it('a code already used is DUPLICATE_CODE (any case) and writes nothing', async () => {
    const w = await world();
    const first = await created(w);
    const [{ count: before }] = await app.sql(`select count(*)::int as count from programme`);
    const res = await w.admin.request(CREATE, { input: newProgramme({ code: first.code.toLowerCase() }) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'DUPLICATE_CODE', field: 'code' });
    const [{ count: after }] = await app.sql(`select count(*)::int as count from programme`);
    expect(after).toBe(before);
  });

  it('refuses an owner the viewer does not administer (FORBIDDEN) and learners (FORBIDDEN), writing nothing', async () => {
    const w = await world();
    const [{ count: before }] = await app.sql(`select count(*)::int as count from programme`);
    expect(await w.admin.errorCode(CREATE, { input: newProgramme({ ownerAgencyId: w.b.agency.id }) })).toBe('FORBIDDEN');
    expect(await w.learner.errorCode(CREATE, { input: newProgramme() })).toBe('FORBIDDEN');
    const [{ count: after }] = await app.sql(`select count(*)::int as count from programme`);
    expect(after).toBe(before);
  });

  it('a partner admin creates one owned by their partner', async () => {
    const partner = await app.seed.partner();
    const padmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN, agency: null, partner }] });
    const client = await app.as(padmin);
    const p = (await client.ok(CREATE, { input: newProgramme() })).createProgramme;
    expect(p.owner).toEqual({ id: partner.id, kind: 'PARTNER', name: partner.name });
  });

  it('updates the fields given; another agency’s admin gets NOT_FOUND for a draft, and a learner FORBIDDEN', async () => {
    const w = await world();
    const p = await created(w);
    const changed = (await w.admin.ok(UPDATE, { id: p.id, input: { title: 'Literasi Digital ASN', audience: 'Semua ASN' } })).updateProgramme;
    expect(changed).toMatchObject({ title: 'Literasi Digital ASN', audience: 'Semua ASN', description: 'Untuk pengawas baru' });
    expect(await w.adminB.errorCode(UPDATE, { id: p.id, input: { title: 'Diambil alih' } })).toBe('NOT_FOUND');
    expect(await w.learner.errorCode(UPDATE, { id: p.id, input: { title: 'Diambil alih' } })).toBe('FORBIDDEN');
    const [row] = await app.sql(`select title from programme where id = $1`, [p.id]);
    expect(row.title).toBe('Literasi Digital ASN');
  });
});

describe('the path', () => {
  it('sets items in order (the own draft and another agency’s open workshop), then reorders keeping item ids', async () => {
    const w = await world();
    const p = await created(w);
    const path = (await w.admin.ok(SET_PATH, { id: p.id, input: {
      completionRule: 'IN_ORDER', items: [{ courseId: w.ownCourse.id }, { courseId: w.sharedWorkshop.id, required: false }, { courseId: w.ownDraft.id }],
    } })).setProgrammePath;
    expect(path.completionRule).toBe('IN_ORDER');
    expect(path.items.map((i: any) => [i.course.id, i.position, i.required])).toEqual([
      [w.ownCourse.id, 0, true], [w.sharedWorkshop.id, 1, false], [w.ownDraft.id, 2, true],
    ]);
    const reordered = (await w.admin.ok(SET_PATH, { id: p.id, input: {
      completionRule: 'ALL_REQUIRED', items: [{ courseId: w.sharedWorkshop.id }, { courseId: w.ownCourse.id }],
    } })).setProgrammePath;
    expect(reordered.items.map((i: any) => [i.course.id, i.required])).toEqual([[w.sharedWorkshop.id, true], [w.ownCourse.id, true]]);
    // The same rows, moved: a kept item keeps its id (its cohort runs stay with it).
    expect(reordered.items.find((i: any) => i.course.id === w.ownCourse.id).id).toBe(path.items[0].id);
    const audit = await app.sql(`select action from audit_entry where target_id = $1 order by at`, [p.id]);
    expect(audit.map((r) => r.action)).toEqual(['programme.create', 'programme.setPath', 'programme.setPath']);
  });

  it('GROUPS: a group of electives with its minimum; grouped items are optional', async () => {
    const w = await world();
    const p = await created(w);
    const path = (await w.admin.ok(SET_PATH, { id: p.id, input: {
      completionRule: 'GROUPS', groups: [{ key: 'g', title: 'Pilihan', minCompleted: 1 }],
      items: [{ courseId: w.ownCourse.id }, { courseId: w.electiveA.id, groupKey: 'g', required: true }, { courseId: w.electiveB.id, groupKey: 'g' }],
    } })).setProgrammePath;
    expect(path.groups).toEqual([{ id: expect.any(String), title: 'Pilihan', minCompleted: 1 }]);
    expect(path.items.map((i: any) => [i.required, i.groupId])).toEqual([[true, null], [false, path.groups[0].id], [false, path.groups[0].id]]);
  });

  it.each([
    ['GROUPS without a group', 'PATH_GROUPS_MISSING', (w: World) => ({ completionRule: 'GROUPS', items: [{ courseId: w.ownCourse.id }] })],
    ['a group with fewer items than its minimum', 'GROUP_TOO_FEW_ITEMS', (w: World) => ({
      completionRule: 'GROUPS', groups: [{ key: 'g', title: 'Pilihan', minCompleted: 3 }],
      items: [{ courseId: w.ownCourse.id }, { courseId: w.electiveA.id, groupKey: 'g' }, { courseId: w.electiveB.id, groupKey: 'g' }],
    })],
    ['groups under another rule', 'PATH_GROUPS_NEED_RULE', (w: World) => ({
      completionRule: 'ALL_REQUIRED', groups: [{ key: 'g', title: 'Pilihan', minCompleted: 1 }], items: [{ courseId: w.electiveA.id, groupKey: 'g' }],
    })],
    ['nothing required', 'PATH_NOTHING_REQUIRED', (w: World) => ({ completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id, required: false }] })],
    ['an empty path', 'PATH_NOTHING_REQUIRED', () => ({ completionRule: 'ALL_REQUIRED', items: [] })],
    ['a course twice', 'PATH_DUPLICATE_ITEM', (w: World) => ({ completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }, { courseId: w.ownCourse.id }] })],
    ['another agency’s course for its own people', 'COURSE_NOT_USABLE', (w: World) => ({
      completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }, { courseId: w.bOnly.id }],
    })],
  ])('refuses %s (%s), leaving the path as it was', async (_name, code, input) => {
    const w = await world();
    const p = await created(w);
    await w.admin.ok(SET_PATH, { id: p.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownDraft.id }] } });
    const before = await pathRows(p.id);
    expect(await w.admin.errorCode(SET_PATH, { id: p.id, input: input(w) })).toBe(code);
    expect(await pathRows(p.id)).toEqual(before);
  });

  it('another agency’s admin: NOT_FOUND; a learner: FORBIDDEN; nothing written', async () => {
    const w = await world();
    const p = await created(w);
    const before = await pathRows(p.id);
    const input = { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.sharedWorkshop.id }] };
    expect(await w.adminB.errorCode(SET_PATH, { id: p.id, input })).toBe('NOT_FOUND');
    expect(await w.learner.errorCode(SET_PATH, { id: p.id, input })).toBe('FORBIDDEN');
    expect(await pathRows(p.id)).toEqual(before);
  });

  it('an item with cohort runs cannot be removed (ITEM_HAS_COHORT_RUNS); others can', async () => {
    const w = await world();
    const p = await created(w);
    const path = (await w.admin.ok(SET_PATH, { id: p.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }, { courseId: w.electiveA.id }] } })).setProgrammePath;
    const [cohort] = await app.sql(`insert into programme_cohort (programme_id, code, starts_at, ends_at, capacity) values ($1, 'K1', now() + interval '30 days', now() + interval '40 days', 5) returning id`, [p.id]);
    const [run] = await app.sql(`insert into course_run (course_id, code, enrolment_policy) values ($1, 'K1', 'INVITATION') returning id`, [w.ownCourse.id]);
    await app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [cohort.id, path.items[0].id, run.id]);
    const before = await pathRows(p.id);
    expect(await w.admin.errorCode(SET_PATH, { id: p.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.electiveA.id }] } })).toBe('ITEM_HAS_COHORT_RUNS');
    expect(await pathRows(p.id)).toEqual(before);
    const kept = (await w.admin.ok(SET_PATH, { id: p.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }] } })).setProgrammePath;
    expect(kept.items.map((i: any) => i.id)).toEqual([path.items[0].id]);
  });

  it('offers the courses the owner may use: its own (drafts too) and others’ published for it, not B’s own', async () => {
    const w = await world();
    const p = await created(w);
    const titles = (await w.admin.ok(CHOICES, { id: p.id, search: w.tag })).programmeCourseChoices.map((c: any) => c.title);
    for (const course of [w.ownCourse, w.ownDraft, w.sharedWorkshop]) expect(titles).toContain(course.title);
    expect(titles).not.toContain(w.bOnly.title);
    expect(await w.adminB.errorCode(CHOICES, { id: p.id })).toBe('NOT_FOUND');
  });
});

describe('publish and archive', () => {
  it('publishing needs a path (PATH_EMPTY); then PUBLISHED, ARCHIVED, and an archived one takes no change', async () => {
    const w = await world();
    const p = await created(w);
    expect(await w.admin.errorCode(PUBLISH, { id: p.id })).toBe('PATH_EMPTY');
    expect((await app.sql(`select status from programme where id = $1`, [p.id]))[0].status).toBe('DRAFT');
    await w.admin.ok(SET_PATH, { id: p.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }] } });
    expect((await w.admin.ok(PUBLISH, { id: p.id })).publishProgramme.status).toBe('PUBLISHED');
    // Published: A's learners may open it (their agency owns it) but not change it.
    expect(await w.learner.errorCode(ARCHIVE, { id: p.id })).toBe('FORBIDDEN');
    expect((await w.admin.ok(ARCHIVE, { id: p.id })).archiveProgramme.status).toBe('ARCHIVED');
    expect(await w.admin.errorCode(UPDATE, { id: p.id, input: { title: 'Lagi' } })).toBe('PROGRAMME_ARCHIVED');
    expect(await w.admin.errorCode(PUBLISH, { id: p.id })).toBe('PROGRAMME_ARCHIVED');
    const audit = await app.sql(`select action from audit_entry where target_id = $1 order by at`, [p.id]);
    expect(audit.map((r) => r.action)).toEqual(['programme.create', 'programme.setPath', 'programme.publish', 'programme.archive']);
  });
});

describe('the managers’ list', () => {
  it('lists the viewer’s own programmes newest first, by status and title words, page by page', async () => {
    const w = await world();
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await created(w, { title: i % 2 ? `Literasi Digital ${i}` : `Kepemimpinan ${i}` }));
    await (await app.as(w.b.admin)).ok(CREATE, { input: newProgramme({ title: 'Program B' }) });
    await w.admin.ok(SET_PATH, { id: mine[0].id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }] } });
    await w.admin.ok(PUBLISH, { id: mine[0].id });
    const first = (await w.admin.ok(LIST, { first: 3 })).managedProgrammes;
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await w.admin.ok(LIST, { first: 3, after: first.pageInfo.endCursor })).managedProgrammes;
    expect([...first.nodes, ...second.nodes].map((p: any) => p.id)).toEqual([...mine].reverse().map((p) => p.id));
    expect(second.pageInfo.hasNextPage).toBe(false);
    const published = (await w.admin.ok(LIST, { first: 10, status: 'PUBLISHED' })).managedProgrammes;
    expect(published.nodes.map((p: any) => p.id)).toEqual([mine[0].id]);
    const found = (await w.admin.ok(LIST, { first: 10, search: 'literasi' })).managedProgrammes;
    expect(found.nodes.map((p: any) => p.id)).toEqual([mine[3].id, mine[1].id]);
    expect(await w.learner.errorCode(LIST, { first: 3 })).toBe('FORBIDDEN');
    expect(await w.admin.errorCode(LIST, { first: 3, after: 'bukan-kursor' })).toBe('INVALID_CURSOR');
  });

  it('costs the same statements for a page of 2 as for a page of 6, with items, groups, cohorts and quotas', async () => {
    const w = await world();
    for (let i = 0; i < 6; i++) {
      const p = await created(w);
      await w.admin.ok(SET_PATH, { id: p.id, input: { completionRule: 'ALL_REQUIRED', items: [{ courseId: w.ownCourse.id }, { courseId: w.electiveA.id }] } });
    }
    const doc = `query($first: Int!) { managedProgrammes(first: $first) { totalCount nodes { id owner { name } items { id course { title } } groups { id } cohorts { id quotas { seats } itemRuns { id run { code } } } } } }`;
    const small = await app.countSql(() => w.admin.ok(doc, { first: 2 }));
    const large = await app.countSql(() => w.admin.ok(doc, { first: 6 }));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(8);
  });
});
