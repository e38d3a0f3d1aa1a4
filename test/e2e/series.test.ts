import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility, DevelopmentForm } from '../../server/src/modules/course/index.js';
import type { Person } from '../../server/src/modules/person/index.js';
import { expectNoSeriousA11yViolations } from '../kit/a11y.js';
import { startAgencyScene, type AgencyScene } from '../kit/agency-scene.js';
import { PHONE, signInAt } from '../kit/browser.js';
import type { SeededCourse } from '../kit/seed.js';
import type { TestApp } from '../kit/test-app.js';

/**
 * Recurring forums in a real Chromium at 360 px: an agency admin opens a workshop's forums from its admin page, builds
 * "every first Tuesday of the month, 13.00–15.00 WIB" for three occurrences, reads the rule in words and the next dates
 * before saving, picks a partner lecturer an agreement covers, saves, sees the occurrences with their registrations and
 * instructor, and cancels one with a reason.
 */
const FORUM = 'Forum Diskusi Inovasi Pelayanan Publik';
const DAY = 86_400_000;

let scene: AgencyScene;
let app: TestApp;
let browser: AgencyScene['browser'];
let page: Page;
let admin: Person;
let learner: Person;
let lecturer: Person;
let workshop: SeededCourse;

beforeAll(async () => {
  // A partner lecturer under a PKS with the agency covering forums; another whose university has none.
  scene = await startAgencyScene({
    agency: 'Pemerintah Provinsi Jawa Barat', admin: 'Dewi Lestari', learner: 'Asep Saepudin',
    course: { title: FORUM, kind: CourseKind.WORKSHOP, form: DevelopmentForm.COMMUNITY_OF_PRACTICE, visibility: CourseVisibility.ALL_AGENCIES },
    lecturers: { university: 'Universitas Padjadjaran', fullName: 'Dr. Rina Kusumawati', agreement: { number: 'PKS/007/UNPAD/2026' }, uncovered: 'Dr. Rina Lain' },
  });
  ({ app, browser, page, admin, learner, course: workshop } = scene);
  lecturer = scene.lecturer!;
}, 180_000);

afterAll(() => scene?.close());

/** The first Tuesdays after today (WIB), YYYY-MM-DD. */
function firstTuesdays(count: number): string[] {
  const from = new Date(Date.now() + 7 * 3_600_000 + DAY).toISOString().slice(0, 10);
  const out: string[] = [];
  const [y, m] = from.split('-').map(Number);
  for (let i = 0; out.length < count; i++) {
    const first = new Date(Date.UTC(y, m - 1 + i, 1));
    const day = new Date(first.getTime() + ((2 - first.getUTCDay() + 7) % 7) * DAY).toISOString().slice(0, 10);
    if (day >= from) out.push(day);
  }
  return out;
}

const longDate = (day: string) => new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

