import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawEnrolment(id: $id) { id status } }`;
const APPROVE = `mutation($id: ID!) { approveEnrolment(id: $id) { id status } }`;
const UPDATE_RUN = `mutation($id: ID!, $input: UpdateCourseRunInput!) { updateCourseRun(id: $id, input: $input) { id timeZone } }`;
const CREATE_FEED = `mutation { createMyCalendarFeed { url createdAt } }`;
const REVOKE_FEED = `mutation { revokeMyCalendarFeed }`;
const MY_FEED = `query { myCalendarFeed { createdAt } }`;
const SET_ZONE = `mutation($timeZone: String!) { setMyTimeZone(timeZone: $timeZone) { id timeZone } }`;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  tzid: string | null;
  location: string | null;
  description: string;
  status: string | null;
}

/** Parses an iCalendar text with ical.js (its VTIMEZONEs registered first, as a calendar app does). */
function parseCalendar(text: string): { events: ParsedEvent[]; zones: string[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone').map((tz) => {
    const zone = new ICAL.Timezone(tz);
    ICAL.TimezoneService.register(zone);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: (component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      location: event.location ?? null,
      description: event.description ?? '',
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
    };
  });
  return { events, zones };
}

async function get(path: string, cookie?: string | null): Promise<Response> {
  return fetch(`${app.url}${path}`, { headers: cookie ? { cookie } : {} });
}

let n = 0;
/** An agency's learners (with e-mail addresses) and an open run of a course in the given venue zone. */
async function world(opts: { learners?: number; capacity?: number | null; policy?: EnrolmentPolicy; zone?: string; startsAt?: string; endsAt?: string } = {}) {
  const staff = await app.seed.agencyWithStaff(opts.learners ?? 2);
  const course = await app.seed.course({
    ownerAgency: staff.agency, title: `Bimtek Kalender ${++n}`, capacity: opts.capacity ?? null, policy: opts.policy ?? EnrolmentPolicy.OPEN,
    startsAt: new Date(opts.startsAt ?? '2027-03-10T02:00:00Z'), endsAt: new Date(opts.endsAt ?? '2027-03-10T06:00:00Z'), location: 'Aula Lantai 3',
  });
  await app.sql(`update course_run set time_zone = $1, online_url = $2 where id = $3`, [opts.zone ?? 'Asia/Jakarta', `https://meet.example.id/rapat-${n}`, course.run.id]);
  for (const [i, learner] of staff.learners.entries()) {
    await app.sql(`update person set email = $1 where id = $2`, [`kal.${process.pid}.${n}.${i}@instansi.go.id`, learner.id]);
  }
  return { ...staff, course, onlineUrl: `https://meet.example.id/rapat-${n}`, emailOf: (i: number) => `kal.${process.pid}.${n}.${i}@instansi.go.id` };
}

describe('a run as an iCalendar file', () => {
  it('carries each run in its venue zone with the right UTC instants (WIB, WITA, WIT)', async () => {
    const cases = [
      // 09.00–13.00 WIB, 13.00–15.00 WITA, 08.00–10.00 WIT (the day before in UTC).
      { zone: 'Asia/Jakarta', startsAt: '2027-03-10T02:00:00.000Z', endsAt: '2027-03-10T06:00:00.000Z', wall: '20270310T090000' },
      { zone: 'Asia/Makassar', startsAt: '2027-03-10T05:00:00.000Z', endsAt: '2027-03-10T07:00:00.000Z', wall: '20270310T130000' },
      { zone: 'Asia/Jayapura', startsAt: '2027-03-09T23:00:00.000Z', endsAt: '2027-03-10T01:00:00.000Z', wall: '20270310T080000' },
    ];
    for (const c of cases) {
      const w = await world({ startsAt: c.startsAt, endsAt: c.endsAt });
      // The venue's zone is edited where the run is edited.
      const admin = await app.as(w.admin);
      expect((await admin.ok(UPDATE_RUN, { id: w.course.run.id, input: { timeZone: c.zone } })).updateCourseRun.timeZone).toBe(c.zone);
      const learner = await app.as(w.learners[0]);
      await learner.ok(ENROL, { runId: w.course.run.id });

      const res = await get(`/kalender/angkatan/${w.course.run.id}.ics`, learner.sessionCookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const text = await res.text();
      expect(text).toContain(`DTSTART;TZID=${c.zone}:${c.wall}`);
      const { events, zones } = parseCalendar(text);
      expect(zones).toContain(c.zone);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ summary: w.course.title, start: c.startsAt, end: c.endsAt, tzid: c.zone, location: 'Aula Lantai 3' });
    }
  });

  it('refuses a zone outside WIB, WITA and WIT, and writes nothing', async () => {
    const w = await world();
    const admin = await app.as(w.admin);
    expect(await admin.errorCode(UPDATE_RUN, { id: w.course.run.id, input: { timeZone: 'Asia/Singapore' } })).toBe('BAD_USER_INPUT');
    expect((await app.sql(`select time_zone from course_run where id = $1`, [w.course.run.id]))[0].time_zone).toBe('Asia/Jakarta');
    await expect(app.sql(`update course_run set time_zone = 'Europe/Berlin' where id = $1`, [w.course.run.id])).rejects.toThrow(/course_run_time_zone_known/);
  });

  it('gives the online link only to who holds a seat; others who may see the run get the place; anonymous gets 404', async () => {
    const w = await world({ learners: 2 });
    const seated = await app.as(w.learners[0]);
    await seated.ok(ENROL, { runId: w.course.run.id });
    const bystander = await app.as(w.learners[1]);

    const mine = parseCalendar(await (await get(`/kalender/angkatan/${w.course.run.id}.ics`, seated.sessionCookie)).text()).events[0];
    expect(mine.description).toContain(w.onlineUrl);

    const res = await get(`/kalender/angkatan/${w.course.run.id}.ics`, bystander.sessionCookie);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(w.onlineUrl);
    expect(parseCalendar(text).events[0].location).toBe('Aula Lantai 3');

    expect((await get(`/kalender/angkatan/${w.course.run.id}.ics`)).status).toBe(404);
    expect((await get(`/kalender/angkatan/${w.course.run.id}.ics`, 'lentera_session=bukan-sesi')).status).toBe(404);
  });
});

