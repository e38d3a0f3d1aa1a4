import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import { yearIn } from '../../server/src/shared/util/time.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIELDS = `id personId personName personNip agencyId title form organiser startsOn endsOn jp jpIsDefault description status
  rejectionReason decidedByName learningRecordId evidence { fileName contentType byteSize url }`;
const SUBMIT = `mutation($input: ExternalActivityInput!) { submitExternalActivity(input: $input) { ${FIELDS} } }`;
const MINE = `query($first: Int, $after: String, $status: ExternalActivityStatus) { myExternalActivities(first: $first, after: $after, status: $status) {
  totalCount pageInfo { endCursor hasNextPage } nodes { ${FIELDS} } } }`;
const ONE = `query($id: ID!) { externalActivity(id: $id) { ${FIELDS} } }`;
const QUEUE = `query($agencyId: ID, $status: ExternalActivityStatus, $search: String, $first: Int, $after: String) {
  externalActivityQueue(agencyId: $agencyId, status: $status, search: $search, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id personName personNip title status } } }`;
const VERIFY = `mutation($id: ID!) { verifyExternalActivity(id: $id) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectExternalActivity(id: $id, reason: $reason) { ${FIELDS} } }`;
const DECIDE = `mutation($input: DecideExternalActivitiesInput!) { decideExternalActivities(input: $input) { id status } }`;
const YEAR = `query($year: Int) { myLearningHours(year: $year) { jp minutes targetJp remainingJp byForm { form group jp } byMonth { month jp } years
  records { source sourceId jp title } } }`;

const lastYear = yearIn(new Date()) - 1;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

async function upload(client: GraphQLClient | null, body: Buffer, contentType = 'application/octet-stream', fileName = 'sertifikat.pdf') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (client?.sessionCookie) headers.cookie = client.sessionCookie;
  const res = await fetch(`${app.url}/files/external-activity-evidence?fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as { id?: string; errors?: { extensions: { code: string } }[] } };
}

async function download(client: GraphQLClient, activityId: string) {
  const headers: Record<string, string> = {};
  if (client.sessionCookie) headers.cookie = client.sessionCookie;
  const res = await fetch(`${app.url}/files/external-activities/${activityId}/evidence`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const count = async (table: string, where = 'true', params: unknown[] = []) => (await app.sql(`select count(*)::int as n from ${table} where ${where}`, params))[0].n as number;

/** Two agencies: A (admin, supervisor, two learners with e-mail), B (admin, learner); a platform admin. */
async function world() {
  const a = await app.seed.agencyWithStaff(2);
  const b = await app.seed.agencyWithStaff(1);
  const platform = await app.seed.person({ agency: a.agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  for (const [i, learner] of a.learners.entries()) {
    await app.sql(`update person set email = $1 where id = $2`, [`asn.${learner.id.slice(0, 8)}.${i}@instansi.go.id`, learner.id]);
  }
  return {
    a, b,
    learner: await app.as(a.learners[0]), colleague: await app.as(a.learners[1]), supervisor: await app.as(a.supervisor),
    adminA: await app.as(a.admin), adminB: await app.as(b.admin), learnerB: await app.as(b.learners[0]), platform: await app.as(platform),
  };
}

async function submit(client: GraphQLClient, input: Record<string, unknown> = {}, evidence: Buffer = PDF) {
  const up = await upload(client, evidence);
  expect(up.status).toBe(201);
  return (await client.ok(SUBMIT, { input: {
    title: 'Seminar Nasional Kebijakan Publik', form: 'SEMINAR', organiser: 'Universitas Indonesia', startsOn: `${lastYear}-03-09`, endsOn: `${lastYear}-03-10`,
    jp: 8, description: 'Peserta', evidenceId: up.body.id, ...input,
  } })).submitExternalActivity;
}

describe('evidence upload', () => {
  it('keeps a PDF, JPEG or PNG recognised by its first bytes; refuses too large, other types, forms and strangers, writing nothing', async () => {
    const w = await world();
    for (const [body, type] of [[PDF, 'application/pdf'], [PNG, 'image/png'], [JPEG, 'image/jpeg']] as const) {
      const res = await upload(w.learner, body, 'application/octet-stream');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ byteSize: body.length, contentType: type });
    }
    const before = await count('external_activity_evidence');
    const tooLarge = await upload(w.learner, Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors?.[0].extensions.code).toBe('EVIDENCE_TOO_LARGE');
    // A GIF, a zip and text are not evidence, whatever they are called or claim to be.
    for (const body of [Buffer.from('GIF89a0000000000'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), Buffer.from('hello, %PDF-1.4')]) {
      const wrong = await upload(w.learner, body, 'application/pdf', 'bukti.pdf');
      expect(wrong.status).toBe(415);
      expect(wrong.body.errors?.[0].extensions.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    }
    expect((await upload(w.learner, PDF, 'multipart/form-data; boundary=x')).status).toBe(415);
    expect((await upload(null, PDF)).status).toBe(401);
    // Partner staff are no learners.
    const partner = await app.seed.partner();
    const staff = await app.as(await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR, agency: null, partner }] }));
    expect((await upload(staff, PDF)).status).toBe(403);
    expect(await count('external_activity_evidence')).toBe(before);
  });
});

