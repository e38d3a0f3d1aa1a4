import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';
import { seat } from './workshop-fixture.js';

/** Signers per agency and per partner, their signature images (PNG upload over plain HTTP), and what issuance prints. */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const SIGNERS = `query($agencyId: ID, $partnerId: ID) { certificateSigners(agencyId: $agencyId, partnerId: $partnerId) { id name position displayOrder active hasSignature agencyId partnerId } }`;
const CREATE = `mutation($input: CreateCertificateSignerInput!) { createCertificateSigner(input: $input) { id name position displayOrder active hasSignature } }`;
const UPDATE = `mutation($id: ID!, $input: CertificateSignerInput!) { updateCertificateSigner(id: $id, input: $input) { id name position displayOrder active } }`;
const DELETE = `mutation($id: ID!) { deleteCertificateSigner(id: $id) }`;
const COMPLETE = `mutation($id: ID!) { completeEnrolment(id: $id) { id status } }`;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

async function upload(cookie: string | null, signerId: string, body: Buffer, type = 'image/png') {
  const res = await fetch(`${app.url}/files/certificate-signers/${signerId}/signature`, {
    method: 'POST', headers: { 'content-type': type, ...(cookie ? { cookie } : {}) }, body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as { id?: string; byteSize?: number; errors?: { extensions: { code: string } }[] } };
}

describe('certificate signers', () => {
  it("an agency's admins manage its signers; issuance prints the active ones in order, agency's then partner's", async () => {
    const a = await app.seed.agencyWithStaff(1);
    const partner = await app.seed.partner();
    const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
    const instructor = await app.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR }] });
    const admin = await app.as(a.admin);
    const second = (await admin.ok(CREATE, { input: { agencyId: a.agency.id, name: 'Ir. Budi', position: 'Sekretaris', displayOrder: 2 } })).createCertificateSigner;
    const first = (await admin.ok(CREATE, { input: { agencyId: a.agency.id, name: ' Dr. Siti ', position: 'Kepala BKPSDM', displayOrder: 1 } })).createCertificateSigner;
    const retired = (await admin.ok(CREATE, { input: { agencyId: a.agency.id, name: 'Lama', position: 'Mantan', displayOrder: 3 } })).createCertificateSigner;
    await admin.ok(UPDATE, { id: retired.id, input: { name: 'Lama', position: 'Mantan', displayOrder: 3, active: false } });
    expect(first).toMatchObject({ name: 'Dr. Siti', active: true, hasSignature: false });
    const pAdmin = await app.as(partnerAdmin);
    await pAdmin.ok(CREATE, { input: { partnerId: partner.id, name: 'Prof. Rina', position: 'Rektor' } });
    expect((await admin.ok(SIGNERS, { agencyId: a.agency.id })).certificateSigners.map((s: { id: string }) => s.id)).toEqual([first.id, second.id, retired.id]);

    const course = await app.seed.course({ ownerAgency: a.agency, visibility: CourseVisibility.ALL_AGENCIES, instructors: [instructor], jp: 2 });
    await app.sql(`update course_run set starts_at = now() - interval '10 days', ends_at = now() - interval '1 day' where id = $1`, [course.run.id]);
    const enrolment = await seat(app, a.learners[0], course.run.id, course.id);
    await (await app.as(instructor)).ok(COMPLETE, { id: enrolment });
    const [{ signers }] = await app.sql(`select signers from certificate where source_id = $1`, [enrolment]);
    expect(signers.map((s: { name: string; side: string }) => [s.name, s.side])).toEqual([['Dr. Siti', 'AGENCY'], ['Ir. Budi', 'AGENCY'], ['Prof. Rina', 'PARTNER']]);

    // A later change never alters what was printed.
    await admin.ok(DELETE, { id: first.id });
    const [after] = await app.sql(`select signers from certificate where source_id = $1`, [enrolment]);
    expect(after.signers[0].name).toBe('Dr. Siti');
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at`, [first.id])).map((r) => r.action)).toEqual(['certificateSigner.create', 'certificateSigner.delete']);
  });

  it("nobody else sees or changes an agency's or a partner's signers (NOT_FOUND); platform admins do", async () => {
    const a = await app.seed.agencyWithStaff(1);
    const other = await app.seed.agencyWithStaff(0);
    const partner = await app.seed.partner();
    const otherPartnerAdmin = await app.seed.person({ partner: await app.seed.partner(), roles: [{ role: Role.PARTNER_ADMIN }] });
    const signer = (await (await app.as(a.admin)).ok(CREATE, { input: { agencyId: a.agency.id, name: 'X', position: 'Y' } })).createCertificateSigner;
    const outsider = await app.as(other.admin);
    expect(await outsider.errorCode(SIGNERS, { agencyId: a.agency.id })).toBe('NOT_FOUND');
    expect(await outsider.errorCode(UPDATE, { id: signer.id, input: { name: 'Z', position: 'Y' } })).toBe('NOT_FOUND');
    expect(await outsider.errorCode(DELETE, { id: signer.id })).toBe('NOT_FOUND');
    expect(await outsider.errorCode(CREATE, { input: { agencyId: a.agency.id, name: 'Z', position: 'Y' } })).toBe('NOT_FOUND');
    expect(await (await app.as(otherPartnerAdmin)).errorCode(CREATE, { input: { partnerId: partner.id, name: 'Z', position: 'Y' } })).toBe('NOT_FOUND');
    expect(await outsider.errorCode(CREATE, { input: { name: 'Z', position: 'Y' } })).toBe('BAD_USER_INPUT');
    const platform = await app.as(await app.seed.person({ roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
    expect((await platform.ok(CREATE, { input: { partnerId: partner.id, name: 'P', position: 'Q' } })).createCertificateSigner.name).toBe('P');
    expect((await platform.ok(SIGNERS, { agencyId: a.agency.id })).certificateSigners).toHaveLength(1);
    expect((await app.sql(`select name from certificate_signer where id = $1`, [signer.id]))[0].name).toBe('X');
  });

  it('takes a PNG signature of at most 512 KiB from whoever manages the signer; refuses anything else, writing nothing', async () => {
    const a = await app.seed.agencyWithStaff(0);
    const other = await app.seed.agencyWithStaff(0);
    const admin = await app.as(a.admin);
    const signer = (await admin.ok(CREATE, { input: { agencyId: a.agency.id, name: 'X', position: 'Y' } })).createCertificateSigner;
    const stored = async () => (await app.sql(`select signature_image from certificate_signer where id = $1`, [signer.id]))[0].signature_image as Buffer | null;

    expect((await upload(null, signer.id, PNG)).status).toBe(401);
    const tooLarge = await upload(admin.sessionCookie, signer.id, Buffer.concat([PNG, Buffer.alloc(512 * 1024)]));
    expect(tooLarge).toMatchObject({ status: 413, body: { errors: [{ extensions: { code: 'SIGNATURE_TOO_LARGE' } }] } });
    const jpeg = await upload(admin.sessionCookie, signer.id, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6]));
    expect(jpeg).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: 'SIGNATURE_NOT_PNG' } }] } });
    expect((await upload(admin.sessionCookie, signer.id, PNG, 'image/jpeg')).status).toBe(415);
    expect((await upload((await app.as(other.admin)).sessionCookie, signer.id, PNG)).status).toBe(404);
    expect(await stored()).toBeNull();

    expect(await upload(admin.sessionCookie, signer.id, PNG)).toEqual({ status: 200, body: { id: signer.id, byteSize: PNG.length } });
    expect(Buffer.compare((await stored())!, PNG)).toBe(0);
    expect((await admin.ok(SIGNERS, { agencyId: a.agency.id })).certificateSigners[0].hasSignature).toBe(true);
    const preview = await fetch(`${app.url}/files/certificate-signers/${signer.id}/signature`, { headers: { cookie: admin.sessionCookie! } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await preview.arrayBuffer()), PNG)).toBe(0);
    expect((await app.sql(`select count(*)::int as n from audit_entry where action = 'certificateSigner.signature' and target_id = $1`, [signer.id]))[0].n).toBe(1);
  });
});