describe('the private calendar feed', () => {
  it('lists exactly the viewer’s registrations, without cookies; 404 after revoking; a new URL works and the old does not', async () => {
    const w = await world({ learners: 2, capacity: 1 });
    const other = await app.seed.run(w.course, { code: 'B', startsAt: new Date('2027-04-01T01:00:00Z'), endsAt: new Date('2027-04-01T05:00:00Z') });
    const elsewhere = await app.seed.course({ ownerAgency: w.agency, startsAt: new Date('2027-05-01T01:00:00Z'), endsAt: new Date('2027-05-01T03:00:00Z') });
    const [a, b] = [await app.as(w.learners[0]), await app.as(w.learners[1])];
    // a holds the one seat of run 1; b waits for it and also holds a seat in another course's run; a withdrew from that one.
    await a.ok(ENROL, { runId: w.course.run.id });
    await b.ok(ENROL, { runId: w.course.run.id });
    await b.ok(ENROL, { runId: elsewhere.run.id });
    const gone = (await a.ok(ENROL, { runId: elsewhere.run.id })).enrol.id;
    await a.ok(WITHDRAW, { id: gone });
    expect(other.id).toBeTruthy();

    expect((await b.ok(MY_FEED)).myCalendarFeed).toBeNull();
    const { url } = (await b.ok(CREATE_FEED)).createMyCalendarFeed;
    expect(url).toMatch(new RegExp(`^${app.url}/kalender/[\\w-]{43}\\.ics$`));
    expect((await b.ok(MY_FEED)).myCalendarFeed.createdAt).toBeTruthy();
    // The token is stored only as its SHA-256.
    const token = /\/kalender\/([\w-]+)\.ics$/.exec(url)![1];
    expect(JSON.stringify(await app.sql(`select * from calendar_feed`))).not.toContain(token);

    const res = await fetch(url); // no cookie, as Google Calendar asks
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('set-cookie')).toBeNull();
    const { events } = parseCalendar(await res.text());
    expect(events.map((e) => e.uid).sort()).toEqual([`run-${elsewhere.run.id}@lentera`, `run-${w.course.run.id}@lentera`].sort());
    const waiting = events.find((e) => e.uid === `run-${w.course.run.id}@lentera`)!;
    expect(waiting.status).toBe('TENTATIVE');
    // A waiting-list place is not a seat in the meeting.
    expect(waiting.description).not.toContain(w.onlineUrl);

    // a's feed is a's: the run a withdrew from is not in it, the seat a holds is, with its link.
    const aUrl = (await a.ok(CREATE_FEED)).createMyCalendarFeed.url;
    const aEvents = parseCalendar(await (await fetch(aUrl)).text()).events;
    expect(aEvents.map((e) => e.uid)).toEqual([`run-${w.course.run.id}@lentera`]);
    expect(aEvents[0].description).toContain(w.onlineUrl);
    expect(aEvents[0].status).toBe('CONFIRMED');

    expect((await b.ok(REVOKE_FEED)).revokeMyCalendarFeed).toBe(true);
    expect((await fetch(url)).status).toBe(404);
    expect((await b.ok(MY_FEED)).myCalendarFeed).toBeNull();
    expect((await b.ok(REVOKE_FEED)).revokeMyCalendarFeed).toBe(false);

    const renewed = (await b.ok(CREATE_FEED)).createMyCalendarFeed.url;
    expect(renewed).not.toBe(url);
    expect((await fetch(renewed)).status).toBe(200);
    const again = (await b.ok(CREATE_FEED)).createMyCalendarFeed.url;
    expect((await fetch(renewed)).status).toBe(404);
    expect((await fetch(again)).status).toBe(200);
    // a's feed is untouched by b's changes.
    expect((await fetch(aUrl)).status).toBe(200);

    expect((await get('/kalender/tidak-ada-token-seperti-ini-sama-sekali.ics')).status).toBe(404);
    expect((await get('/kalender/x.ics')).status).toBe(404);
  });

  it('carries the runs an instructor teaches, with their link, but not a cancelled one', async () => {
    const w = await world({ learners: 1 });
    const lecturer = await app.seed.person({ agency: w.agency, fullName: 'Pengajar Kalender', roles: [{ role: Role.INSTRUCTOR }] });
    const taught = await app.seed.course({
      ownerAgency: w.agency, instructors: [lecturer], startsAt: new Date('2027-06-01T01:00:00Z'), endsAt: new Date('2027-06-01T04:00:00Z'),
    });
    const cancelled = await app.seed.course({
      ownerAgency: w.agency, instructors: [lecturer], startsAt: new Date('2027-07-01T01:00:00Z'), endsAt: new Date('2027-07-01T04:00:00Z'),
    });
    await app.sql(`update course_run set online_url = 'https://meet.example.id/ajar' where id = $1`, [taught.run.id]);
    await app.sql(`update course_run set status = 'CANCELLED' where id = $1`, [cancelled.run.id]);
    const client = await app.as(lecturer);
    const { url } = (await client.ok(CREATE_FEED)).createMyCalendarFeed;
    const { events } = parseCalendar(await (await fetch(url)).text());
    expect(events.map((e) => e.uid)).toEqual([`run-${taught.run.id}@lentera`]);
    expect(events[0].description).toContain('https://meet.example.id/ajar');
    expect(events[0].status).toBe('CONFIRMED');
  });

  it('stops answering when its person is deactivated', async () => {
    const w = await world({ learners: 1 });
    const learner = await app.as(w.learners[0]);
    const { url } = (await learner.ok(CREATE_FEED)).createMyCalendarFeed;
    expect((await fetch(url)).status).toBe(200);
    await app.sql(`update person set active = false where id = $1`, [w.learners[0].id]);
    expect((await fetch(url)).status).toBe(404);
  });
});