describe('submitting an external activity', () => {
  it('keeps it pending with the JP claimed, or the default for the form from the rule set in force on its end date', async () => {
    const w = await world();
    const seminar = await submit(w.learner);
    expect(seminar).toMatchObject({
      personId: w.a.learners[0].id, agencyId: w.a.agency.id, status: 'PENDING', jp: 8, jpIsDefault: false, form: 'SEMINAR', learningRecordId: null,
      evidence: { contentType: 'application/pdf', byteSize: PDF.length, fileName: 'sertifikat.pdf', url: `/files/external-activities/${seminar.id}/evidence` },
    });
    // Coaching without a claim: the 2017 rule set's default, 2 JP.
    const coaching = await submit(w.learner, { form: 'COACHING', jp: null, title: 'Coaching kepemimpinan' });
    expect(coaching).toMatchObject({ jp: 2, jpIsDefault: true });
    // Nothing is credited before the admin verifies.
    expect(await count('learning_record', 'person_id = $1', [w.a.learners[0].id])).toBe(0);

    const mine = (await w.learner.ok(MINE, { first: 1 })).myExternalActivities;
    expect(mine.totalCount).toBe(2);
    expect(mine.nodes.map((n: { id: string }) => n.id)).toEqual([coaching.id]);
    const next = (await w.learner.ok(MINE, { first: 1, after: mine.pageInfo.endCursor })).myExternalActivities;
    expect(next.nodes.map((n: { id: string }) => n.id)).toEqual([seminar.id]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    // Another learner's list has neither.
    expect((await w.colleague.ok(MINE)).myExternalActivities.totalCount).toBe(0);
  });

  it('refuses bad input, a classroom form without JP, a future end, and evidence not the viewer’s or already used, writing nothing', async () => {
    const w = await world();
    const used = await submit(w.learner);
    const fresh = (await upload(w.learner, PDF)).body.id!;
    const others = (await upload(w.colleague, PDF)).body.id!;
    const base = { title: 'Lokakarya Data', form: 'WORKSHOP', organiser: 'BPS', startsOn: `${lastYear}-05-01`, endsOn: `${lastYear}-05-02`, jp: 6, evidenceId: fresh };
    const before = await count('external_activity');
    const cases: [Record<string, unknown>, string][] = [
      [{ jp: null }, 'EXTERNAL_ACTIVITY_JP_REQUIRED'],
      [{ endsOn: `${lastYear}-04-30` }, 'BAD_USER_INPUT'],
      [{ startsOn: `${lastYear}-02-30` }, 'BAD_USER_INPUT'],
      [{ startsOn: '2099-01-01', endsOn: '2099-01-02' }, 'EXTERNAL_ACTIVITY_IN_FUTURE'],
      [{ jp: 0 }, 'BAD_USER_INPUT'],
      [{ title: '  ' }, 'BAD_USER_INPUT'],
      [{ evidenceId: others }, 'EVIDENCE_NOT_AVAILABLE'],
      [{ evidenceId: (await app.sql(`select evidence_id from external_activity where id = $1`, [used.id]))[0].evidence_id }, 'EVIDENCE_NOT_AVAILABLE'],
    ];
    for (const [change, code] of cases) {
      expect(await w.learner.errorCode(SUBMIT, { input: { ...base, ...change } }), JSON.stringify(change)).toBe(code);
    }
    expect(await count('external_activity')).toBe(before);
    expect(await w.adminA.errorCode(SUBMIT, { input: base })).toBe('EVIDENCE_NOT_AVAILABLE');
    expect(await app.anonymous().errorCode(SUBMIT, { input: base })).toBe('UNAUTHENTICATED');
    expect(await count('external_activity')).toBe(before);
  });
});

describe('who sees an external activity and its evidence', () => {
  it('the submitter, their agency’s admins and platform admins; everyone else 404 / NOT_FOUND', async () => {
    const w = await world();
    const activity = await submit(w.learner, {}, PNG);
    for (const client of [w.learner, w.adminA, w.platform]) {
      const file = await download(client, activity.id);
      expect(file.status).toBe(200);
      expect(file.type).toBe('image/png');
      expect(file.bytes.equals(PNG)).toBe(true);
      expect((await client.ok(ONE, { id: activity.id })).externalActivity.id).toBe(activity.id);
    }
    for (const client of [w.colleague, w.supervisor, w.adminB, w.learnerB]) {
      expect((await download(client, activity.id)).status).toBe(404);
      expect(await client.errorCode(ONE, { id: activity.id })).toBe('NOT_FOUND');
    }
    expect((await download(w.learner, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await download(w.learner, 'x')).status).toBe(404);
  });
});

describe('the verification queue', () => {
  it('lists its agency’s pending activities oldest first, pages by keyset at a fixed number of statements, and searches by name or NIP', async () => {
    const w = await world();
    const first = await submit(w.learner, { title: 'Satu' });
    const second = await submit(w.colleague, { title: 'Dua' });
    const third = await submit(w.learner, { title: 'Tiga' });
    await submit(w.learnerB, { title: 'Instansi lain' });

    const page1 = (await w.adminA.ok(QUEUE, { first: 2 })).externalActivityQueue;
    expect(page1.totalCount).toBe(3);
    expect(page1.nodes.map((n: { id: string }) => n.id)).toEqual([first.id, second.id]);
    expect(page1.nodes[0].personNip).toBe(w.a.learners[0].nip);
    const page2 = (await w.adminA.ok(QUEUE, { first: 2, after: page1.pageInfo.endCursor })).externalActivityQueue;
    expect(page2.nodes.map((n: { id: string }) => n.id)).toEqual([third.id]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const byName = (await w.adminA.ok(QUEUE, { search: w.a.learners[1].fullName })).externalActivityQueue;
    expect(byName.nodes.map((n: { id: string }) => n.id)).toEqual([second.id]);
    const byNip = (await w.adminA.ok(QUEUE, { search: w.a.learners[0].nip!.slice(0, 12) })).externalActivityQueue;
    expect(byNip.nodes.map((n: { id: string }) => n.id).sort()).toEqual([first.id, third.id].sort());

    // B's admin sees B's only; asking for A's queue is NOT_FOUND; learners are refused.
    expect((await w.adminB.ok(QUEUE)).externalActivityQueue.nodes.map((n: { title: string }) => n.title)).toEqual(['Instansi lain']);
    expect(await w.adminB.errorCode(QUEUE, { agencyId: w.a.agency.id })).toBe('NOT_FOUND');
    expect(await w.learner.errorCode(QUEUE)).toBe('FORBIDDEN');

    // A page costs the same statements whatever its size.
    const small = await app.countSql(() => w.adminA.ok(QUEUE, { first: 1 }));
    const large = await app.countSql(() => w.adminA.ok(QUEUE, { first: 3 }));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(4);
  });
});

describe('deciding', () => {
  it('verifying credits the ledger with the activity’s own source, audits and mails the submitter; rejecting keeps the reason', async () => {
    const w = await world();
    const activity = await submit(w.learner);
    const verified = (await w.adminA.ok(VERIFY, { id: activity.id })).verifyExternalActivity;
    expect(verified).toMatchObject({ status: 'VERIFIED', decidedByName: w.a.admin.fullName });
    const [line] = await app.sql(`select id, source, source_id, jp::float8 as jp, minutes, year, agency_id, status from learning_record where person_id = $1`, [w.a.learners[0].id]);
    expect(line).toMatchObject({ source: 'EXTERNAL_ACTIVITY', source_id: activity.id, jp: 8, minutes: 8 * 45, year: lastYear, agency_id: w.a.agency.id, status: 'CREDITED' });
    expect(verified.learningRecordId).toBe(line.id);
    expect(await count('audit_entry', `action = 'externalActivity.verify' and target_id = $1`, [activity.id])).toBe(1);
    const email = (await app.sql(`select email from person where id = $1`, [w.a.learners[0].id]))[0].email;
    const mail = await app.mail.waitFor((m) => m.to.includes(email) && m.subject.includes('diverifikasi'));
    expect(mail.text).toContain('8 JP');
    // Once decided, it stays decided.
    expect(await w.adminA.errorCode(VERIFY, { id: activity.id })).toBe('EXTERNAL_ACTIVITY_NOT_PENDING');
    expect(await w.adminA.errorCode(REJECT, { id: activity.id, reason: 'Terlambat' })).toBe('EXTERNAL_ACTIVITY_NOT_PENDING');
    expect(await count('learning_record', 'person_id = $1', [w.a.learners[0].id])).toBe(1);

    const other = await submit(w.colleague, { title: 'Kursus daring' });
    expect(await w.adminA.errorCode(REJECT, { id: other.id, reason: '   ' })).toBe('BAD_USER_INPUT');
    const rejected = (await w.adminA.ok(REJECT, { id: other.id, reason: 'Sertifikat tidak terbaca' })).rejectExternalActivity;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Sertifikat tidak terbaca', learningRecordId: null });
    expect(await count('learning_record', 'person_id = $1', [w.a.learners[1].id])).toBe(0);
    const colleagueEmail = (await app.sql(`select email from person where id = $1`, [w.a.learners[1].id]))[0].email;
    const rejection = await app.mail.waitFor((m) => m.to.includes(colleagueEmail));
    expect(rejection.text).toContain('Sertifikat tidak terbaca');
  });

  it('refuses another agency’s admin (NOT_FOUND), learners, and an admin deciding their own claim, writing nothing', async () => {
    const w = await world();
    const activity = await submit(w.learner);
    const own = await submit(w.adminA);
    const before = [await count('learning_record'), await count('audit_entry'), await count('pgboss.job', `name = 'mail'`)];
    expect(await w.adminB.errorCode(VERIFY, { id: activity.id })).toBe('NOT_FOUND');
    expect(await w.adminB.errorCode(REJECT, { id: activity.id, reason: 'Bukan' })).toBe('NOT_FOUND');
    expect(await w.learner.errorCode(VERIFY, { id: activity.id })).toBe('FORBIDDEN');
    expect(await w.supervisor.errorCode(VERIFY, { id: activity.id })).toBe('FORBIDDEN');
    expect(await w.adminA.errorCode(VERIFY, { id: own.id })).toBe('EXTERNAL_ACTIVITY_OWN');
    expect(await w.adminA.errorCode(VERIFY, { id: 'nope' })).toBe('NOT_FOUND');
    expect([await count('learning_record'), await count('audit_entry'), await count('pgboss.job', `name = 'mail'`)]).toEqual(before);
    expect((await app.sql(`select status from external_activity where id in ($1, $2)`, [activity.id, own.id])).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    // A platform admin decides any agency's.
    expect((await w.platform.ok(VERIFY, { id: own.id })).verifyExternalActivity.status).toBe('VERIFIED');
  });

  it('a bulk decision decides every activity or none', async () => {
    const w = await world();
    const ones = [await submit(w.learner, { title: 'Kegiatan A' }), await submit(w.learner, { title: 'Kegiatan B' }), await submit(w.colleague, { title: 'Kegiatan C' })];
    const elsewhere = await submit(w.learnerB, { title: 'Instansi B' });
    await w.adminA.ok(VERIFY, { id: ones[2].id });
    const before = [await count('learning_record'), await count('audit_entry'), await count('pgboss.job', `name = 'mail'`)];
    const ids = ones.map((o) => o.id);
    // One already decided: nothing changes.
    expect(await w.adminA.errorCode(DECIDE, { input: { ids, decision: 'VERIFY' } })).toBe('EXTERNAL_ACTIVITY_NOT_PENDING');
    // One of another agency: NOT_FOUND, nothing changes.
    expect(await w.adminA.errorCode(DECIDE, { input: { ids: [ids[0], elsewhere.id], decision: 'VERIFY' } })).toBe('NOT_FOUND');
    // A rejection needs its reason.
    expect(await w.adminA.errorCode(DECIDE, { input: { ids: ids.slice(0, 2), decision: 'REJECT' } })).toBe('BAD_USER_INPUT');
    expect([await count('learning_record'), await count('audit_entry'), await count('pgboss.job', `name = 'mail'`)]).toEqual(before);
    expect((await app.sql(`select status from external_activity where id = any($1::uuid[]) order by title`, [ids.slice(0, 2)])).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);

    const decided = (await w.adminA.ok(DECIDE, { input: { ids: ids.slice(0, 2), decision: 'VERIFY' } })).decideExternalActivities;
    expect(decided.map((d: { status: string }) => d.status)).toEqual(['VERIFIED', 'VERIFIED']);
    expect(await count('learning_record', `source = 'EXTERNAL_ACTIVITY' and source_id = any($1::uuid[])`, [ids.slice(0, 2)])).toBe(2);
    expect(await count('audit_entry', `action = 'externalActivity.verify' and target_id = any($1::uuid[])`, [ids.slice(0, 2)])).toBe(2);
  });
});

describe('the ledger after verifications', () => {
  it('totals, by form and by month equal a hand computation', async () => {
    const w = await world();
    const seminar = await submit(w.learner, { form: 'SEMINAR', jp: 8, startsOn: `${lastYear}-03-09`, endsOn: `${lastYear}-03-10` });
    const coaching = await submit(w.learner, { form: 'COACHING', jp: null, startsOn: `${lastYear}-03-20`, endsOn: `${lastYear}-03-20` });
    const mentoring = await submit(w.learner, { form: 'MENTORING', jp: 3.5, startsOn: `${lastYear}-07-01`, endsOn: `${lastYear}-07-31` });
    const rejected = await submit(w.learner, { form: 'SEMINAR', jp: 10, startsOn: `${lastYear}-08-01`, endsOn: `${lastYear}-08-01` });
    await w.adminA.ok(DECIDE, { input: { ids: [seminar.id, coaching.id, mentoring.id], decision: 'VERIFY' } });
    await w.adminA.ok(REJECT, { id: rejected.id, reason: 'Tidak relevan' });

    const year = (await w.learner.ok(YEAR, { year: lastYear })).myLearningHours;
    // 8 + 2 (coaching's default) + 3.5 = 13.5 JP; 20 - 13.5 = 6.5 to go; 360 + 90 + 158 minutes (3.5 × 45 = 157.5, rounded).
    expect(year).toMatchObject({ jp: 13.5, targetJp: 20, remainingJp: 6.5, minutes: 360 + 90 + 158 });
    expect(year.byForm).toEqual([
      { form: 'SEMINAR', group: 'CLASSROOM', jp: 8 },
      { form: 'MENTORING', group: 'NON_CLASSROOM', jp: 3.5 },
      { form: 'COACHING', group: 'NON_CLASSROOM', jp: 2 },
    ]);
    expect(year.byMonth.filter((m: { jp: number }) => m.jp !== 0)).toEqual([{ month: 3, jp: 10 }, { month: 7, jp: 3.5 }]);
    expect(year.byMonth).toHaveLength(12);
    expect(year.years).toEqual([lastYear + 1, lastYear]);
    const [{ jp }] = await app.sql(`select jp::float8 as jp from person_learning_year where person_id = $1 and year = $2`, [w.a.learners[0].id, lastYear]);
    expect(jp).toBe(13.5);
  });
});

describe('the certificate of a verified external activity', () => {
  const ISSUE = `mutation($id: ID!) { issueExternalActivityCertificate(activityId: $id) { id serial source sourceId title form jp startsOn endsOn status agencyName } }`;

  it('the agency admin issues it once, with the activity’s facts and credited JP; pending, other agencies and learners are refused', async () => {
    const w = await world();
    const pending = await submit(w.learner);
    const verified = await submit(w.learner, { title: 'Lokakarya Tata Kelola Data' });
    await w.adminA.ok(VERIFY, { id: verified.id });

    expect(await w.adminA.errorCode(ISSUE, { id: pending.id })).toBe('EXTERNAL_ACTIVITY_NOT_VERIFIED');
    expect(await w.adminB.errorCode(ISSUE, { id: verified.id })).toBe('NOT_FOUND');
    expect(await w.learner.errorCode(ISSUE, { id: verified.id })).toBe('FORBIDDEN');
    expect(await count('certificate', 'source_id = $1', [verified.id])).toBe(0);

    const first = (await w.adminA.ok(ISSUE, { id: verified.id })).issueExternalActivityCertificate;
    const [{ code }] = await app.sql<{ code: string }>(`select code from agency where id = $1`, [w.a.agency.id]);
    expect(first).toMatchObject({
      source: 'EXTERNAL_ACTIVITY', sourceId: verified.id, title: 'Lokakarya Tata Kelola Data', form: 'SEMINAR', jp: 8,
      startsOn: `${lastYear}-03-09`, endsOn: `${lastYear}-03-10`, status: 'VALID',
    });
    expect(first.serial).toMatch(new RegExp(`^${code}/\\d{4}/000001$`));
    // Again: the same certificate, no second one.
    expect((await w.platform.ok(ISSUE, { id: verified.id })).issueExternalActivityCertificate.id).toBe(first.id);
    expect(await count('certificate', 'source_id = $1', [verified.id])).toBe(1);
    expect(await count('audit_entry', `action = 'certificate.issue' and target_id = $1`, [first.id])).toBe(1);

    // The learner's training history carries the activity's own form, organiser and dates, and the serial.
    const res = await fetch(`${app.url}/files/exports/people/${w.a.learners[0].id}/csv?year=${lastYear}`, { headers: { cookie: w.learner.sessionCookie! } });
    expect(res.status).toBe(200);
    const line = (await res.text()).split('\n').find((l) => l.includes('Lokakarya Tata Kelola Data'))!;
    expect(line).toContain('Universitas Indonesia');
    expect(line).toContain(first.serial);
    expect(line).toContain(`${lastYear}-03-09`);
  });
});
