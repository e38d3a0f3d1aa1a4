import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseStatus, CourseVisibility } from '../../server/src/modules/course/course.enums.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const TEACHING = `query($first: Int, $after: String, $status: CourseStatus) {
  teachingRuns(first: $first, after: $after, courseStatus: $status) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id startsAt endsAt capacity seatsTaken waitlistLength instructors { id fullName partnerName }
      course { id title status owner { id name kind } } }
  } }`;

type Node = { id: string; course: { id: string; title: string } };
/** The courses of the listed runs (one run each here), in order. */
const ids = (data: { teachingRuns: { nodes: Node[] } }) => data.teachingRuns.nodes.map((n) => n.course.id);
const day = (iso: string) => new Date(`${iso}T01:00:00Z`);

describe('teachingRuns', () => {
  it('lists exactly the courses the instructor teaches, across agencies and partners, newest start first', async () => {
    const a = await app.seed.agencyWithStaff(1);
    const b = await app.seed.agencyWithStaff(1);
    const partner = await app.seed.partner({ name: 'Politeknik STIA LAN' });
    // Partner staff: not a learner, no agency, cannot see B's own-agency course in the catalogue.
    const lecturer = await app.seed.person({ partner, fullName: 'Dr. Sri Handayani', roles: [{ role: Role.INSTRUCTOR }] });
    const colleague = await app.seed.person({ agency: a.agency, fullName: 'Agus Salim', roles: [{ role: Role.INSTRUCTOR }] });

    const ofA = await app.seed.course({ title: 'Analisis Kebijakan', ownerAgency: a.agency, instructors: [lecturer, colleague], capacity: 30, startsAt: day('2022-03-01') });
    const ofB = await app.seed.course({ title: 'Tata Kelola Arsip', ownerAgency: b.agency, visibility: CourseVisibility.OWN_AGENCY, instructors: [lecturer], startsAt: day('2022-05-01') });
    const ofPartner = await app.seed.course({ title: 'Statistik Sosial', ownerPartner: partner, instructors: [lecturer], status: CourseStatus.ARCHIVED, startsAt: day('2021-01-10') });
    const selfPaced = await app.seed.course({ title: 'Etika Jabatan Mandiri', ownerAgency: b.agency, instructors: [lecturer], startsAt: null });
    const draft = await app.seed.course({ title: 'Draf Modul Baru', ownerAgency: a.agency, instructors: [lecturer], status: CourseStatus.DRAFT, startsAt: day('2023-01-01') });
    const notMine = await app.seed.course({ title: 'Bukan Kelas Saya', ownerAgency: a.agency, instructors: [colleague], startsAt: day('2022-04-01') });
    await app.sql(`update course_run set seats_taken = 12, waitlist_length = 3 where course_id = $1`, [ofA.id]);

    const client = await app.as(lecturer);
    const data = await client.ok(TEACHING, {});
    // Without a start date the creation time (now) counts, so the self-paced course comes first.
    expect(ids(data)).toEqual([selfPaced.id, ofB.id, ofA.id, ofPartner.id]);
    expect(data.teachingRuns.totalCount).toBe(4);
    expect(data.teachingRuns.pageInfo.hasNextPage).toBe(false);
    const first = data.teachingRuns.nodes.find((n: Node) => n.course.id === ofA.id);
    expect(first).toMatchObject({
      id: ofA.run.id, startsAt: '2022-03-01T01:00:00.000Z', capacity: 30, seatsTaken: 12, waitlistLength: 3,
      course: { title: 'Analisis Kebijakan', status: 'PUBLISHED', owner: { id: a.agency.id, name: a.agency.name, kind: 'AGENCY' } },
    });
    expect(first.instructors).toEqual([
      { id: colleague.id, fullName: 'Agus Salim', partnerName: null },
      { id: lecturer.id, fullName: 'Dr. Sri Handayani', partnerName: 'Politeknik STIA LAN' },
    ]);
    expect(data.teachingRuns.nodes.find((n: Node) => n.course.id === ofPartner.id)).toMatchObject({ course: { status: 'ARCHIVED', owner: { kind: 'PARTNER', name: 'Politeknik STIA LAN' } } });
    expect(ids(data)).not.toContain(draft.id);
    expect(ids(data)).not.toContain(notMine.id);

    // A status narrows the list; drafts only when asked for.
    expect(ids(await client.ok(TEACHING, { status: 'DRAFT' }))).toEqual([draft.id]);
    expect(ids(await client.ok(TEACHING, { status: 'ARCHIVED' }))).toEqual([ofPartner.id]);
    expect((await client.ok(TEACHING, { status: 'PUBLISHED' })).teachingRuns.totalCount).toBe(3);

    // Instructors are per run: teaching one run of a course lists that run, not the course's others.
    const later = await app.seed.run(ofA, { instructors: [colleague], startsAt: day('2023-03-01') });
    expect(ids(await client.ok(TEACHING, {}))).toEqual([selfPaced.id, ofB.id, ofA.id, ofPartner.id]);
    const colleagues = (await (await app.as(colleague)).ok(TEACHING, {})).teachingRuns.nodes.map((n: { id: string }) => n.id);
    expect(colleagues).toEqual([later.id, notMine.run.id, ofA.run.id]);
    await app.sql(`delete from course_run where id = $1`, [later.id]);

    // The colleague sees their own two, not the lecturer's others.
    expect(ids(await (await app.as(colleague)).ok(TEACHING, {}))).toEqual([notMine.id, ofA.id]);
  });

  it('gives a platform admin who teaches the courses they teach (and nothing else)', async () => {
    const { agency } = await app.seed.agencyWithStaff(0);
    const platform = await app.seed.person({ agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    const client = await app.as(platform);
    await app.seed.course({ ownerAgency: agency });
    expect((await client.ok(TEACHING, {})).teachingRuns).toMatchObject({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
    const taught = await app.seed.course({ ownerAgency: agency, instructors: [platform] });
    expect(ids(await client.ok(TEACHING, {}))).toEqual([taught.id]);
  });

  it('refuses learners, admins who do not teach and anonymous callers', async () => {
    const { admin, supervisor, learners } = await app.seed.agencyWithStaff(1);
    const partnerAdmin = await app.seed.person({ partner: await app.seed.partner(), roles: [{ role: Role.PARTNER_ADMIN }] });
    for (const person of [learners[0], supervisor, admin, partnerAdmin]) {
      expect(await (await app.as(person)).errorCode(TEACHING, {})).toBe('FORBIDDEN');
    }
    expect(await app.anonymous().errorCode(TEACHING, {})).toBe('UNAUTHENTICATED');
  });

  it('walks every page without losing or repeating a course, ties included, and rejects bad arguments', async () => {
    const { agency } = await app.seed.agencyWithStaff(0);
    const teacher = await app.seed.person({ agency, roles: [{ role: Role.INSTRUCTOR }] });
    const all: string[] = [];
    for (let i = 0; i < 8; i++) {
      // Three share a start time: the id breaks the tie.
      all.push((await app.seed.course({ ownerAgency: agency, instructors: [teacher], startsAt: i < 3 ? day('2024-06-01') : day(`2023-0${i}-15`) })).id);
    }
    const client = await app.as(teacher);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: any = await client.ok(TEACHING, { first: 3, after });
      expect(data.teachingRuns.totalCount).toBe(8);
      seen.push(...ids(data));
      pages += 1;
      after = data.teachingRuns.pageInfo.hasNextPage ? data.teachingRuns.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen)).toEqual(new Set(all));
    // Same start: newest (run) id first, as one ordered list.
    const runOf = new Map((await app.sql(`select course_id, id from course_run where course_id = any($1::uuid[])`, [all])).map((r) => [r.course_id, r.id]));
    expect(seen.slice(0, 3).map((c) => runOf.get(c)).sort().reverse()).toEqual(seen.slice(0, 3).map((c) => runOf.get(c)));
    expect(seen.slice(3)).toEqual([all[7], all[6], all[5], all[4], all[3]]);

    expect(await client.errorCode(TEACHING, { after: 'bukan-kursor' })).toBe('INVALID_CURSOR');
    const injected = Buffer.from(JSON.stringify(["2024-01-01') or (1=1", '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect(await client.errorCode(TEACHING, { after: injected })).toBe('INVALID_CURSOR');
    expect(await client.errorCode(TEACHING, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(TEACHING, { first: 0 })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(TEACHING, { status: 'HIDDEN' })).toBe('BAD_USER_INPUT');
  });

  it('costs the same few SQL statements for 5 and for 30 courses', async () => {
    const { agency } = await app.seed.agencyWithStaff(0);
    const partners = [await app.seed.partner(), await app.seed.partner()];
    const few = await app.seed.person({ partner: partners[0], roles: [{ role: Role.INSTRUCTOR }] });
    const many = await app.seed.person({ partner: partners[1], roles: [{ role: Role.INSTRUCTOR }] });
    const other = await app.seed.person({ agency, roles: [{ role: Role.INSTRUCTOR }] });
    for (let i = 0; i < 35; i++) {
      // Owners of both kinds and co-instructors, so owners and instructors have work on every page.
      await app.seed.course({
        ownerAgency: i % 2 === 0 ? agency : null, ownerPartner: i % 2 === 0 ? null : partners[i % 4 === 1 ? 0 : 1],
        instructors: [i < 5 ? few : many, other], capacity: i % 3 === 0 ? null : 25, startsAt: day(`2025-01-${String(1 + (i % 28)).padStart(2, '0')}`),
      });
    }
    const fewClient = await app.as(few);
    const manyClient = await app.as(many);
    let nodes30: { course: { owner: { kind: string } }; instructors: unknown[] }[] = [];
    const five = await app.countSql(() => fewClient.ok(TEACHING, { first: 100 }));
    const thirty = await app.countSql(async () => {
      nodes30 = (await manyClient.ok(TEACHING, { first: 100 })).teachingRuns.nodes;
    });
    expect(nodes30).toHaveLength(30);
    expect(nodes30.some((n) => n.course.owner.kind === 'PARTNER') && nodes30.some((n) => n.course.owner.kind === 'AGENCY')).toBe(true);
    expect(nodes30.every((n) => n.instructors.length === 2)).toBe(true);
    expect(thirty.count).toBe(five.count);
    expect(thirty.statements.some((s) => s.includes('course_run_instructor'))).toBe(true);
    // Session, page (courses, owners and instructors joined in), total.
    expect(thirty.count).toBeLessThanOrEqual(3);
  });
});
