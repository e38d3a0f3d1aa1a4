import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { workshopWorld } from '../api/workshop-fixture.js';

/**
 * Attendance in a browser at 360 px (ARCHITECTURE.md "Workshops"): the instructor takes attendance with one thumb
 * from their home, and a learner checks in with the 6-digit code the instructor's QR page shows.
 */
let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  browser = await openBrowser();
  await browser.page.setViewportSize(PHONE);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const linesOf = (sessionId: string) => app.sql(`select enrolment_id, status, late_minutes, method from session_attendance where session_id = $1 order by enrolment_id`, [sessionId]);

describe('attendance at 360 px', () => {
  it('an instructor opens the sheet from their home, marks late with minutes and absent, then everyone else present', async () => {
    const w = await workshopWorld(app, { learners: 3 });
    const session = await w.session(-20, 120, 'Hari 1: Pembukaan');
    const names = await app.sql<{ id: string; full_name: string }>(`select e.id, p.full_name from enrolment e join person p on p.id = e.person_id where e.run_id = $1`, [w.run.id]);
    const [late, absent] = names;
    const page = browser.page;
    await signInAt(page, app.url, w.instructor.nip!);
    await page.goto(`${app.url}/`);
    await page.getByTestId('attendance-to-take').getByRole('link', { name: /Hari 1: Pembukaan/ }).click();
    await page.waitForURL(`**/mengajar/sesi/${session.id}`);
    await page.getByTestId('attendance-counts').getByText('Belum 3 dari 3').waitFor();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const lateButton = page.getByRole('button', { name: `Terlambat: ${late.full_name}` });
    const box = await lateButton.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(48);
    await lateButton.click();
    await page.getByLabel('Terlambat berapa menit?').fill('25');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Terlambat 25 menit').waitFor();
    await page.getByRole('button', { name: `Tidak hadir: ${absent.full_name}` }).click();
    await page.getByTestId('attendance-counts').getByText('Tidak hadir 1').waitFor();
    await page.getByRole('button', { name: 'Semua hadir' }).click();
    await page.getByTestId('attendance-counts').getByText('Hadir 1 · Terlambat 1 · Tidak hadir 1 · Izin 0 · Belum 0 dari 3').waitFor();
    const lines = await linesOf(session.id);
    expect(lines.map((l) => [l.enrolment_id, l.status, l.late_minutes]).sort()).toEqual([
      [late.id, 'LATE', 25], [absent.id, 'ABSENT', null], [names[2].id, 'PRESENT', null],
    ].sort());
    // The full-screen QR page of the same session shows the code, large.
    await page.getByRole('link', { name: 'Tampilkan QR presensi' }).click();
    await page.getByTestId('check-in-qr').waitFor();
    expect(await page.getByTestId('check-in-code').textContent()).toMatch(/^\d{3} \d{3}$/);
    await page.context().clearCookies();
  }, 120_000);

  it('a learner checks in with the 6-digit code the instructor’s QR page shows', async () => {
    const w = await workshopWorld(app, { learners: 1 });
    const session = await w.session(-5, 90, 'Sesi Pleno');
    // The code as the instructor's screen shows it, read through the API as the instructor.
    const instructor = await app.as(w.instructor);
    const { code } = (await instructor.ok(`query($id: ID!) { sessionCheckIn(sessionId: $id) { code } }`, { id: session.id })).sessionCheckIn;
    const page = browser.page;
    await signInAt(page, app.url, w.learners[0].nip!);
    await page.goto(`${app.url}/hadir`);
    await page.getByLabel('Kode 6 angka').fill(code);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole('button', { name: 'Catat kehadiran' }).click();
    await page.getByTestId('check-in-result').getByText('Kehadiran Anda tercatat').waitFor();
    await page.getByTestId('check-in-result').getByText(/Sesi Pleno: Hadir/).waitFor();
    expect(await linesOf(session.id)).toEqual([{ enrolment_id: w.enrolments[0], status: 'PRESENT', late_minutes: null, method: 'CODE' }]);
    await page.context().clearCookies();
  }, 120_000);
});
