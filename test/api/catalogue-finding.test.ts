import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility } from '../../server/src/modules/course/course.enums.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const CATALOGUE = `query($filter: CatalogueFilter, $sort: CatalogueSort, $first: Int, $after: String) {
  catalogue(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id title }
  }
}`;
type Client = Awaited<ReturnType<TestApp['as']>>;

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Every title in `sort` order, walking the pages `size` at a time (so the keyset is exercised). */
async function walk(client: Client, filter: Record<string, unknown>, sort: string | null, size = 2): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const data: any = await client.ok(CATALOGUE, { filter, sort, first: size, after });
    seen.push(...data.catalogue.nodes.map((n: { title: string }) => n.title));
    after = data.catalogue.pageInfo.hasNextPage ? data.catalogue.pageInfo.endCursor : null;
  } while (after);
  return seen;
}

describe('catalogue: order', () => {
  it('lists what one can start soonest by default, and sorts by start date, newest and title, page by page', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const base = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY };
    const make = async (title: string, startDays: number | null, publishedDays: number, endDays: number | null = null) => {
      const c = await app.seed.course({ ...base, title });
      await app.sql(`update course_run set starts_at = $2, ends_at = $3 where course_id = $1`,
        [c.id, startDays === null ? null : at(startDays), endDays === null ? null : at(endDays)]);
      await app.sql(`update course set published_at = $2 where id = $1`, [c.id, at(publishedDays)]);
    };
    await make('Delta Tahun Depan', 300, -1);
    await make('alfa Bulan Depan', 30, -5);
    await make('Charlie Kapan Saja', null, -3);
    await make('Bravo Sedang Berjalan', -10, -20, 20);
    await make('Echo Minggu Depan', 7, -2);
    await make('Foxtrot Selesai', -60, -90, -30);
    const learner = await app.as(learners[0]);
    const filter = { ownerAgencyId: agency.id };

    const soonest = ['Charlie Kapan Saja', 'Bravo Sedang Berjalan', 'Echo Minggu Depan', 'alfa Bulan Depan', 'Delta Tahun Depan'];
    expect(await walk(learner, filter, null)).toEqual(soonest);
    expect(await walk(learner, filter, 'SOONEST')).toEqual(soonest);
    expect(await walk(learner, filter, 'RELEVANCE')).toEqual(soonest);
    expect(await walk(learner, filter, 'START_DATE')).toEqual(['Delta Tahun Depan', 'alfa Bulan Depan', 'Echo Minggu Depan', 'Bravo Sedang Berjalan', 'Charlie Kapan Saja']);
    expect(await walk(learner, filter, 'NEWEST')).toEqual(['Delta Tahun Depan', 'Echo Minggu Depan', 'Charlie Kapan Saja', 'alfa Bulan Depan', 'Bravo Sedang Berjalan']);
    // Title order ignores case.
    expect(await walk(learner, filter, 'TITLE')).toEqual(['alfa Bulan Depan', 'Bravo Sedang Berjalan', 'Charlie Kapan Saja', 'Delta Tahun Depan', 'Echo Minggu Depan']);
    expect(await walk(learner, { ...filter, includeEnded: true }, 'SOONEST')).toEqual(['Charlie Kapan Saja', 'Foxtrot Selesai', ...soonest.slice(1)]);
    // A sort chosen with a search orders the matches by it.
    expect(await walk(learner, { ...filter, search: 'depan' }, 'TITLE')).toEqual(['alfa Bulan Depan', 'Delta Tahun Depan', 'Echo Minggu Depan']);

    // A cursor of one order is refused by another rather than misread.
    const { catalogue } = await learner.ok(CATALOGUE, { filter, sort: 'TITLE', first: 1 });
    expect(await learner.errorCode(CATALOGUE, { filter, sort: 'SOONEST', first: 1, after: catalogue.pageInfo.endCursor })).toBe('INVALID_CURSOR');
  });

  it('costs the same statements for 5 and 50 courses in every order, the viewer’s enrolments included', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    for (let i = 0; i < 55; i++) {
      const c = await app.seed.course({ ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, title: `Kursus Urut ${i}` });
      await app.sql(`update course_run set starts_at = $2 where course_id = $1`, [c.id, i % 4 === 0 ? null : at(i)]);
    }
    const learner = await app.as(learners[0]);
    for (const sort of ['SOONEST', 'START_DATE', 'NEWEST', 'TITLE']) {
      const query = `query($first: Int, $sort: CatalogueSort) { catalogue(filter: { ownerAgencyId: "${agency.id}" }, sort: $sort, first: $first) {
        nodes { id title viewerEnrolment { id status } } } }`;
      const five = await app.countSql(() => learner.ok(query, { first: 5, sort }));
      const fifty = await app.countSql(() => learner.ok(query, { first: 50, sort }));
      expect(fifty.count).toBe(five.count);
      // Session, page, the viewer's enrolments for the whole page.
      expect(fifty.count).toBeLessThanOrEqual(3);
    }
  });
});

describe('catalogue: the words civil servants search with', () => {
  it('expands abbreviations from the synonym list both ways', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const seed = (title: string, description = '') => app.seed.course({ ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, title, description });
    await seed('Bimbingan Teknis Penyusunan Laporan Keuangan');
    await seed('Bimtek Arsip Dinamis');
    await seed('Pelatihan Dasar CPNS Angkatan III');
    await seed('Pelatihan Kepemimpinan Administrator Angkatan I');
    await seed('Pelatihan Kepemimpinan Pengawas');
    await seed('Pengelolaan Barang Milik Negara');
    await seed('Arsitektur Sistem Pemerintahan Berbasis Elektronik');
    await seed('Rapat Efektif', 'Untuk pegawai negeri sipil di lingkungan pemerintah kota.');
    const learner = await app.as(learners[0]);
    const search = async (text: string) => (await walk(learner, { ownerAgencyId: agency.id, search: text }, null, 50)).sort();

    expect(await search('bimtek')).toEqual(['Bimbingan Teknis Penyusunan Laporan Keuangan', 'Bimtek Arsip Dinamis']);
    expect(await search('bimbingan teknis')).toEqual(['Bimbingan Teknis Penyusunan Laporan Keuangan', 'Bimtek Arsip Dinamis']);
    expect(await search('BIMTEK keuangan')).toEqual(['Bimbingan Teknis Penyusunan Laporan Keuangan']);
    expect(await search('latsar')).toEqual(['Pelatihan Dasar CPNS Angkatan III']);
    expect(await search('pka')).toEqual(['Pelatihan Kepemimpinan Administrator Angkatan I']);
    expect(await search('PKP')).toEqual(['Pelatihan Kepemimpinan Pengawas']);
    expect(await search('bmn')).toEqual(['Pengelolaan Barang Milik Negara']);
    expect(await search('spbe')).toEqual(['Arsitektur Sistem Pemerintahan Berbasis Elektronik']);
    expect(await search('pns')).toEqual(['Rapat Efektif']);
    expect(await search('diklat')).toEqual(['Pelatihan Dasar CPNS Angkatan III', 'Pelatihan Kepemimpinan Administrator Angkatan I', 'Pelatihan Kepemimpinan Pengawas']);

    // The list is data: a new row works at once.
    expect(await search('lapkeu')).toEqual([]);
    await app.sql(`insert into search_synonym (term, expansion) values ('lapkeu', 'laporan keuangan')`);
    expect(await search('lapkeu')).toEqual(['Bimbingan Teknis Penyusunan Laporan Keuangan']);
  });

  it('finds with a misspelt word what the right word finds', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const seed = (title: string) => app.seed.course({ ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, title });
    await seed('Pelayanan Publik Terpadu');
    await seed('Melayani Warga dengan Hati');
    await seed('Pengelolaan Arsip');
    const learner = await app.as(learners[0]);
    const search = async (text: string) => (await walk(learner, { ownerAgencyId: agency.id, search: text }, null, 50)).sort();

    const right = await search('pelayanan');
    expect(right).toEqual(['Melayani Warga dengan Hati', 'Pelayanan Publik Terpadu']);
    expect(await search('pelayann')).toEqual(right);
    expect(await search('pelayanan publk')).toEqual(['Pelayanan Publik Terpadu']);
  });
});

describe('catalogue: the viewer’s own status on each course', () => {
  it('comes with the page in one batched statement', async () => {
    const { agency, learners } = await app.seed.agencyWithStaff(1);
    const base = { ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY };
    const done = await app.seed.course({ ...base, title: 'Sudah Lulus' });
    const active = await app.seed.course({ ...base, title: 'Sedang Diikuti' });
    await app.seed.course({ ...base, title: 'Belum Diikuti' });
    const [learner] = learners;
    await app.sql(`insert into enrolment (person_id, course_id, run_id, status, finished_at) values ($1, $2, $3, 'COMPLETED', now()), ($1, $4, $5, 'ACTIVE', null)`,
      [learner.id, done.id, done.run.id, active.id, active.run.id]);
    const client = await app.as(learner);
    const query = `query($first: Int) { catalogue(filter: { ownerAgencyId: "${agency.id}" }, sort: TITLE, first: $first) { nodes { title viewerEnrolment { status } } } }`;
    const data = await client.ok(query, { first: 10 });
    expect(data.catalogue.nodes).toEqual([
      { title: 'Belum Diikuti', viewerEnrolment: null },
      { title: 'Sedang Diikuti', viewerEnrolment: { status: 'ACTIVE' } },
      { title: 'Sudah Lulus', viewerEnrolment: { status: 'COMPLETED' } },
    ]);
  });
});
