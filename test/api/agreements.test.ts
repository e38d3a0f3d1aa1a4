import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevelopmentForm, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { AGREEMENT_EXPIRY_QUEUE } from '../../server/src/modules/agreement/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const FIELDS = `id kind number title partner { id name } agencies { id name } validFrom validTo scope status daysLeft document { byteSize downloadUrl } documentUrl viewerMayEdit`;
const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`;
const LIST = `query($partnerId: ID, $agencyId: ID, $validOn: String, $expiringWithinDays: Int, $first: Int, $after: String) {
  agreements(partnerId: $partnerId, agencyId: $agencyId, validOn: $validOn, expiringWithinDays: $expiringWithinDays, first: $first, after: $after) {
    nodes { id number status daysLeft } pageInfo { endCursor hasNextPage } totalCount } }`;

/** A small valid PDF (what matters is the `%PDF-` start; the server never parses it). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function upload(client: GraphQLClient, body: Buffer | Uint8Array, contentType = 'application/pdf') {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (client.sessionCookie) headers.cookie = client.sessionCookie;
  const res = await fetch(`${app.url}/files/agreement-documents`, { method: 'POST', headers, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) };
}

async function download(client: GraphQLClient, path: string) {
  const headers: Record<string, string> = {};
  if (client.sessionCookie) headers.cookie = client.sessionCookie;
  const res = await fetch(`${app.url}${path}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const count = async (table: string) => (await app.sql(`select count(*)::int as n from ${table}`))[0].n as number;

let n = 0;
/** Agency A (with its admin and a learner), agency B (with its admin), partner P (admin, instructor), partner Q (admin). */
async function world() {
  n++;
  const a = await app.seed.agencyWithStaff(1);
  const b = await app.seed.agencyWithStaff(0);
  const partner = await app.seed.partner({ name: `Universitas Padjadjaran ${n}` });
  const otherPartner = await app.seed.partner({ name: `Institut Teknologi Sepuluh Nopember ${n}` });
  const partnerAdmin = await app.seed.person({ partner, email: `admin.mitra.${n}.${process.pid}@unpad.test`, roles: [{ role: Role.PARTNER_ADMIN }] });
  const otherPartnerAdmin = await app.seed.person({ partner: otherPartner, roles: [{ role: Role.PARTNER_ADMIN }] });
  const lecturer = await app.seed.person({ partner, fullName: `Dr. Rina Wulandari ${n}`, roles: [{ role: Role.INSTRUCTOR }] });
  await app.sql(`update person set email = $1 where id = $2`, [`admin.a.${n}.${process.pid}@instansi.go.id`, a.admin.id]);
  return { a, b, partner, otherPartner, partnerAdmin, otherPartnerAdmin, lecturer };
}

const input = (w: Awaited<ReturnType<typeof world>>, extra: Record<string, unknown> = {}) => ({
  kind: 'PKS', number: `PKS/${n}/UNPAD/2026`, title: 'Kerja sama penyelenggaraan pelatihan teknis', partnerId: w.partner.id,
  agencyIds: [w.a.agency.id], validFrom: '2026-01-01', validTo: '2027-12-31', scope: ['TECHNICAL_TRAINING', 'SEMINAR'], ...extra,
});

