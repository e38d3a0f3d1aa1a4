import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm } from '../../server/src/modules/course/course.enums.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const COURSE_FIELDS = `id code title description form formGroup delivery jp competencyTags costPerParticipant status visibility publishedAt canManage
  owner { id name kind } visibleToAgencies { id name }
  nextRun { id code capacity seatsTaken seatsLeft waitlistLength enrolmentPolicy startsAt endsAt location instructors { id fullName partnerName } }`;
const CATALOGUE = `query($filter: CatalogueFilter, $first: Int, $after: String) {
  catalogue(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { ${COURSE_FIELDS} }
  }
}`;
const COURSE = `query($id: ID!) { course(id: $id) { ${COURSE_FIELDS} } }`;

type Client = Awaited<ReturnType<TestApp['as']>>;

async function titles(client: Client, filter: Record<string, unknown>, first = 100): Promise<string[]> {
  const data = await client.ok(CATALOGUE, { filter, first });
  return data.catalogue.nodes.map((n: { title: string }) => n.title);
}

describe('catalogue: what a course looks like', () => {
  it('returns every field, with owner, instructors and seats resolved', async () => {
    const { agency, admin, learners } = await app.seed.agencyWithStaff(1);
    const partner = await app.seed.partner({ name: 'Universitas Indonesia' });
    const lecturer = await app.seed.person({ partner, fullName: 'Dr. Ratna Wulandari', roles: [{ role: Role.INSTRUCTOR }] });
    const asn = await app.seed.person({ agency, fullName: 'Bambang Sutrisno', roles: [{ role: Role.INSTRUCTOR }] });
    const other = await app.seed.agency({ name: 'Pemerintah Kota Semarang' });
    const course = await app.seed.course({
      title: 'Manajemen Proyek Pemerintahan', description: 'Perencanaan dan pengendalian proyek.', ownerAgency: agency,
      instructors: [lecturer, asn], capacity: 30, jp: 24, form: DevelopmentForm.MENTORING, delivery: DeliveryMode.BLENDED,
      competencyTags: ['Manajemen Proyek', 'Perencanaan'], visibility: CourseVisibility.LISTED_AGENCIES, visibleTo: [other],
      startsAt: new Date('2026-12-01T01:00:00Z'),
    });
    await app.sql(`update course set cost_per_participant = 1500000 where id = $1`, [course.id]);
    await app.sql(`update course_run set seats_taken = 12, waitlist_length = 0, location = 'Bandung' where id = $1`, [course.run.id]);
    const partnerCourse = await app.seed.course({ title: 'Statistik untuk Kebijakan', ownerPartner: partner, capacity: null });

    const learner = await app.as(learners[0]);
    const data = await learner.ok(COURSE, { id: course.id });
    expect(data.course).toMatchObject({
      id: course.id, code: course.code, title: 'Manajemen Proyek Pemerintahan', description: 'Perencanaan dan pengendalian proyek.',
      form: 'MENTORING', formGroup: 'NON_CLASSROOM', delivery: 'BLENDED', jp: 24, competencyTags: ['Manajemen Proyek', 'Perencanaan'],
      costPerParticipant: 1_500_000, status: 'PUBLISHED', visibility: 'LISTED_AGENCIES',
      canManage: false, owner: { id: agency.id, name: agency.name, kind: 'AGENCY' },
      // Who the course is shared with is for its managers only.
      visibleToAgencies: [],
      nextRun: {
        id: course.run.id, code: '1', capacity: 30, seatsTaken: 12, seatsLeft: 18, waitlistLength: 0, enrolmentPolicy: 'OPEN',
        startsAt: '2026-12-01T01:00:00.000Z', endsAt: null, location: 'Bandung',
      },
    });
    expect(data.course.publishedAt).toEqual(expect.any(String));
    expect(data.course.nextRun.instructors).toEqual([
      { id: asn.id, fullName: 'Bambang Sutrisno', partnerName: null },
      { id: lecturer.id, fullName: 'Dr. Ratna Wulandari', partnerName: 'Universitas Indonesia' },
    ]);

    const byPartner = (await learner.ok(COURSE, { id: partnerCourse.id })).course;
    expect(byPartner).toMatchObject({ owner: { id: partner.id, name: 'Universitas Indonesia', kind: 'PARTNER' }, nextRun: { capacity: null, seatsLeft: null }, formGroup: 'CLASSROOM' });
    // The same run, read from the catalogue page (joined into its statement) and on its own.
    const listed = (await learner.ok(CATALOGUE, { filter: { ownerAgencyId: agency.id } })).catalogue.nodes;
    expect(listed).toEqual([data.course]);
    const RUN = `query($id: ID!) { courseRun(id: $id) { id code capacity seatsTaken seatsLeft waitlistLength enrolmentPolicy startsAt endsAt location instructors { id fullName partnerName } course { id title } } }`;
    expect((await learner.ok(RUN, { id: course.run.id })).courseRun).toEqual({ ...data.course.nextRun, course: { id: course.id, title: 'Manajemen Proyek Pemerintahan' } });

    const manager = (await (await app.as(admin)).ok(COURSE, { id: course.id })).course;
    expect(manager.canManage).toBe(true);
    expect(manager.visibleToAgencies).toEqual([{ id: other.id, name: 'Pemerintah Kota Semarang' }]);
  });

  it('refuses anonymous callers', async () => {
    const anon = app.anonymous();
    expect(await anon.errorCode(CATALOGUE, {})).toBe('UNAUTHENTICATED');
    expect(await anon.errorCode(COURSE, { id: '00000000-0000-4000-8000-000000000000' })).toBe('UNAUTHENTICATED');
    expect(await anon.errorCode(`{ catalogueOwners { id } }`)).toBe('UNAUTHENTICATED');
    expect(await anon.errorCode(`{ competencyTags { tag } }`)).toBe('UNAUTHENTICATED');
  });
});

describe('catalogue: visibility', () => {
  it('shows each learner exactly the published courses their agency may see', async () => {
    const a = await app.seed.agencyWithStaff(1);
    const b = await app.seed.agencyWithStaff(1);
    const c = await app.seed.agencyWithStaff(1);
    const own = await app.seed.course({ title: 'Tata Naskah Dinas Pemkot', ownerAgency: a.agency, visibility: CourseVisibility.OWN_AGENCY });
    const listed = await app.seed.course({ title: 'Pelayanan Publik Terpadu', ownerAgency: a.agency, visibility: CourseVisibility.LISTED_AGENCIES, visibleTo: [b.agency] });
    const all = await app.seed.course({ title: 'Etika ASN', ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES });
    const draft = await app.seed.course({ title: 'Draf Rahasia', ownerAgency: a.agency, status: CourseStatus.DRAFT });
    const archived = await app.seed.course({ title: 'Kursus Lama', ownerAgency: a.agency, status: CourseStatus.ARCHIVED });
    const filter = { ownerAgencyId: a.agency.id };

    const learnerA = await app.as(a.learners[0]);
    expect((await titles(learnerA, filter)).sort()).toEqual(['Etika ASN', 'Pelayanan Publik Terpadu', 'Tata Naskah Dinas Pemkot']);
    const learnerB = await app.as(b.learners[0]);
    expect((await titles(learnerB, filter)).sort()).toEqual(['Etika ASN', 'Pelayanan Publik Terpadu']);
    const learnerC = await app.as(c.learners[0]);
    expect(await titles(learnerC, filter)).toEqual(['Etika ASN']);
    // Partner staff belong to no agency: only courses open to all agencies.
    const partnerStaff = await app.seed.person({ partner: await app.seed.partner(), roles: [{ role: Role.INSTRUCTOR }] });
    expect(await titles(await app.as(partnerStaff), filter)).toEqual(['Etika ASN']);
    // Even the owning agency's admin sees only published courses in the catalogue.
    expect((await titles(await app.as(a.admin), filter)).sort()).toEqual(['Etika ASN', 'Pelayanan Publik Terpadu', 'Tata Naskah Dinas Pemkot']);

    // Opening one course follows the same rule; hidden looks like missing.
    expect((await learnerB.ok(COURSE, { id: listed.id })).course.title).toBe('Pelayanan Publik Terpadu');
    expect(await learnerB.errorCode(COURSE, { id: own.id })).toBe('NOT_FOUND');
    expect(await learnerC.errorCode(COURSE, { id: listed.id })).toBe('NOT_FOUND');
    expect(await learnerA.errorCode(COURSE, { id: draft.id })).toBe('NOT_FOUND');
    expect(await learnerA.errorCode(COURSE, { id: archived.id })).toBe('NOT_FOUND');
    expect(await learnerA.errorCode(COURSE, { id: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
    expect(await learnerA.errorCode(COURSE, { id: 'bukan-id' })).toBe('NOT_FOUND');
    expect((await learnerC.ok(COURSE, { id: all.id })).course.title).toBe('Etika ASN');
    // Another agency's admin cannot open an own-agency course either.
    expect(await (await app.as(b.admin)).errorCode(COURSE, { id: own.id })).toBe('NOT_FOUND');

    // Managers and the course's instructors can open drafts.
    expect((await (await app.as(a.admin)).ok(COURSE, { id: draft.id })).course).toMatchObject({ status: 'DRAFT', canManage: true });
    const teacher = await app.seed.person({ agency: c.agency, roles: [{ role: Role.INSTRUCTOR }] });
    const taught = await app.seed.course({ title: 'Draf Diajar', ownerAgency: a.agency, status: CourseStatus.DRAFT, instructors: [teacher] });
    expect((await (await app.as(teacher)).ok(COURSE, { id: taught.id })).course).toMatchObject({ title: 'Draf Diajar', canManage: false });
  });
});

describe('catalogue: search in Bahasa Indonesia', () => {
  it('stems Indonesian words, tolerates typos in titles and ranks the best match first', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const seedTitle = (title: string, extra: { description?: string; competencyTags?: string[] } = {}) =>
      app.seed.course({ title, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, ...extra });
    await seedTitle('Pengelolaan Uang Daerah');
    await seedTitle('Melayani Warga dengan Hati');
    await seedTitle('Latihan Dasar Kepemimpinan Pengawas');
    await seedTitle('Pelatihan Kepemimpinan Administrator');
    await seedTitle('Statistik Dasar', { description: 'Membaca data untuk penganggaran berbasis kinerja.' });
    await seedTitle('Rapat Efektif', { competencyTags: ['Komunikasi'] });
    const learner = await app.as(learners[0]);
    const search = (text: string) => titles(learner, { ownerAgencyId: agency.id, search: text });

    // Stemming: "mengelola keuangan" → elola & uang; "pelayanan" → layan (no shared trigrams to speak of).
    expect(await search('mengelola keuangan')).toEqual(['Pengelolaan Uang Daerah']);
    expect(await search('pelayanan')).toEqual(['Melayani Warga dengan Hati']);
    // "pelatihan kepemimpinan" finds both leadership courses ("latihan" shares the stem), the exact title first.
    expect(await search('pelatihan kepemimpinan')).toEqual(['Pelatihan Kepemimpinan Administrator', 'Latihan Dasar Kepemimpinan Pengawas']);
    // A typo still finds the title through trigram similarity.
    expect((await search('kepemimpian')).sort()).toEqual(['Latihan Dasar Kepemimpinan Pengawas', 'Pelatihan Kepemimpinan Administrator']);
    expect(await search('Statistk')).toEqual(['Statistik Dasar']);
    // Description and competency tags are searched too.
    expect(await search('anggaran')).toEqual(['Statistik Dasar']);
    expect(await search('komunikasi')).toEqual(['Rapat Efektif']);
    expect(await search('zzqx wvvk')).toEqual([]);
    // Quotes, operators and backslashes are only text.
    expect(await search(`'; drop table course; -- \\ "kutip" ? or -`)).toEqual([]);
    // Blank search means no search.
    expect((await search('   ')).length).toBe(6);
    const data = await learner.ok(CATALOGUE, { filter: { ownerAgencyId: agency.id, search: 'pelatihan kepemimpinan' } });
    expect(data.catalogue.totalCount).toBe(2);
  });
});

