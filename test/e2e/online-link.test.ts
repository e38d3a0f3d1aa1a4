import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { CourseVisibility, DeliveryMode, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { openBrowser, PHONE, requireBuiltClient, signInAt } from '../kit/browser.js';
import type { SeededCourse } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * A run's online link comes from the server only to its seat holders (test/api/online-link.test.ts): a learner on the
 * waiting list is told, on the course page and on their enrolment card, that the link comes with a seat; the learner
 * holding the seat gets the link on the same screens.
 */
const COURSE = 'Bimtek Penyusunan Anggaran Daring';
const LINK = 'https://vicon.example.go.id/anggaran';
const DAY = 86_400_000;
const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;

let app: TestApp;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let seated: Person;
let waiting: Person;
let course: SeededCourse;

beforeAll(async () => {
  requireBuiltClient();
  app = await startTestApp();
  const agency = await app.seed.agency({ name: 'Pemerintah Kabupaten Sleman' });
  seated = await app.seed.person({ agency, fullName: 'Dewi Lestari' });
  waiting = await app.seed.person({ agency, fullName: 'Bagus Santoso' });
  course = await app.seed.course({
    title: COURSE, ownerAgency: agency, visibility: CourseVisibility.OWN_AGENCY, delivery: DeliveryMode.BLENDED, capacity: 1, policy: EnrolmentPolicy.OPEN,
    startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 11 * DAY), location: 'Aula Setda Sleman',
  });
  await app.sql(`update course_run set online_url = $1 where id = $2`, [LINK, course.run.id]);
  expect((await (await app.as(seated)).ok(ENROL, { runId: course.run.id })).enrol.status).toBe('ACTIVE');
  expect((await (await app.as(waiting)).ok(ENROL, { runId: course.run.id })).enrol.status).toBe('WAITLISTED');
  browser = await openBrowser();
  page = browser.page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const signIn = (login: string) => signInAt(page, app.url, login);

describe('a run’s online link, in the browser', () => {
  it('is promised to a learner on the waiting list and given to the one holding the seat', async () => {
    await page.setViewportSize(PHONE);
    await signIn(waiting.nip!);
    await page.goto(`${app.url}/kursus/${course.id}`);
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    const run = page.getByRole('article', { name: 'Angkatan 1' });
    await run.getByText('Daring · tautan kelas ditampilkan setelah Anda mendapat kursi').waitFor();
    expect(await page.getByRole('link', { name: 'Buka tautan kelas daring' }).count()).toBe(0);
    await page.goto(`${app.url}/pendaftaran`);
    const card = page.getByRole('article', { name: COURSE });
    await card.getByText('Daring · tautan kelas ditampilkan setelah Anda mendapat kursi').waitFor();
    expect(await page.getByRole('link', { name: 'Buka tautan kelas daring' }).count()).toBe(0);
    expect(await page.content()).not.toContain(LINK);

    await signIn(seated.nip!);
    await page.goto(`${app.url}/pendaftaran`);
    const mine = page.getByRole('article', { name: COURSE });
    expect(await mine.getByRole('link', { name: 'Buka tautan kelas daring' }).getAttribute('href')).toBe(LINK);
    await page.goto(`${app.url}/kursus/${course.id}`);
    expect(await page.getByRole('article', { name: 'Angkatan 1' }).getByRole('link', { name: 'Buka tautan kelas daring' }).getAttribute('href')).toBe(LINK);
  });
});