describe('agreements', () => {
  it('an agency admin uploads a PDF and records an agreement; both sides read it and download the document', async () => {
    const w = await world();
    const admin = await app.as(w.a.admin);
    const uploaded = await upload(admin, PDF);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.byteSize).toBe(PDF.length);
    const audits = await count('audit_entry');

    const { createAgreement: created } = await admin.ok(CREATE, { input: input(w, { documentId: uploaded.body.id }) });
    expect(created).toMatchObject({
      kind: 'PKS', partner: { id: w.partner.id, name: w.partner.name }, agencies: [{ id: w.a.agency.id }], validFrom: '2026-01-01', validTo: '2027-12-31',
      scope: ['TECHNICAL_TRAINING', 'SEMINAR'], document: { byteSize: PDF.length }, documentUrl: null, viewerMayEdit: true,
    });
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at desc limit 1`, [created.id]))[0].action).toBe('agreement.create');
    expect(await count('audit_entry')).toBe(audits + 1);

    // The partner's admin sees it (read only) and both sides download the same bytes.
    const partnerAdmin = await app.as(w.partnerAdmin);
    expect((await partnerAdmin.ok(ONE, { id: created.id })).agreement.viewerMayEdit).toBe(false);
    expect((await partnerAdmin.ok(LIST, {})).agreements.nodes.map((x: any) => x.id)).toEqual([created.id]);
    for (const who of [admin, partnerAdmin]) {
      const file = await download(who, created.document.downloadUrl);
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/pdf');
      expect(file.disposition).toContain('attachment');
      expect(file.bytes.equals(PDF)).toBe(true);
    }

    // Edits: a link replaces the upload (which is deleted), the period moves, each audited.
    const { updateAgreement: updated } = await admin.ok(UPDATE, { id: created.id, input: { documentUrl: 'https://jdih.example.go.id/pks-unpad.pdf', validTo: '2028-06-30' } });
    expect(updated).toMatchObject({ document: null, documentUrl: 'https://jdih.example.go.id/pks-unpad.pdf', validTo: '2028-06-30' });
    expect((await app.sql(`select count(*)::int as n from agreement_document where id = $1`, [uploaded.body.id]))[0].n).toBe(0);
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at desc limit 1`, [created.id]))[0].action).toBe('agreement.update');
  });

  it('shows nothing to an agency outside the agreement, another partner or a learner', async () => {
    const w = await world();
    const admin = await app.as(w.a.admin);
    const doc = (await upload(admin, PDF)).body.id;
    const { createAgreement: created } = await admin.ok(CREATE, { input: input(w, { documentId: doc }) });
    const before = await count('audit_entry');

    const outsider = await app.as(w.b.admin);
    const otherPartner = await app.as(w.otherPartnerAdmin);
    const learner = await app.as(w.a.learners[0]);
    for (const who of [outsider, otherPartner]) {
      expect(await who.errorCode(ONE, { id: created.id })).toBe('NOT_FOUND');
      expect((await who.ok(LIST, {})).agreements.nodes).toEqual([]);
      expect((await download(who, created.document.downloadUrl)).status).toBe(404);
    }
    expect(await outsider.errorCode(UPDATE, { id: created.id, input: { title: 'Diambil alih' } })).toBe('NOT_FOUND');
    // Partner admins read their agreements but the agency side writes them.
    expect(await (await app.as(w.partnerAdmin)).errorCode(UPDATE, { id: created.id, input: { title: 'Diubah mitra' } })).toBe('FORBIDDEN');
    expect(await learner.errorCode(ONE, { id: created.id })).toBe('FORBIDDEN');
    expect(await learner.errorCode(LIST, {})).toBe('FORBIDDEN');
    expect((await download(learner, created.document.downloadUrl)).status).toBe(404);
    expect((await download(app.anonymous(), created.document.downloadUrl)).status).toBe(401);
    // An agency admin cannot make another agency a party, nor a learner upload.
    expect(await admin.errorCode(UPDATE, { id: created.id, input: { agencyIds: [w.a.agency.id, w.b.agency.id] } })).toBe('FORBIDDEN');
    expect(await admin.errorCode(CREATE, { input: input(w, { number: 'LAIN/1', agencyIds: [w.b.agency.id] }) })).toBe('FORBIDDEN');
    expect((await upload(learner, PDF)).status).toBe(403);
    expect(await count('audit_entry')).toBe(before);
    expect((await app.sql(`select title from agreement where id = $1`, [created.id]))[0].title).toBe('Kerja sama penyelenggaraan pelatihan teknis');
  });

  it('refuses bad input and writes nothing: an end before the start, a 30 MB document, a non-PDF named .pdf, an http link', async () => {
    const w = await world();
    const admin = await app.as(w.a.admin);
    const agreements = await count('agreement');
    const documents = await count('agreement_document');

    const res = await admin.request(CREATE, { input: input(w, { validFrom: '2027-01-01', validTo: '2026-12-31' }) });
    expect(res.errors?.[0].extensions?.code).toBe('AGREEMENT_ENDS_BEFORE_START');
    expect(res.errors?.[0].message).toBe('Tanggal berakhir perjanjian tidak boleh sebelum tanggal mulai berlaku.');
    expect(await admin.errorCode(CREATE, { input: input(w, { validTo: '2027-02-30' }) })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(CREATE, { input: input(w, { documentUrl: 'http://contoh.go.id/pks.pdf' }) })).toBe('BAD_USER_INPUT');

    const big = Buffer.alloc(30 * 1024 * 1024, 0x20);
    PDF.copy(big);
    const tooLarge = await upload(admin, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors[0].extensions.code).toBe('DOCUMENT_TOO_LARGE');

    // A Word file renamed "pks.pdf" and sent as application/pdf: the first bytes decide.
    const word = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);
    const notPdf = await upload(admin, word);
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.errors[0].extensions.code).toBe('DOCUMENT_NOT_PDF');
    expect((await upload(admin, PDF, 'application/octet-stream')).status).toBe(415);

    // Someone else's upload cannot be attached.
    const foreign = (await upload(await app.as(w.b.admin), PDF)).body.id;
    expect(await admin.errorCode(CREATE, { input: input(w, { documentId: foreign }) })).toBe('BAD_USER_INPUT');

    expect(await count('agreement')).toBe(agreements);
    expect(await count('agreement_document')).toBe(documents + 1);
  });

  it('lists by partner, agency, a day in force and expiry, soonest-ending first, page by page', async () => {
    const w = await world();
    const platform = await app.seed.person({ agency: w.a.agency, roles: [{ role: Role.PLATFORM_ADMIN }] });
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const plus = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const soon = await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency], validFrom: '2025-01-01', validTo: plus(30), number: 'SOON' });
    const later = await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency, w.b.agency], validFrom: '2025-01-01', validTo: plus(400), number: 'LATER' });
    const ended = await app.seed.agreement({ partner: w.otherPartner, agencies: [w.a.agency], validFrom: '2024-01-01', validTo: plus(-3), number: 'ENDED' });
    const admin = await app.as(w.a.admin);
    const ids = async (client: GraphQLClient, vars: Record<string, unknown>) => (await client.ok(LIST, vars)).agreements.nodes.map((x: any) => x.id);
    expect(await ids(admin, {})).toEqual([ended.id, soon.id, later.id]);
    expect(await ids(admin, { expiringWithinDays: 60 })).toEqual([soon.id]);
    expect(await ids(admin, { validOn: today })).toEqual([soon.id, later.id]);
    expect(await ids(admin, { partnerId: w.otherPartner.id })).toEqual([ended.id]);
    expect(await ids(await app.as(w.b.admin), {})).toEqual([later.id]);
    expect(await ids(await app.as(platform), { agencyId: w.b.agency.id })).toEqual([later.id]);
    const first = (await admin.ok(LIST, { first: 2 })).agreements;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(await ids(admin, { first: 2, after: first.pageInfo.endCursor })).toEqual([later.id]);
    const one = (await admin.ok(ONE, { id: ended.id })).agreement;
    expect(one).toMatchObject({ status: 'EXPIRED', daysLeft: -3 });
    // One statement for a page, however many agreements and agencies.
    const { count: statements } = await app.countSql(() => admin.ok(`{ agreements(first: 50) { nodes { id agencies { name } partner { name } document { byteSize } } } }`));
    expect(statements).toBeLessThanOrEqual(3);
  });
});