describe('catalogue: filters', () => {
  it('applies each filter, alone and together', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const partner = await app.seed.partner({ name: 'Institut Teknologi Bandung' });
    const base = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY };
    await app.seed.course({ ...base, title: 'K1 Kepemimpinan', form: DevelopmentForm.LEADERSHIP_TRAINING, delivery: DeliveryMode.IN_PERSON, jp: 40, capacity: 2, competencyTags: ['Kepemimpinan'] });
    const full = await app.seed.course({ ...base, title: 'K2 Coaching Penuh', form: DevelopmentForm.COACHING, delivery: DeliveryMode.ONLINE_SELF_PACED, jp: 2, capacity: 1, competencyTags: ['kepemimpinan', 'Integritas'] });
    await app.sql(`update course_run set seats_taken = 1 where course_id = $1`, [full.id]);
    await app.seed.course({ ...base, title: 'K3 Tugas Belajar', form: DevelopmentForm.DEGREE_STUDY, delivery: DeliveryMode.BLENDED, jp: 100, capacity: null });
    await app.seed.course({ ...base, title: 'K4 E-Learning', form: DevelopmentForm.E_LEARNING, delivery: DeliveryMode.ONLINE_SELF_PACED, jp: 10, capacity: null, competencyTags: ['Integritas'] });
    await app.seed.course({ title: 'K5 Mitra', ownerPartner: partner, form: DevelopmentForm.SEMINAR, jp: 8 });
    const learner = await app.as(learners[0]);
    const f = (filter: Record<string, unknown>) => titles(learner, { ownerAgencyId: agency.id, ...filter }).then((t) => t.sort());

    expect(await f({})).toEqual(['K1 Kepemimpinan', 'K2 Coaching Penuh', 'K3 Tugas Belajar', 'K4 E-Learning']);
    expect(await f({ forms: ['LEADERSHIP_TRAINING', 'COACHING'] })).toEqual(['K1 Kepemimpinan', 'K2 Coaching Penuh']);
    expect(await f({ formGroups: ['NON_CLASSROOM'] })).toEqual(['K2 Coaching Penuh', 'K4 E-Learning']);
    expect(await f({ formGroups: ['EDUCATION', 'CLASSROOM'] })).toEqual(['K1 Kepemimpinan', 'K3 Tugas Belajar']);
    expect(await f({ forms: ['LEADERSHIP_TRAINING'], formGroups: ['NON_CLASSROOM'] })).toEqual([]);
    expect(await f({ deliveries: ['ONLINE_SELF_PACED'] })).toEqual(['K2 Coaching Penuh', 'K4 E-Learning']);
    expect(await f({ competency: 'KEPEMIMPINAN' })).toEqual(['K1 Kepemimpinan', 'K2 Coaching Penuh']);
    expect(await f({ competency: 'integritas', deliveries: ['ONLINE_SELF_PACED'], openOnly: true })).toEqual(['K4 E-Learning']);
    expect(await f({ jpMin: 10 })).toEqual(['K1 Kepemimpinan', 'K3 Tugas Belajar', 'K4 E-Learning']);
    expect(await f({ jpMax: 10 })).toEqual(['K2 Coaching Penuh', 'K4 E-Learning']);
    expect(await f({ jpMin: 10, jpMax: 40 })).toEqual(['K1 Kepemimpinan', 'K4 E-Learning']);
    expect(await f({ openOnly: true })).toEqual(['K1 Kepemimpinan', 'K3 Tugas Belajar', 'K4 E-Learning']);
    expect(await titles(learner, { ownerPartnerId: partner.id })).toEqual(['K5 Mitra']);
    expect(await titles(learner, { ownerPartnerId: partner.id, ownerAgencyId: agency.id })).toEqual([]);

    const bad = await learner.request(CATALOGUE, { filter: { ownerAgencyId: 'bukan-uuid', jpMin: -1 } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields?.map((x) => x.field).sort()).toEqual(['jpMin', 'ownerAgencyId']);
  });
});

