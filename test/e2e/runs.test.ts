import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../server/src/modules/agency/index.js';
import { CourseVisibility, DeliveryMode, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import type { CourseRunEntity as CourseRun } from '../../server/src/modules/run/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { startAgencyScene, type AgencyScene } from '../kit/agency-scene.js';
import { PHONE, signInAt } from '../kit/browser.js';
import type { SeededCourse } from '../kit/seed.js';
import type { TestApp } from '../kit/test-app.js';

/**
 * Course runs (angkatan) in a real Chromium. A learner who failed the course in an earlier run sees that a later run
 * may be taken, picks one of the open runs (not the first listed) and enrols in it; the other run then says they are
 * in one already. An agency admin schedules a new run of a course on its admin page, and cancels it; at 360 px they
 * pick a partner lecturer the cooperation agreement allows for the run's dates (the choices follow the dates, and the
 * server's refusal shows on the field when the dates outrun the agreement) and save.
 */
const DESKTOP = { width: 1280, height: 900 };
const COURSE = 'Manajemen Risiko Sektor Publik';
const DAY = 86_400_000;

let scene: AgencyScene;
let app: TestApp;
let browser: AgencyScene['browser'];
let page: Page;
let agency: Agency;
let learner: Person;
let admin: Person;
let course: SeededCourse;
let chosen: CourseRun;

beforeAll(async () => {
  // Run "2025-1" has ended, and the learner failed it. A partner lecturer, under a PKS with the agency for the first
  // half of 2027 covering the course's form; another without.
  scene = await startAgencyScene({
    agency: 'Pemerintah Kota Makassar', admin: 'Muhammad Yusuf', learner: 'Andi Pratiwi',
    course: {
      title: COURSE, visibility: CourseVisibility.OWN_AGENCY, delivery: DeliveryMode.BLENDED, jp: 24,
      capacity: 20, startsAt: new Date(Date.now() - 60 * DAY), endsAt: new Date(Date.now() - 50 * DAY),
    },
    lecturers: { university: 'Universitas Hasanuddin', fullName: 'Dr. Andi Makkasau', agreement: { number: '12/2026', validFrom: '2027-01-01', validTo: '2027-06-30' }, uncovered: 'Dr. Andi Lain' },
  });
  ({ app, browser, page, agency, admin, learner, course } = scene);
  const instructor = await app.seed.person({ agency, fullName: 'Ir. Rahmat Hidayat', roles: [{ role: Role.INSTRUCTOR, agency }] });
  await app.sql(`update course_run set code = '2025-1' where id = $1`, [course.run.id]);
  await app.sql(`insert into enrolment (person_id, course_id, run_id, status, finished_at, decision_note) values ($1, $2, $3, 'FAILED', now() - interval '45 days', 'Tugas akhir belum dikumpulkan')`, [learner.id, course.id, course.run.id]);
  // Two open runs: one in class soon, one later, in class and online.
  await app.seed.run(course, { code: '2026-1', capacity: 20, startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 12 * DAY), location: 'Aula Kantor Wali Kota Makassar', instructors: [instructor] });
  chosen = await app.seed.run(course, { code: '2026-2', capacity: 25, startsAt: new Date(Date.now() + 40 * DAY), endsAt: new Date(Date.now() + 42 * DAY), location: 'Gedung Pelatihan BKPSDM', policy: EnrolmentPolicy.OPEN });
  await app.sql(`update course_run set online_url = 'https://vicon.makassarkota.go.id/risiko' where id = $1`, [chosen.id]);
}, 180_000);

afterAll(() => scene?.close());

const signIn = (login: string) => signInAt(page, app.url, login);

