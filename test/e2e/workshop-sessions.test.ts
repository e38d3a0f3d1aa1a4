import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { startAgencyScene, type AgencyScene } from '../kit/agency-scene.js';
import { PHONE, signInAt } from '../kit/browser.js';
import type { SeededCourse } from '../kit/seed.js';
import type { TestApp } from '../kit/test-app.js';

/**
 * Workshop sessions in a real Chromium: an agency admin, on a 360 px phone, adds two sessions to a workshop run (one in
 * WIB in a room, one in WITA online); a learner who registered sees both on the workshop's page, in their own zone with
 * the venue's named, and the online link.
 */
const TITLE = 'Lokakarya Perencanaan Pembangunan Daerah';
const DAY = 86_400_000;

let scene: AgencyScene;
let app: TestApp;
let page: Page;
let admin: Person;
let learner: Person;
let workshop: SeededCourse;

beforeAll(async () => {
  scene = await startAgencyScene({
    agency: 'Pemerintah Kota Balikpapan', admin: 'Siti Rahmawati', learner: 'Budi Santoso',
    course: {
      kind: CourseKind.WORKSHOP, title: TITLE, visibility: CourseVisibility.OWN_AGENCY, policy: EnrolmentPolicy.OPEN, capacity: 30,
      startsAt: new Date(Date.now() + 20 * DAY), endsAt: new Date(Date.now() + 21 * DAY),
    },
  });
  ({ app, page, admin, learner, course: workshop } = scene);
  const status = (await (await app.as(learner)).ok(`mutation($runId: ID!) { enrol(runId: $runId) { status } }`, { runId: workshop.run.id })).enrol.status;
  expect(status).toBe('ACTIVE');
}, 180_000);

afterAll(() => scene?.close());

/** The next year's 6 May and 7 May, as typed in a datetime-local field. */
const year = new Date().getUTCFullYear() + 1;

async function addSession(fields: { title: string; zone?: string; starts: string; ends: string; room?: string; onlineUrl?: string }) {
  await page.getByRole('button', { name: 'Tambah sesi' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
  await dialog.getByLabel('Judul sesi').fill(fields.title);
  if (fields.zone) await dialog.getByLabel('Zona waktu tempat acara').selectOption(fields.zone);
  await dialog.getByLabel(/^Mulai/).fill(fields.starts);
  await dialog.getByLabel(/^Selesai/).fill(fields.ends);
  if (fields.room) await dialog.getByLabel('Ruang').fill(fields.room);
  if (fields.onlineUrl) await dialog.getByLabel('Tautan daring (https)').fill(fields.onlineUrl);
  await dialog.getByRole('button', { name: 'Tambah sesi' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(fields.title, { exact: true }).waitFor();
}

describe('workshop sessions, in the browser', () => {
  it('an agency admin creates a workshop with a fixed JP at 360 px', async () => {
    await page.setViewportSize(PHONE);
    await signInAt(page, app.url, admin.nip!);
    await page.goto(`${app.url}/admin/kursus/baru`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('radio', { name: 'Lokakarya & acara' }).check();
    await page.getByLabel(/^Kode/).fill('LOK-UJI-01');
    await page.getByLabel(/^Judul/).fill('Lokakarya Uji Coba');
    await page.getByLabel(/^Jam pelajaran/).fill('6');
    await page.getByRole('radio', { name: 'JP tetap bila hadir cukup' }).check();
    await page.getByRole('textbox', { name: 'JP tetap' }).fill('6');
    await page.getByLabel(/^Kehadiran minimal/).fill('75');
    await page.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await page.waitForURL(/\/admin\/kursus\/[0-9a-f-]{36}/);
    const [course] = await app.sql(`select kind, attendance_credit, fixed_jp::float8 as fixed_jp, min_attendance_percent from course where code = 'LOK-UJI-01'`);
    expect(course).toEqual({ kind: 'WORKSHOP', attendance_credit: 'FIXED_JP', fixed_jp: 6, min_attendance_percent: 75 });
  }, 120_000);

  it('an agency admin adds two sessions at 360 px, and a registered learner sees them', async () => {
    await page.setViewportSize(PHONE);
    await signInAt(page, app.url, admin.nip!);
    await page.goto(`${app.url}/admin/angkatan/${workshop.run.id}`);
    await page.getByRole('heading', { level: 1, name: 'Sesi & materi' }).waitFor();
    await page.getByText('Belum ada sesi.', { exact: false }).waitFor();

    await addSession({ title: 'Pembukaan dan paparan', starts: `${year}-05-06T09:00`, ends: `${year}-05-06T12:00`, room: 'Aula Kantor Wali Kota' });
    await addSession({ title: 'Diskusi kelompok', zone: 'Asia/Makassar', starts: `${year}-05-07T13:00`, ends: `${year}-05-07T15:00`, onlineUrl: 'https://vicon.balikpapan.go.id/lokakarya' });
    // Listed in order, each in the admin's zone (WIB) with the venue's named when it differs.
    const sessions = page.getByRole('listitem').filter({ hasText: /Pembukaan dan paparan|Diskusi kelompok/ });
    await expect.poll(() => sessions.allInnerTexts()).toEqual([
      expect.stringContaining('09.00–12.00'),
      expect.stringContaining('12.00–14.00 WIB (13.00–15.00 WITA)'),
    ]);
    await expectNoSeriousA11yViolations(page, 'workshop run sessions at 360 px');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    const [run] = await app.sql(`select starts_at, ends_at from course_run where id = $1`, [workshop.run.id]);
    expect(new Date(run.starts_at).toISOString()).toBe(`${year}-05-06T02:00:00.000Z`);
    expect(new Date(run.ends_at).toISOString()).toBe(`${year}-05-07T07:00:00.000Z`);

    await page.context().clearCookies();
    await signInAt(page, app.url, learner.nip!);
    await page.goto(`${app.url}/kursus/${workshop.id}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Pembukaan dan paparan').waitFor();
    await page.getByText('Diskusi kelompok').waitFor();
    await page.getByText('Aula Kantor Wali Kota').waitFor();
    await page.getByText(/12\.00–14\.00 WIB \(13\.00–15\.00 WITA\)/).waitFor();
    await expect(page.getByRole('link', { name: 'Gabung daring' }).getAttribute('href')).resolves.toBe('https://vicon.balikpapan.go.id/lokakarya');
  }, 120_000);
});