describe('catalogue: pagination', () => {
  it('walks every page by cursor with no duplicates and no gaps, also when sorting by relevance', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      ids.push((await app.seed.course({ title: `Literasi Digital Angkatan ${i + 1}`, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY })).id);
    }
    // Ties on the sort time must not lose or repeat rows.
    await app.sql(`update course set published_at = '2026-11-01T00:00:00Z' where id = any($1::uuid[])`, [ids.slice(0, 12)]);
    const learner = await app.as(learners[0]);

    for (const filter of [{ ownerAgencyId: agency.id }, { ownerAgencyId: agency.id, search: 'literasi digital' }]) {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const data: any = await learner.ok(CATALOGUE, { filter, first: 10, after });
        expect(data.catalogue.totalCount).toBe(23);
        seen.push(...data.catalogue.nodes.map((n: { id: string }) => n.id));
        pages += 1;
        after = data.catalogue.pageInfo.hasNextPage ? data.catalogue.pageInfo.endCursor : null;
      } while (after);
      expect(pages).toBe(3);
      expect(seen.length).toBe(23);
      expect(new Set(seen)).toEqual(new Set(ids));
    }

    // Newest first when asked (the default order is in catalogue-finding.test.ts).
    await app.sql(`update course set published_at = now() + interval '1 day' where id = $1`, [ids[0]]);
    const newest = CATALOGUE.replace('$after: String)', '$after: String, $sort: CatalogueSort)').replace('after: $after)', 'after: $after, sort: $sort)');
    expect((await learner.ok(newest, { filter: { ownerAgencyId: agency.id }, sort: 'NEWEST', first: 1 })).catalogue.nodes[0].id).toBe(ids[0]);
  });

  it('rejects bad cursors and page sizes', async () => {
    const learner = await app.as((await app.seed.agencyWithStaff(1)).learners[0]);
    expect(await learner.errorCode(CATALOGUE, { after: 'bukan-kursor' })).toBe('INVALID_CURSOR');
    const wrongShape = Buffer.from(JSON.stringify(['1', 'x', 'y'])).toString('base64url');
    expect(await learner.errorCode(CATALOGUE, { after: wrongShape })).toBe('INVALID_CURSOR');
    const injected = Buffer.from(JSON.stringify(["0') or (1=1", '1', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect(await learner.errorCode(CATALOGUE, { after: injected })).toBe('INVALID_CURSOR');
    expect(await learner.errorCode(CATALOGUE, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await learner.errorCode(CATALOGUE, { first: 0 })).toBe('BAD_USER_INPUT');
  });
});

describe('catalogue: owners and competency tags', () => {
  it('lists owners and tags of visible courses only, with counts', async () => {
    const a = await app.seed.agencyWithStaff(1);
    const hidden = await app.seed.agency({ name: 'Instansi Tersembunyi' });
    const partner = await app.seed.partner({ name: 'Universitas Sriwijaya' });
    await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.OWN_AGENCY, competencyTags: ['Orientasi pada Hasil'] });
    await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.OWN_AGENCY, competencyTags: ['orientasi pada hasil', 'Perekat Bangsa'] });
    await app.seed.course({ ownerPartner: partner, competencyTags: ['Perekat Bangsa'] });
    await app.seed.course({ ownerAgency: hidden, visibility: CourseVisibility.OWN_AGENCY, competencyTags: ['Tag Rahasia'] });
    await app.seed.course({ ownerAgency: hidden, status: CourseStatus.DRAFT, competencyTags: ['Tag Draf'] });
    const learner = await app.as(a.learners[0]);

    const owners = (await learner.ok(`{ catalogueOwners { id name kind courseCount } }`)).catalogueOwners;
    expect(owners).toContainEqual({ id: a.agency.id, name: a.agency.name, kind: 'AGENCY', courseCount: 2 });
    expect(owners).toContainEqual({ id: partner.id, name: 'Universitas Sriwijaya', kind: 'PARTNER', courseCount: 1 });
    expect(owners.map((o: { id: string }) => o.id)).not.toContain(hidden.id);

    const tags = (await learner.ok(`{ competencyTags { tag courseCount } }`)).competencyTags;
    expect(tags.find((t: { tag: string }) => t.tag.toLowerCase() === 'orientasi pada hasil')).toMatchObject({ courseCount: 2 });
    expect(tags.find((t: { tag: string }) => t.tag === 'Perekat Bangsa')?.courseCount).toBeGreaterThanOrEqual(2);
    expect(tags.map((t: { tag: string }) => t.tag)).not.toContain('Tag Rahasia');
    expect(tags.map((t: { tag: string }) => t.tag)).not.toContain('Tag Draf');
    expect(tags.length).toBeLessThanOrEqual(50);
  });
});