describe('course runs, in the browser', () => {
  it('a learner who failed an earlier run chooses a later run and enrols in it', async () => {
    await page.setViewportSize(PHONE);
    await signIn(learner.nip!);
    await page.goto(`${app.url}/kursus/${course.id}`);
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();

    // Their place in the course: failed in 2025-1, and a later run may be taken.
    const panel = page.getByRole('region', { name: 'Pendaftaran' });
    await panel.getByText('Angkatan 2025-1').waitFor();
    await panel.getByText('Belum lulus. Catatan pengajar: “Tugas akhir belum dikumpulkan”').waitFor();
    await panel.getByText('Anda dapat mengulang kursus ini di angkatan berikutnya: pilih angkatan di bawah ini.').waitFor();

    // The open runs, soonest first, each with its dates, place, seats and its own enrol button; the ended one is not listed.
    const runs = page.getByRole('region', { name: 'Angkatan yang dibuka' });
    await expect.poll(() => runs.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Angkatan 2026-1', 'Angkatan 2026-2']);
    const first = page.getByRole('article', { name: 'Angkatan 2026-1' });
    const second = page.getByRole('article', { name: 'Angkatan 2026-2' });
    await first.getByText('Aula Kantor Wali Kota Makassar').waitFor();
    await first.getByText('Pengajar: Ir. Rahmat Hidayat').waitFor();
    await second.getByText('Gedung Pelatihan BKPSDM').waitFor();
    await second.getByText('25 kursi tersisa dari 25').waitFor();
    // The class link is for the run's participants; before enrolling it only says the run is online too.
    await second.getByText('Daring · tautan kelas diberikan kepada peserta').waitFor();
    await second.getByText('Anda langsung terdaftar.').waitFor();
    await expectNoSeriousA11yViolations(page, 'course page with runs');

    await second.getByRole('button', { name: 'Daftar sekarang' }).click();
    await second.getByText('Aktif', { exact: true }).waitFor();
    await second.getByText(/^Anda terdaftar\. Kursus dimulai .+ \(.+\)\.$/).waitFor();
    await second.getByText('24 kursi tersisa dari 25').waitFor();
    await second.getByRole('link', { name: 'Buka tautan kelas daring' }).waitFor();
    // One run of a course at a time: the other run says so instead of offering its button.
    await first.getByText('Anda sudah terdaftar di Angkatan 2026-2. Satu kursus hanya dapat diikuti di satu angkatan pada satu waktu.').waitFor();
    expect(await first.getByRole('button', { name: 'Daftar sekarang' }).count()).toBe(0);
    await panel.getByText('Angkatan 2026-2').waitFor();

    const rows = await app.sql(`select r.code, e.status from enrolment e join course_run r on r.id = e.run_id where e.person_id = $1 order by e.requested_at`, [learner.id]);
    expect(rows).toEqual([{ code: '2025-1', status: 'FAILED' }, { code: '2026-2', status: 'ACTIVE' }]);

    // "Pendaftaran saya" names the run.
    await page.goto(`${app.url}/pendaftaran`);
    const item = page.getByRole('article').filter({ hasText: COURSE });
    await item.getByText(/^Angkatan 2026-2 · /).waitFor();
    await expectNoSeriousA11yViolations(page, 'my enrolments with runs');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('an agency admin schedules a new run of a course, then cancels it', async () => {
    await page.setViewportSize(DESKTOP);
    await signIn(admin.nip!);
    await page.goto(`${app.url}/admin/kursus/${course.id}`);
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    const section = page.getByRole('region', { name: 'Angkatan' });
    await section.getByText('Angkatan 2026-2').waitFor();

    await section.getByRole('button', { name: 'Tambah angkatan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Angkatan baru' });
    await dialog.getByLabel('Kode angkatan').fill('2027-1');
    await dialog.getByLabel('Mulai (WIB)').fill('2027-03-01T08:00');
    await dialog.getByLabel('Selesai (WIB)').fill('2027-03-03T16:00');
    await dialog.getByLabel('Tempat').fill('Balai Diklat Kota Makassar');
    await dialog.getByLabel('Tautan kelas daring').fill('vicon-tanpa-https');
    await dialog.getByLabel('Kapasitas (kursi)').fill('15');
    await dialog.getByRole('radio', { name: 'Terbuka' }).check();
    await dialog.getByRole('button', { name: 'Jadwalkan angkatan' }).click();
    // A link without https:// is refused under its field before anything is sent.
    await dialog.getByText('Tautan harus diawali https://.').waitFor();
    await expectNoSeriousA11yViolations(page, 'new run form');
    await dialog.getByLabel('Tautan kelas daring').fill('https://vicon.makassarkota.go.id/2027-1');
    await dialog.getByRole('button', { name: 'Jadwalkan angkatan' }).click();
    await page.getByText('Angkatan 2027-1 dijadwalkan.').waitFor();

    const added = section.getByRole('listitem', { name: 'Angkatan 2027-1' });
    await added.getByText('Balai Diklat Kota Makassar').waitFor();
    await added.getByText(/0 dari 15 kursi terisi/).waitFor();
    const [row] = await app.sql(`select code, capacity, location, online_url, enrolment_policy, status, starts_at from course_run where course_id = $1 and code = '2027-1'`, [course.id]);
    expect(row).toMatchObject({ code: '2027-1', capacity: 15, location: 'Balai Diklat Kota Makassar', online_url: 'https://vicon.makassarkota.go.id/2027-1', enrolment_policy: 'OPEN', status: 'SCHEDULED' });
    expect(new Date(row.starts_at).toISOString()).toBe('2027-03-01T01:00:00.000Z'); // 08.00 WIB

    await added.getByRole('button', { name: 'Batalkan Angkatan 2027-1' }).click();
    const confirm = page.getByRole('dialog', { name: 'Batalkan Angkatan 2027-1?' });
    await confirm.getByRole('button', { name: 'Ya, batalkan angkatan' }).click();
    await page.getByText('Angkatan 2027-1 dibatalkan.').waitFor();
    // axe on the page, not on the dialog fading out.
    await page.getByRole('button', { name: 'Jangan batalkan' }).waitFor({ state: 'detached' });
    await added.getByText('Dibatalkan', { exact: true }).waitFor();
    expect((await app.sql(`select status from course_run where course_id = $1 and code = '2027-1'`, [course.id]))[0].status).toBe('CANCELLED');
    await expectNoSeriousA11yViolations(page, 'course admin with runs');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('an agency admin picks a partner lecturer the agreement allows for the run’s dates, at 360 px, and saves', async () => {
    await page.setViewportSize(PHONE);
    await signIn(admin.nip!);
    await page.goto(`${app.url}/admin/kursus/${course.id}`);
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await page.getByRole('region', { name: 'Angkatan' }).getByRole('button', { name: 'Tambah angkatan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Angkatan baru' });
    await dialog.getByLabel('Kode angkatan').fill('2027-2');
    await dialog.getByLabel('Mulai (WIB)').fill('2027-03-01T08:00');
    await dialog.getByLabel('Selesai (WIB)').fill('2027-03-03T16:00');

    // Searching by name offers the lecturer the PKS allows then, with their university and the agreement; not the other.
    await dialog.getByLabel('Pengajar').fill('Andi');
    await page.getByRole('option', { name: 'Dr. Andi Makkasau — Universitas Hasanuddin (PKS 12/2026)' }).click();
    expect(await page.getByRole('option', { name: /Dr\. Andi Lain/ }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // The run now ends after the agreement: the lecturer stays chosen, and saving shows the server's refusal on the field.
    await dialog.getByLabel('Selesai (WIB)').fill('2027-07-03T16:00');
    await dialog.getByRole('button', { name: 'Jadwalkan angkatan' }).click();
    await dialog.getByText('Perjanjian kerja sama 12/2026 dengan Universitas Hasanuddin berakhir pada 2027-06-30, sebelum kelas ini selesai. Perpanjang perjanjiannya terlebih dahulu.').waitFor();
    expect(await dialog.getByLabel('Pengajar').getAttribute('aria-invalid')).toBe('true');
    // …and the choices for those dates no longer offer them under the agreement (they are listed only as chosen).
    await dialog.getByLabel('Pengajar').fill('Makkasau');
    await page.getByRole('option', { name: 'Dr. Andi Makkasau — Universitas Hasanuddin', exact: true }).waitFor();
    expect(await page.getByRole('option', { name: /PKS 12\/2026/ }).count()).toBe(0);
    await dialog.getByLabel('Pengajar').fill('Tidak Ada Nama Ini');
    await page.getByText('Tidak ada pengajar dengan nama itu yang dapat mengajar pada tanggal ini.').waitFor();
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page, 'run form with a partner lecturer refused');

    await dialog.getByLabel('Selesai (WIB)').fill('2027-03-03T16:00');
    await dialog.getByRole('button', { name: 'Jadwalkan angkatan' }).click();
    await page.getByText('Angkatan 2027-2 dijadwalkan.').waitFor();
    await page.getByRole('listitem', { name: 'Angkatan 2027-2' }).getByText('Pengajar: Dr. Andi Makkasau').waitFor();
    const rows = await app.sql(`select p.full_name from course_run r join course_run_instructor ri on ri.run_id = r.id join person p on p.id = ri.person_id where r.course_id = $1 and r.code = '2027-2'`, [course.id]);
    expect(rows).toEqual([{ full_name: 'Dr. Andi Makkasau' }]);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