describe('the person’s time zone', () => {
  it('starts from their agency’s zone and is theirs to change, among WIB, WITA and WIT', async () => {
    const w = await world({ learners: 1 });
    const learner = await app.as(w.learners[0]);
    expect((await learner.ok(SET_ZONE, { timeZone: 'Asia/Makassar' })).setMyTimeZone.timeZone).toBe('Asia/Makassar');
    expect((await learner.ok(`query { me { timeZone } }`)).me.timeZone).toBe('Asia/Makassar');
    expect(await learner.errorCode(SET_ZONE, { timeZone: 'Europe/Berlin' })).toBe('BAD_USER_INPUT');
    expect((await learner.ok(`query { me { timeZone } }`)).me.timeZone).toBe('Asia/Makassar');
  });

  it('gives a new person their agency’s zone', async () => {
    const w = await world({ learners: 0 });
    await app.sql(`update agency set time_zone = 'Asia/Jayapura' where id = $1`, [w.agency.id]);
    const admin = await app.as(w.admin);
    const created = await admin.ok(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { agencyId: w.agency.id, fullName: 'Yohana Wenda', employmentType: 'PNS', nip: '198803152010012001', initialPassword: 'Rahasia-Baru-123' } },
    );
    expect((await app.sql(`select time_zone from person where id = $1`, [created.createPerson.id]))[0].time_zone).toBe('Asia/Jayapura');
  });
});

const seatJobs = async (enrolmentId: string) =>
  (await app.sql(`select data->>'kind' as kind from pgboss.job where name = 'mail' and data->>'enrolmentId' = $1`, [enrolmentId])).map((r) => r.kind as string);