describe('catalogue: query cost', () => {
  it('costs the same small number of SQL statements for 5 and for 50 courses', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const partners = [await app.seed.partner(), await app.seed.partner()];
    const instructors = [
      await app.seed.person({ partner: partners[0], roles: [{ role: Role.INSTRUCTOR }] }),
      await app.seed.person({ partner: partners[1], roles: [{ role: Role.INSTRUCTOR }] }),
      await app.seed.person({ agency, roles: [{ role: Role.INSTRUCTOR }] }),
    ];
    for (let i = 0; i < 55; i++) {
      // Owners of both kinds and several instructors, so every loader has work on every page.
      await app.seed.course({
        title: `Kursus Biaya ${i}`, competencyTags: ['Uji Biaya Kueri'], capacity: i % 3 === 0 ? null : 40,
        ownerAgency: i % 2 === 0 ? agency : null, ownerPartner: i % 2 === 0 ? null : partners[i % 4 === 1 ? 0 : 1],
        instructors: [instructors[i % 3], instructors[(i + 1) % 3]],
      });
    }
    const learner = await app.as(learners[0]);
    const query = `query($first: Int) { catalogue(filter: { competency: "uji biaya kueri" }, first: $first) {
      totalCount nodes { id title canManage visibleToAgencies { id } owner { id name kind }
        nextRun { id capacity seatsTaken seatsLeft waitlistLength enrolmentClosedReason instructors { id fullName partnerName } } } } }`;

    let nodes50: unknown[] = [];
    const five = await app.countSql(() => learner.ok(query, { first: 5 }));
    const fifty = await app.countSql(async () => {
      nodes50 = (await learner.ok(query, { first: 50 })).catalogue.nodes;
    });
    expect(nodes50).toHaveLength(50);
    expect((nodes50 as { owner: { kind: string } }[]).some((n) => n.owner.kind === 'PARTNER')).toBe(true);
    expect((nodes50 as { nextRun: { instructors: unknown[] } }[]).every((n) => n.nextRun.instructors.length === 2)).toBe(true);
    expect(fifty.count).toBe(five.count);
    // Session, page (owners and the next run with its instructors joined), total.
    expect(fifty.count).toBeLessThanOrEqual(3);
    // The total is counted only when selected.
    const withoutTotal = await app.countSql(() => learner.ok(query.replace('totalCount', ''), { first: 50 }));
    expect(withoutTotal.count).toBe(fifty.count - 1);
  });
});