describe('partner instructors on agency runs', () => {
  const CREATE_RUN = `mutation($input: CreateCourseRunInput!) { createCourseRun(input: $input) { id instructors { id } } }`;
  const UPDATE_RUN = `mutation($id: ID!, $input: UpdateCourseRunInput!) { updateCourseRun(id: $id, input: $input) { id instructors { id } } }`;

  it('are refused without an agreement, with an expired one or one of other forms, and accepted under a valid one', async () => {
    const w = await world();
    const course = await app.seed.course({ ownerAgency: w.a.agency, form: DevelopmentForm.TECHNICAL_TRAINING, policy: EnrolmentPolicy.OPEN });
    const admin = await app.as(w.a.admin);
    const dates = { startsAt: '2027-03-01T01:00:00.000Z', endsAt: '2027-03-05T09:00:00.000Z' };
    const runInput = (code: string) => ({ courseId: course.id, code, enrolmentPolicy: 'OPEN', instructorIds: [w.lecturer.id], ...dates });
    const runs = async () => (await app.sql(`select count(*)::int as n from course_run where course_id = $1`, [course.id]))[0].n;
    const before = await runs();

    const missing = await admin.request(CREATE_RUN, { input: runInput('A') });
    expect(missing.errors?.[0].extensions?.code).toBe('AGREEMENT_MISSING');
    expect(missing.errors?.[0].message).toContain(w.partner.name);
    expect(await runs()).toBe(before);

    // An agreement with another agency does not count.
    await app.seed.agreement({ partner: w.partner, agencies: [w.b.agency], number: 'B/1' });
    expect(await admin.errorCode(CREATE_RUN, { input: runInput('A') })).toBe('AGREEMENT_MISSING');

    await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency], validFrom: '2027-01-01', validTo: '2027-12-31', scope: [DevelopmentForm.SEMINAR], number: 'SEM/1' });
    expect(await admin.errorCode(CREATE_RUN, { input: runInput('A') })).toBe('AGREEMENT_NOT_COVERING_FORM');

    // An agreement covering the form that ends before the run does is named, with its last day.
    const expired = await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency], validFrom: '2025-01-01', validTo: '2027-03-03', number: 'PKS/07/UNPAD/2025' });
    const res = await admin.request(CREATE_RUN, { input: runInput('A') });
    expect(res.errors?.[0].extensions?.code).toBe('AGREEMENT_EXPIRED');
    expect(res.errors?.[0].message).toBe(`Perjanjian kerja sama ${expired.number} dengan ${w.partner.name} berakhir pada 2027-03-03, sebelum kelas ini selesai. Perpanjang perjanjiannya terlebih dahulu.`);
    admin.headers['x-lentera-language'] = 'en';
    expect((await admin.request(CREATE_RUN, { input: runInput('A') })).errors?.[0].message).toContain(`Cooperation agreement ${expired.number} with ${w.partner.name} ended on 2027-03-03`);
    delete admin.headers['x-lentera-language'];

    expect(await runs()).toBe(before);

    // Agency staff are not gated; a run without the partner's staff is fine, and adding them later is gated too.
    const colleague = await app.seed.person({ agency: w.a.agency, roles: [{ role: Role.INSTRUCTOR }] });
    const own = (await admin.ok(CREATE_RUN, { input: { ...runInput('B'), instructorIds: [colleague.id] } })).createCourseRun;
    expect(await admin.errorCode(UPDATE_RUN, { id: own.id, input: { instructorIds: [colleague.id, w.lecturer.id] } })).toBe('AGREEMENT_EXPIRED');

    await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency, w.b.agency], validFrom: '2027-01-01', validTo: '2027-12-31', scope: [DevelopmentForm.TECHNICAL_TRAINING], number: 'PKS/01/UNPAD/2027' });
    const accepted = (await admin.ok(CREATE_RUN, { input: runInput('A') })).createCourseRun;
    expect(accepted.instructors).toEqual([{ id: w.lecturer.id }]);
    expect((await admin.ok(UPDATE_RUN, { id: own.id, input: { instructorIds: [colleague.id, w.lecturer.id] } })).updateCourseRun.instructors).toHaveLength(2);
  });
});