/** Gives the worker (polling every 0.5 s in tests) time to send whatever else was queued. */
const settle = () => new Promise((r) => setTimeout(r, 2_500));

describe('seat mails', () => {
  it('confirms a registration once, in the learner’s language, with the run’s calendar attached', async () => {
    const w = await world({ learners: 1, zone: 'Asia/Makassar', startsAt: '2027-03-10T05:00:00Z', endsAt: '2027-03-10T07:00:00Z' });
    await app.sql(`update person set locale = 'en' where id = $1`, [w.learners[0].id]);
    const learner = await app.as(w.learners[0]);
    const { id } = (await learner.ok(ENROL, { runId: w.course.run.id })).enrol;
    // Enrolling again is idempotent: no second mail.
    await learner.ok(ENROL, { runId: w.course.run.id });

    const mail = await app.mail.waitFor((m) => m.to.includes(w.emailOf(0)));
    expect(mail.subject).toBe(`Registration confirmed: ${w.course.title}`);
    expect(mail.language).toBe('en');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toMatch(/^text\/calendar/);
    const { events } = parseCalendar(mail.attachments[0].content);
    expect(events[0]).toMatchObject({ start: '2027-03-10T05:00:00.000Z', tzid: 'Asia/Makassar' });
    expect(events[0].description).toContain(w.onlineUrl);
    await settle();
    expect(app.mail.messages.filter((m) => m.to.includes(w.emailOf(0)))).toHaveLength(1);
    expect(await seatJobs(id)).toEqual(['registration-confirmed']);
  });

  it('sends an approval that seats the learner as one mail (approved, with the calendar), not two', async () => {
    const w = await world({ learners: 1, policy: EnrolmentPolicy.SUPERVISOR_APPROVAL });
    const { id } = (await (await app.as(w.learners[0])).ok(ENROL, { runId: w.course.run.id })).enrol;
    await (await app.as(w.supervisor)).ok(APPROVE, { id });
    const mail = await app.mail.waitFor((m) => m.to.includes(w.emailOf(0)));
    expect(mail.subject).toBe(`Permintaan Anda disetujui: ${w.course.title}`);
    expect(parseCalendar(mail.attachments[0].content).events[0].uid).toBe(`run-${w.course.run.id}@lentera`);
    await settle();
    expect(app.mail.messages.filter((m) => m.to.includes(w.emailOf(0)))).toHaveLength(1);
  });

  it('tells the first on the waiting list they moved up when a seat frees, once (not again on a retried withdrawal or a later change)', async () => {
    const w = await world({ learners: 3, capacity: 1 });
    const [a, b, c] = [await app.as(w.learners[0]), await app.as(w.learners[1]), await app.as(w.learners[2])];
    const seat = (await a.ok(ENROL, { runId: w.course.run.id })).enrol.id;
    const first = (await b.ok(ENROL, { runId: w.course.run.id })).enrol;
    const second = (await c.ok(ENROL, { runId: w.course.run.id })).enrol;
    expect([first.status, second.status]).toEqual(['WAITLISTED', 'WAITLISTED']);
    expect(app.mail.messages.filter((m) => m.to.includes(w.emailOf(1)))).toHaveLength(0);

    expect((await a.ok(WITHDRAW, { id: seat })).withdrawEnrolment.status).toBe('WITHDRAWN');
    // The same withdrawal sent again (a double tap, a retried request) frees nothing more.
    expect(await a.errorCode(WITHDRAW, { id: seat })).toBe('INVALID_TRANSITION');
    const mail = await app.mail.waitFor((m) => m.to.includes(w.emailOf(1)));
    expect(mail.subject).toBe(`Anda mendapat kursi: ${w.course.title}`);
    expect(mail.text).toContain('daftar tunggu');
    expect(parseCalendar(mail.attachments[0].content).events[0].description).toContain(w.onlineUrl);

    // Raising the capacity seats the next one: their own mail, none again for the first.
    await (await app.as(w.admin)).ok(UPDATE_RUN, { id: w.course.run.id, input: { capacity: 2 } });
    await app.mail.waitFor((m) => m.to.includes(w.emailOf(2)));
    await settle();
    expect(app.mail.messages.filter((m) => m.to.includes(w.emailOf(1)))).toHaveLength(1);
    expect(app.mail.messages.filter((m) => m.to.includes(w.emailOf(2)))).toHaveLength(1);
    expect(await seatJobs(first.id)).toEqual(['moved-up']);
    expect(await seatJobs(second.id)).toEqual(['moved-up']);
    // The one who left got their confirmation when they enrolled, and nothing since.
    expect(await seatJobs(seat)).toEqual(['registration-confirmed']);
  });
});
