import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../server/src/modules/agency/index.js';
import { CourseKind, DevelopmentForm } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations, expectNothingCutOff } from '../kit/a11y.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import { seedProgramme, type ParticipantSpec } from '../kit/library-fixture.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * The browser story at 360 px: an agency admin finds a shared programme by its evidence (completion ≥ 80 %),
 * opens it, reads how its figures were computed, and adopts it; then publishes the copy, opens a cohort with a quota
 * for its own agency and nominates two people by CSV into it (registered in both item runs).
 */

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let adopterAgency: Agency;
let adopterAdmin: Person;
let strongId: string;
let nominees: Person[];

const people = (agency: Agency, participants: number, completed: number, rating: number): ParticipantSpec[] =>
  Array.from({ length: participants }, (_, i) => ({ agency, status: i < completed ? 'COMPLETED' : 'NOMINATED', rating: i < completed ? rating : undefined, completedItems: i < completed ? [0, 1] : [] }));

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const owner = await app.seed.agency({ name: 'Pemerintah Kota Bogor' });
  const other = await app.seed.agency({ name: 'Pemerintah Kabupaten Sleman' });
  adopterAgency = await app.seed.agency({ name: 'Pemerintah Kota Depok' });
  adopterAdmin = await app.seed.person({ agency: adopterAgency, fullName: 'Rina Marlina', roles: [{ role: Role.AGENCY_ADMIN, agency: adopterAgency }] });
  nominees = [
    await app.seed.person({ agency: adopterAgency, fullName: 'Bayu Saputra' }),
    await app.seed.person({ agency: adopterAgency, fullName: 'Citra Anggraini' }),
  ];
  const course = await app.seed.course({ ownerAgency: owner, title: 'Dasar Kepemimpinan Pengawas', jp: 12 });
  const workshop = await app.seed.course({ ownerAgency: owner, title: 'Lokakarya Coaching Tim', jp: 8, kind: CourseKind.WORKSHOP, form: DevelopmentForm.WORKSHOP });
  strongId = (await seedProgramme(app, {
    owner: { agency: owner }, items: [course, workshop], title: 'Pelatihan Kepemimpinan Pengawas', description: 'Untuk pengawas yang baru dilantik.',
    tags: ['kepemimpinan'], shared: true,
    cohorts: [
      { code: 'ANG-1', cost: 2_500_000, participants: [...people(owner, 4, 4, 5), ...people(other, 1, 0, 0)] },
      { code: 'ANG-2', cost: 2_500_000, participants: [...people(owner, 3, 3, 4), ...people(other, 2, 2, 4)] },
    ],
  })).id;
  await seedProgramme(app, {
    owner: { agency: other }, items: [course], title: 'Literasi Digital ASN', shared: true,
    cohorts: [{ code: 'LD-1', cost: 500_000, participants: people(other, 4, 2, 3) }],
  });
  const undip = await app.seed.partner({ name: 'Universitas Diponegoro' });
  await seedProgramme(app, {
    owner: { partner: undip }, items: [course], title: 'Negosiasi Kebijakan Publik', shared: true,
    cohorts: [{ code: 'NEG-1', cost: 1_000_000, participants: people(other, 2, 1, 4) }],
  });
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('programme library, in the browser', () => {
  it('an agency admin finds a programme by its evidence, reads how it was computed and adopts it', async () => {
    await page.setViewportSize(PHONE);
    await signInAt(page, app.url, adopterAdmin.nip!);
    await page.goto(`${app.url}/pustaka-program`);
    await page.getByRole('heading', { level: 1, name: 'Pustaka program' }).waitFor();
    const strong = page.getByRole('article').filter({ hasText: 'Pelatihan Kepemimpinan Pengawas' });
    const weak = page.getByRole('article').filter({ hasText: 'Literasi Digital ASN' });
    await strong.waitFor();
    await weak.waitFor();
    // 9 of 10 completed over two cohorts; the other programme 2 of 4.
    await strong.getByText('90%').waitFor();
    await strong.getByText('10 peserta', { exact: false }).waitFor();
    await strong.getByRole('img', { name: 'Ketuntasan per angkatan: ANG-1 80%, ANG-2 100%' }).waitFor();

    // A partner's programmes: those it owns (or whose classes its lecturers teach).
    await page.getByPlaceholder('Mitra mana pun').fill('Diponegoro');
    await page.getByRole('option', { name: 'Universitas Diponegoro' }).click();
    await page.waitForURL(/mitra=/);
    await strong.waitFor({ state: 'detached' });
    await page.getByRole('article').filter({ hasText: 'Negosiasi Kebijakan Publik' }).waitFor();
    await page.goto(`${app.url}/pustaka-program`);
    await strong.waitFor();

    await page.getByText('Tuntas ≥ 80%').click();
    await page.waitForURL(/tuntas=80/);
    // The page shows the filtered answer (the list is replaced, so wait for its count before looking at the cards).
    await page.getByText('1 program ditemukan').waitFor();
    await strong.waitFor();
    expect(await weak.count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'programme library filtered by completion');
    await expectNothingCutOff(page, 'programme library at 360 px');

    await strong.getByRole('link', { name: 'Pelatihan Kepemimpinan Pengawas' }).click();
    await page.waitForURL(new RegExp(`/pustaka-program/${strongId}$`));
    await page.getByRole('heading', { level: 1, name: 'Pelatihan Kepemimpinan Pengawas' }).waitFor();
    await page.getByRole('heading', { name: 'Cara menghitung' }).waitFor();
    await page.getByText('9 dari 10 peserta menyelesaikan program', { exact: false }).waitFor();
    await page.getByText('2 angkatan yang sudah berakhir dan tidak dibatalkan (ANG-1, ANG-2)', { exact: false }).first().waitFor();
    // Cost: 2,500,000 × 10 participants / 10.
    await page.getByText('Rp 2.500.000').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'shared programme with its evidence');
    await expectNothingCutOff(page, 'shared programme at 360 px');

    await page.getByLabel('Kode program salinan').fill('pkp-depok-01');
    await page.getByLabel('Judul salinan').fill('Kepemimpinan Pengawas Kota Depok');
    await page.getByRole('button', { name: 'Adopsi program' }).click();
    await page.getByText('Program diadopsi sebagai PKP-DEPOK-01').first().waitFor();
    const [copy] = await app.sql<{ owner_agency_id: string; adopted_from_id: string; origin_id: string; status: string; items: number }>(
      `select owner_agency_id, adopted_from_id, origin_id, status, (select count(*)::int from programme_item i where i.programme_id = p.id) as items
         from programme p where code = 'PKP-DEPOK-01'`);
    expect(copy).toEqual({ owner_agency_id: adopterAgency.id, adopted_from_id: strongId, origin_id: strongId, status: 'DRAFT', items: 2 });

    // The copy is Depok's to run: publish it, open a cohort with a quota for Depok, and nominate two people by CSV.
    await page.getByRole('link', { name: 'Buka salinan program' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Kepemimpinan Pengawas Kota Depok' }).waitFor();
    // The copy credits the original on its own pages too.
    await page.getByText('Diadaptasi dari “Pelatihan Kepemimpinan Pengawas” (Pemerintah Kota Bogor).').waitFor();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText('Program diterbitkan.').waitFor();
    await page.getByRole('link', { name: 'Angkatan baru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Angkatan baru' }).waitFor();
    await page.getByLabel('Kode angkatan').fill('DPK-1');
    await page.getByLabel('Kapasitas (kursi)').fill('10');
    await page.getByRole('button', { name: 'Buat angkatan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Angkatan DPK-1' }).waitFor();
    await page.locator('input').and(page.getByLabel('Instansi peserta')).fill('Depok');
    await page.getByRole('option', { name: 'Pemerintah Kota Depok' }).click();
    await page.getByLabel('Kursi', { exact: true }).fill('4');
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    await page.getByText('Kuota disimpan.').waitFor();
    await page.getByRole('link', { name: 'Peserta dan usulan instansi' }).click();
    await page.getByRole('heading', { level: 1, name: /^Peserta angkatan / }).waitFor();
    await page.getByText('0 dari 4 terpakai · sisa 4').waitFor();
    const csv = page.getByRole('textbox', { name: 'Isi CSV' });
    await csv.fill(`NIP\n${nominees[0].nip}\n${nominees[1].nip}`);
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.getByText('2 baris siap, 0 baris bermasalah').waitFor();
    await expectNoSeriousA11yViolations(page, 'CSV preview of the adopted programme’s cohort');
    await expectNothingCutOff(page, 'CSV preview at 360 px');
    await page.getByRole('button', { name: 'Konfirmasi 2 usulan' }).click();
    await page.getByText('2 pegawai diusulkan dan didaftarkan ke kelas-kelas angkatan.').waitFor();
    await page.getByText('2 dari 4 terpakai · sisa 2').waitFor();
    await page.getByText(nominees[0].fullName, { exact: true }).waitFor();
    const nominated = await app.sql<{ person_id: string; status: string; enrolments: number }>(
      `select cp.person_id, cp.status, (select count(*)::int from enrolment e join cohort_item_run cir on cir.run_id = e.run_id
          where cir.cohort_id = cp.cohort_id and e.person_id = cp.person_id and e.status = 'ACTIVE') as enrolments
         from cohort_participant cp join programme_cohort c on c.id = cp.cohort_id join programme p on p.id = c.programme_id
        where p.code = 'PKP-DEPOK-01' order by cp.person_id`);
    expect(nominated).toEqual(nominees.map((n) => ({ person_id: n.id, status: 'NOMINATED', enrolments: 2 })).sort((a, b) => a.person_id.localeCompare(b.person_id)));
    expect(browser.pageErrors).toEqual([]);
  });
});