describe('recurring forums, in the browser', () => {
  it('an agency admin creates a monthly forum at 360 px, previews its dates, sees its occurrences and cancels one', async () => {
    await page.setViewportSize(PHONE);
    await signInAt(page, app.url, admin.nip!);
    await page.goto(`${app.url}/admin/kursus/${workshop.id}`);
    await page.getByRole('heading', { level: 1, name: FORUM }).waitFor();
    await page.getByRole('link', { name: 'Rangkaian forum' }).click();
    await page.getByText('Belum ada rangkaian forum untuk lokakarya ini.').waitFor();
    await expectNoSeriousA11yViolations(page, 'series screen, empty');

    await page.getByRole('button', { name: 'Rangkaian baru' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rangkaian forum baru' });
    await dialog.getByLabel('Minggu ke').selectOption('1');
    await dialog.getByLabel('Hari', { exact: true }).selectOption('TU');
    await dialog.getByLabel('Jam mulai (WIB)').fill('13:00');
    await dialog.getByLabel('Jam selesai (WIB)').fill('15:00');
    await dialog.getByRole('radio', { name: 'Setelah sejumlah pertemuan' }).check();
    await dialog.getByRole('textbox', { name: 'Jumlah pertemuan' }).fill('3');
    await dialog.getByLabel('Ruang', { exact: true }).fill('Aula Gedung Sate');
    await dialog.getByLabel('Kursi per pertemuan').fill('40');
    // Only lecturers an agreement covers over the forum's dates are offered, with the agreement's number.
    await dialog.getByLabel('Pengajar', { exact: true }).fill('Rina');
    await page.getByRole('option', { name: 'Dr. Rina Kusumawati — Universitas Padjadjaran (PKS/007/UNPAD/2026)' }).click();
    expect(await page.getByRole('option', { name: /Dr\. Rina Lain/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    // The rule in words and the next dates, computed by the same rrule before anything is saved.
    await dialog.getByText('Setiap Selasa pertama setiap bulan, 13.00–15.00 WIB').waitFor();
    const dates = firstTuesdays(3);
    await expect.poll(() => dialog.getByRole('listitem').allTextContents()).toEqual(dates.map(longDate));
    await expectNoSeriousA11yViolations(page, 'series form');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await dialog.getByRole('button', { name: 'Buat rangkaian' }).click();
    await page.getByText('Rangkaian forum dibuat beserta pertemuannya.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The series in words, and its three occurrences with their seats.
    await page.getByText('Setiap Selasa pertama setiap bulan, 13.00–15.00 WIB').waitFor();
    await page.getByText('Pertemuan (3)').waitFor();
    await page.getByText('Pengajar: Dr. Rina Kusumawati — Universitas Padjadjaran').waitFor();
    const taught = await app.sql(`select r.code, i.person_id from course_run r join course_run_instructor i on i.run_id = r.id where r.course_id = $1 order by r.starts_at`, [workshop.id]);
    expect(taught).toEqual(dates.map((d) => ({ code: d.slice(0, 7), person_id: lecturer.id })));
    const codes = dates.map((d) => `Angkatan ${d.slice(0, 7)}`);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Angkatan' }).locator('p[id^="occurrence-"]').allTextContents()).toEqual(codes);
    const first = page.getByRole('listitem').filter({ hasText: codes[0] });
    await first.getByText('0 dari 40 kursi terisi').waitFor();
    await expectNoSeriousA11yViolations(page, 'series screen with occurrences');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Cancel the second one, with a reason.
    await page.getByRole('button', { name: `Batalkan pertemuan ${dates[1].slice(0, 7)}` }).click();
    const confirm = page.getByRole('dialog', { name: `Batalkan pertemuan ${dates[1].slice(0, 7)}?` });
    await confirm.getByRole('button', { name: 'Batalkan pertemuan' }).click();
    await confirm.getByText(/^Wajib diisi/).waitFor();
    await confirm.getByLabel('Alasan pembatalan').fill('Bertepatan dengan cuti bersama');
    await confirm.getByRole('button', { name: 'Batalkan pertemuan' }).click();
    await page.getByText(`Pertemuan ${dates[1].slice(0, 7)} dibatalkan.`).waitFor();
    await confirm.waitFor({ state: 'detached' });
    const second = page.getByRole('listitem').filter({ hasText: codes[1] });
    await second.getByText('Dibatalkan: Bertepatan dengan cuti bersama').waitFor();
    const rows = await app.sql(`select r.code, r.status, s.status as session_status from course_run r join run_session s on s.run_id = r.id where r.course_id = $1 order by r.starts_at`, [workshop.id]);
    expect(rows).toEqual(dates.map((d, i) => ({ code: d.slice(0, 7), status: i === 1 ? 'CANCELLED' : 'SCHEDULED', session_status: i === 1 ? 'CANCELLED' : 'SCHEDULED' })));
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('a learner registers for one occurrence and is still offered the next (each occurrence is joined on its own)', async () => {
    await page.context().clearCookies();
    await page.setViewportSize(PHONE);
    await signInAt(page, app.url, learner.nip!);
    await page.goto(`${app.url}/kursus/${workshop.id}`);
    await page.getByRole('heading', { level: 1, name: FORUM }).waitFor();
    const [first, third] = [0, 2].map((i) => page.getByRole('article', { name: `Angkatan ${firstTuesdays(3)[i].slice(0, 7)}` }));
    await first.getByText(/Pengajar: Dr\. Rina Kusumawati/).waitFor();
    await first.getByRole('button', { name: 'Daftar sekarang' }).click();
    await first.getByText('Aktif', { exact: true }).waitFor();
    // The next one still offers its button instead of "already in another run".
    await third.getByRole('button', { name: 'Daftar sekarang' }).click();
    await third.getByText('Aktif', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'forum page with two occurrences taken');
    const rows = await app.sql(`select r.code, e.status from enrolment e join course_run r on r.id = e.run_id where e.person_id = $1 order by r.starts_at`, [learner.id]);
    expect(rows).toEqual([0, 2].map((i) => ({ code: firstTuesdays(3)[i].slice(0, 7), status: 'ACTIVE' })));
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
