import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseKind, CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/*
 * Workshop sessions in calendars (ARCHITECTURE.md "Time zones and calendars"): each scheduled session is an event of
 * its own (uid session-<id>@lentera, in its venue's zone) in the person's private feed and in the run's .ics, instead
 * of one event from the first session to the last; a cancelled session stays under its uid with STATUS:CANCELLED, so a
 * calendar that already holds it drops it (an event that merely disappears from a feed stays in many apps).
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const ADD = `mutation($input: AddRunSessionInput!) { addRunSession(input: $input) { id } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelRunSession(id: $id, reason: $reason) { id } }`;
const CREATE_FEED = `mutation { createMyCalendarFeed { url } }`;
const LINK = 'https://vicon.example.go.id/sesi';

/** Every event of an iCalendar text, parsed by ical.js with its VTIMEZONEs registered (as a calendar app does). */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid, summary: event.summary, location: event.location ?? null, description: event.description ?? '',
      start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(),
      tzid: (component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
    };
  }).sort((a, b) => a.start.localeCompare(b.start));
}

describe('workshop sessions in calendars', () => {
  it('exports each session as its own event with the right UTC instants, in the feed and in the run’s file', async () => {
    const a = await app.seed.agencyWithStaff(2);
    const course = await app.seed.course({ kind: CourseKind.WORKSHOP, title: 'Lokakarya Kalender', ownerAgency: a.agency, visibility: CourseVisibility.OWN_AGENCY, capacity: 1, policy: EnrolmentPolicy.OPEN });
    const admin = await app.as(a.admin);
    const [seated, waiting] = await Promise.all(a.learners.map((l) => app.as(l)));
    // 09.00–12.00 WITA (01.00–04.00 UTC) in a room, and 13.00–15.00 WIB (06.00–08.00 UTC) online; a third one cancelled.
    const first = (await admin.ok(ADD, { input: { runId: course.run.id, startsAt: '2030-05-06T01:00:00Z', endsAt: '2030-05-06T04:00:00Z', timeZone: 'Asia/Makassar', title: 'Pembukaan', room: 'Aula Baruga', address: 'Jl. Urip Sumoharjo, Makassar' } })).addRunSession;
    const second = (await admin.ok(ADD, { input: { runId: course.run.id, startsAt: '2030-05-07T06:00:00Z', endsAt: '2030-05-07T08:00:00Z', timeZone: 'Asia/Jakarta', title: 'Diskusi', onlineUrl: LINK } })).addRunSession;
    const third = (await admin.ok(ADD, { input: { runId: course.run.id, startsAt: '2030-05-08T06:00:00Z', endsAt: '2030-05-08T08:00:00Z' } })).addRunSession;
    await admin.ok(CANCEL, { id: third.id, reason: 'Digabung dengan sesi kedua' });
    expect((await seated.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('ACTIVE');
    expect((await waiting.ok(ENROL, { runId: course.run.id })).enrol.status).toBe('WAITLISTED');

    const feed = events(await (await fetch((await seated.ok(CREATE_FEED)).createMyCalendarFeed.url)).text());
    expect(feed.map((e) => [e.uid, e.status])).toEqual([
      [`session-${first.id}@lentera`, 'CONFIRMED'], [`session-${second.id}@lentera`, 'CONFIRMED'], [`session-${third.id}@lentera`, 'CANCELLED'],
    ]);
    expect(feed[2]).toMatchObject({ summary: 'Dibatalkan: Lokakarya Kalender', start: '2030-05-08T06:00:00.000Z' });
    expect(feed[0]).toMatchObject({
      summary: 'Lokakarya Kalender — Pembukaan', start: '2030-05-06T01:00:00.000Z', end: '2030-05-06T04:00:00.000Z', tzid: 'Asia/Makassar',
      location: 'Aula Baruga, Jl. Urip Sumoharjo, Makassar',
    });
    expect(feed[1]).toMatchObject({ start: '2030-05-07T06:00:00.000Z', end: '2030-05-07T08:00:00.000Z', tzid: 'Asia/Jakarta' });
    expect(feed[1].description).toContain(LINK);

    // The run's file says the same; a waiting-list place gets no link.
    const file = await fetch(`${app.url}/kalender/angkatan/${course.run.id}.ics`, { headers: { cookie: waiting.sessionCookie! } });
    expect(file.status).toBe(200);
    const fromFile = events(await file.text());
    expect(fromFile.map((e) => [e.uid, e.start, e.end, e.status])).toEqual(feed.map((e) => [e.uid, e.start, e.end, e.status === 'CONFIRMED' ? 'TENTATIVE' : e.status]));
    expect(fromFile[1].description).not.toContain(LINK);
    const waitingFeed = events(await (await fetch((await waiting.ok(CREATE_FEED)).createMyCalendarFeed.url)).text());
    expect(waitingFeed.map((e) => e.uid)).toEqual(feed.map((e) => e.uid));
    expect(waitingFeed[1].description).not.toContain(LINK);
  });
});