describe('expiry notices', () => {
  const runJob = async (on: string) => {
    const boss = app.lentera.background.queue.boss;
    const id = await boss.send(AGREEMENT_EXPIRY_QUEUE, { on });
    for (let i = 0; i < 100; i++) {
      const [job] = await app.sql(`select state from pgboss.job where id = $1`, [id]);
      if (job?.state === 'completed') return;
      if (job?.state === 'failed' || job?.state === 'retry') throw new Error(`the expiry job failed: ${JSON.stringify((await app.sql(`select output from pgboss.job where id = $1`, [id]))[0].output)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the expiry job did not finish');
  };
  /** Mail jobs are worked a moment later: wait until none is pending, then read what was caught. */
  const settledMails = async (subject: string) => {
    for (let i = 0; i < 100; i++) {
      const [{ n: pending }] = await app.sql(`select count(*)::int as n from pgboss.job where name = 'mail' and state in ('created', 'retry', 'active')`);
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return app.mail.messages.filter((m) => m.subject.includes(subject));
  };

  it('mails both sides’ admins once 60 days before the end and once 14 days before, however often the job runs', async () => {
    const w = await world();
    await app.sql(`update person set locale = 'en' where id = $1`, [w.partnerAdmin.id]);
    const agreement = await app.seed.agreement({ partner: w.partner, agencies: [w.a.agency], validFrom: '2025-01-01', validTo: '2027-03-31', number: `PKS/EXP/${n}` });
    // An agreement of the other partner, ending later, is not mailed to these admins.
    await app.seed.agreement({ partner: w.otherPartner, agencies: [w.b.agency], validFrom: '2025-01-01', validTo: '2027-09-30', number: `PKS/LATE/${n}` });

    await runJob('2027-01-15'); // 75 days before: nothing yet
    expect(await settledMails(agreement.number)).toEqual([]);

    await runJob('2027-01-30'); // 60 days before
    await runJob('2027-01-31'); // and again the next day, and a retry the same day
    await runJob('2027-01-31');
    const sixty = await settledMails(agreement.number);
    expect(sixty.flatMap((m) => m.to).sort()).toEqual([`admin.a.${n}.${process.pid}@instansi.go.id`, w.partnerAdmin.email].sort());
    const english = sixty.find((m) => m.language === 'en')!;
    expect(english.subject).toBe(`Agreement ${agreement.number} with ${w.partner.name} ends in 60 days`);
    expect(english.text).toContain('is in force until 31 March 2027');
    const bahasa = sixty.find((m) => m.language === 'id')!;
    expect(bahasa.subject).toBe(`Kerja sama ${agreement.number} dengan ${w.partner.name} berakhir dalam 60 hari`);
    expect(bahasa.text).toContain('berlaku sampai 31 Maret 2027');

    await runJob('2027-03-17'); // 14 days before
    await runJob('2027-03-17');
    await runJob('2027-03-20');
    const all = await settledMails(agreement.number);
    expect(all).toHaveLength(4);
    expect(all.filter((m) => m.subject.includes('14'))).toHaveLength(2);
    expect((await app.sql(`select days_before from agreement_expiry_notice where agreement_id = $1 order by days_before`, [agreement.id])).map((r) => r.days_before)).toEqual([14, 60]);
  });
});
