import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../server/src/modules/mail/index.js';
import type { PartnerInstitution } from '../../server/src/modules/partner/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
let platform: GraphQLClient;
let partnerP: PartnerInstitution;
let partnerQ: PartnerInstitution;
let adminP: GraphQLClient;
let adminQ: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  const agency = await app.seed.agency();
  const operator = await app.seed.person({ agency, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  platform = await app.as({ nip: operator.nip });
  partnerP = await app.seed.partner({ name: 'Universitas Pelita' });
  partnerQ = await app.seed.partner({ name: 'Institut Samudra' });
  adminP = await app.as({ email: (await app.seed.person({ partner: partnerP, roles: [{ role: Role.PARTNER_ADMIN }] })).email });
  adminQ = await app.as({ email: (await app.seed.person({ partner: partnerQ, roles: [{ role: Role.PARTNER_ADMIN }] })).email });
});
afterAll(async () => {
  await app?.close();
});

const INVITE = `mutation($input: InvitePartnerStaffInput!) { invitePartnerStaff(input: $input) { id email fullName nidn role status expiresAt invitedByName } }`;
const RESEND = `mutation($id: ID!) { resendPartnerInvitation(id: $id) { id status expiresAt } }`;
const REVOKE = `mutation($id: ID!) { revokePartnerInvitation(id: $id) { id status } }`;
const PREVIEW = `query($token: String!) { partnerInvitationPreview(token: $token) { email fullName partnerName } }`;
const ACCEPT = `mutation($input: AcceptPartnerInvitationInput!) { acceptPartnerInvitation(input: $input) { email } }`;
const INVITATIONS = `query($partnerId: ID!, $status: PartnerInvitationStatus, $first: Int, $after: String) {
  partnerInvitations(partnerId: $partnerId, status: $status, first: $first, after: $after) { totalCount nodes { id email status } pageInfo { hasNextPage endCursor } } }`;
const STAFF = `query($partnerId: ID!, $first: Int, $after: String) {
  partnerStaff(partnerId: $partnerId, first: $first, after: $after) { totalCount nodes { id fullName email nidn active roles } pageInfo { hasNextPage endCursor } } }`;
const UPDATE_STAFF = `mutation($id: ID!, $input: UpdatePartnerStaffInput!) { updatePartnerStaff(id: $id, input: $input) { id fullName nidn positionTitle } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setPartnerStaffActive(id: $id, active: $active) { id active } }`;
const ME = `{ me { id roles } }`;

let n = 0;
const address = () => `dosen.${process.pid}.${++n}@kampus.ac.id`;
const nidn = () => String(4_000_000_000 + process.pid * 100 + ++n).slice(0, 10);

const tokenOf = (mail: CaughtMail): string => {
  const match = /\/undangan-mitra#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
};
const mailTo = (email: string, after = 0) => app.mail.waitFor((m) => m.to.includes(email) && m.id > after);

async function invite(client: GraphQLClient, fields: Record<string, unknown> = {}) {
  const email = address();
  const { invitePartnerStaff } = await client.ok(INVITE, { input: { partnerId: partnerP.id, email, fullName: 'Dr. Sari Dewi', ...fields } });
  return { invitation: invitePartnerStaff, email, mail: await mailTo(email) };
}

const countRows = async (table: string) => Number((await app.sql(`select count(*)::int as n from ${table}`))[0].n);

describe('partner institutions', () => {
  it('a platform admin registers one with its contact; its partner admin keeps the profile, but not code and kind', async () => {
    const created = await platform.ok(`mutation($input: CreatePartnerInstitutionInput!) { createPartnerInstitution(input: $input) { id code website contactEmail contactPhone } }`, {
      input: { code: `ubm${process.pid}`, name: 'Universitas Bumi', kind: 'UNIVERSITY', city: 'Malang', website: 'https://ubm.ac.id', contactEmail: 'Humas@UBM.ac.id', contactPhone: '+62 341 555 000' },
    });
    expect(created.createPartnerInstitution).toMatchObject({ code: `UBM${process.pid}`, website: 'https://ubm.ac.id', contactEmail: 'humas@ubm.ac.id' });

    const update = `mutation($id: ID!, $input: UpdatePartnerInstitutionInput!) { updatePartnerInstitution(id: $id, input: $input) { id city website contactPhone } }`;
    const edited = await adminP.ok(update, { id: partnerP.id, input: { city: 'Depok', website: 'https://pelita.ac.id', contactPhone: '021 7867 000' } });
    expect(edited.updatePartnerInstitution).toMatchObject({ city: 'Depok', website: 'https://pelita.ac.id', contactPhone: '021 7867 000' });
    expect(await adminP.errorCode(update, { id: partnerP.id, input: { kind: 'NGO' } })).toBe('FORBIDDEN');
    expect(await adminP.errorCode(update, { id: partnerQ.id, input: { city: 'Bandung' } })).toBe('NOT_FOUND');
    expect(await adminP.errorCode(update, { id: partnerP.id, input: { website: 'javascript:alert(1)' } })).toBe('BAD_USER_INPUT');
    const [audit] = await app.sql(`select data from audit_entry where action = 'partner.update' and target_id = $1`, [partnerP.id]);
    expect(audit.data).toMatchObject({ city: 'Depok', website: 'https://pelita.ac.id' });

    const one = `query($id: ID!) { partnerInstitution(id: $id) { id name city } }`;
    expect((await adminP.ok(one, { id: partnerP.id })).partnerInstitution.city).toBe('Depok');
    expect(await adminP.errorCode(one, { id: partnerQ.id })).toBe('NOT_FOUND');
    expect((await platform.ok(one, { id: partnerQ.id })).partnerInstitution.name).toBe('Institut Samudra');
  });

  it('platform admins appoint and remove partner admins among the staff', async () => {
    const staff = await app.seed.person({ partner: partnerQ, roles: [{ role: Role.INSTRUCTOR }] });
    const appoint = `mutation($id: ID!) { appointPartnerAdmin(personId: $id) { id roles } }`;
    const remove = `mutation($id: ID!) { removePartnerAdmin(personId: $id) { id roles } }`;
    expect((await platform.ok(appoint, { id: staff.id })).appointPartnerAdmin.roles).toEqual([Role.INSTRUCTOR, Role.PARTNER_ADMIN]);
    expect((await platform.ok(appoint, { id: staff.id })).appointPartnerAdmin.roles).toEqual([Role.INSTRUCTOR, Role.PARTNER_ADMIN]);
    const appointed = await app.as({ email: staff.email });
    expect((await appointed.ok(STAFF, { partnerId: partnerQ.id })).partnerStaff.totalCount).toBeGreaterThan(0);
    expect((await platform.ok(remove, { id: staff.id })).removePartnerAdmin.roles).toEqual([Role.INSTRUCTOR]);
    expect(await appointed.errorCode(STAFF, { partnerId: partnerQ.id })).toBe('FORBIDDEN');
    expect(await adminQ.errorCode(appoint, { id: staff.id })).toBe('FORBIDDEN');
    const agencyPerson = await app.seed.person({ agency: await app.seed.agency() });
    expect(await platform.errorCode(appoint, { id: agencyPerson.id })).toBe('NOT_PARTNER_STAFF');
    expect(await app.sql(`select action from audit_entry where target_id = $1 and action like $2 order by at`, [staff.id, 'partner.%'])).toEqual([
      { action: 'partner.appointAdmin' }, { action: 'partner.removeAdmin' },
    ]);
  });
});

describe('inviting instructors', () => {
  it('mails a single-use link; the invitee sets name and password, becomes an instructor with the NIDN and signs in by e-mail', async () => {
    const number = nidn();
    const { invitation, email, mail } = await invite(adminP, { nidn: number });
    expect(invitation).toMatchObject({ email, nidn: number, role: 'INSTRUCTOR', status: 'PENDING' });
    expect(mail.subject).toBe('Undangan bergabung di Lentera sebagai staf Universitas Pelita');
    expect(mail.text).toContain('Yth. Dr. Sari Dewi,');
    const token = tokenOf(mail);
    // Only the token's hash is stored.
    expect(await app.sql(`select 1 from partner_invitation where token_hash = $1`, [token])).toHaveLength(0);
    const [audit] = await app.sql(`select data from audit_entry where action = 'partner.invite' and target_id = $1`, [invitation.id]);
    expect(audit.data).toMatchObject({ email, role: 'INSTRUCTOR' });

    expect((await app.anonymous().ok(PREVIEW, { token })).partnerInvitationPreview).toEqual({ email, fullName: 'Dr. Sari Dewi', partnerName: 'Universitas Pelita' });
    expect(await app.anonymous().errorCode(ACCEPT, { input: { token, fullName: 'Sari', password: 'pendek' } })).toBe('BAD_USER_INPUT');
    const accepted = await app.anonymous().ok(ACCEPT, { input: { token, fullName: 'Dr. Sari Dewi, M.Kom.', password: 'sandi-dosen-2026' } });
    expect(accepted.acceptPartnerInvitation.email).toBe(email);

    const client = app.anonymous();
    await client.signIn(email.toUpperCase(), 'sandi-dosen-2026');
    expect((await client.ok(ME)).me.roles).toEqual(['INSTRUCTOR']);
    const [person] = await app.sql(`select full_name, nidn, partner_id, agency_id, employment_type from person where email = $1`, [email]);
    expect(person).toEqual({ full_name: 'Dr. Sari Dewi, M.Kom.', nidn: number, partner_id: partnerP.id, agency_id: null, employment_type: 'NON_ASN' });

    // Used once: the same link is refused, translated.
    const again = app.anonymous();
    again.language = 'en';
    const res = await again.request(ACCEPT, { input: { token, fullName: 'X', password: 'sandi-lain-2026' } });
    expect(res.errors?.[0].extensions?.code).toBe('INVITATION_INVALID');
    expect(res.errors?.[0].message).toBe('This invitation link has been used, revoked or has expired. Ask the partner admin for a new one.');
    expect(await app.anonymous().errorCode(PREVIEW, { token })).toBe('INVITATION_INVALID');
    const list = await adminP.ok(INVITATIONS, { partnerId: partnerP.id, status: 'ACCEPTED' });
    expect(list.partnerInvitations.nodes.map((i: { id: string }) => i.id)).toContain(invitation.id);
  });

  it('a resend mails a new link and kills the old one; a revoked or expired link opens nothing', async () => {
    const { invitation, email, mail } = await invite(adminP);
    const oldToken = tokenOf(mail);
    expect((await adminP.ok(RESEND, { id: invitation.id })).resendPartnerInvitation.status).toBe('PENDING');
    const newToken = tokenOf(await mailTo(email, mail.id));
    expect(newToken).not.toBe(oldToken);
    expect(await app.anonymous().errorCode(ACCEPT, { input: { token: oldToken, fullName: 'A', password: 'sandi-dosen-2026' } })).toBe('INVITATION_INVALID');
    expect((await app.anonymous().ok(PREVIEW, { token: newToken })).partnerInvitationPreview.email).toBe(email);

    expect((await adminP.ok(REVOKE, { id: invitation.id })).revokePartnerInvitation.status).toBe('REVOKED');
    expect(await app.anonymous().errorCode(ACCEPT, { input: { token: newToken, fullName: 'A', password: 'sandi-dosen-2026' } })).toBe('INVITATION_INVALID');
    expect(await adminP.errorCode(RESEND, { id: invitation.id })).toBe('INVITATION_CLOSED');
    expect(await app.sql(`select 1 from person where email = $1`, [email])).toHaveLength(0);

    const expiring = await invite(adminP);
    await app.sql(`update partner_invitation set expires_at = now() - interval '1 minute' where id = $1`, [expiring.invitation.id]);
    expect(await app.anonymous().errorCode(ACCEPT, { input: { token: tokenOf(expiring.mail), fullName: 'A', password: 'sandi-dosen-2026' } })).toBe('INVITATION_INVALID');
    const expired = await adminP.ok(INVITATIONS, { partnerId: partnerP.id, status: 'EXPIRED', first: 100 });
    expect(expired.partnerInvitations.nodes).toContainEqual({ id: expiring.invitation.id, email: expiring.email, status: 'EXPIRED' });
    expect(await app.sql(`select 1 from person where email = $1`, [expiring.email])).toHaveLength(0);
    // An expired invitation is still open: a resend revives it.
    expect((await adminP.ok(RESEND, { id: expiring.invitation.id })).resendPartnerInvitation.status).toBe('PENDING');
  });

  it('refuses bad input and taken addresses with nothing written', async () => {
    const before = await countRows('partner_invitation');
    const input = (fields: Record<string, unknown>) => ({ input: { partnerId: partnerP.id, email: address(), fullName: 'Budi', ...fields } });
    expect(await adminP.errorCode(INVITE, input({ nidn: '123456789' }))).toBe('BAD_USER_INPUT');
    expect(await adminP.errorCode(INVITE, input({ nidn: '12345678901' }))).toBe('BAD_USER_INPUT');
    expect(await adminP.errorCode(INVITE, input({ email: 'bukan-email' }))).toBe('BAD_USER_INPUT');
    expect(await adminP.errorCode(INVITE, input({ fullName: '   ' }))).toBe('BAD_USER_INPUT');
    // Partner admins invite instructors; admins are the platform's to make.
    expect(await adminP.errorCode(INVITE, input({ role: 'PARTNER_ADMIN' }))).toBe('FORBIDDEN');
    expect(await adminP.errorCode(INVITE, input({ role: 'AGENCY_ADMIN' }))).toBe('BAD_USER_INPUT');

    const ownStaff = await app.seed.person({ partner: partnerP, roles: [{ role: Role.INSTRUCTOR }] });
    expect(await adminP.errorCode(INVITE, input({ email: ownStaff.email!.toUpperCase() }))).toBe('ALREADY_STAFF');
    // Someone else's address: refused, and the answer names nobody.
    const civilServant = await app.seed.person({ agency: await app.seed.agency(), email: address() });
    const res = await adminP.request(INVITE, input({ email: civilServant.email }));
    expect(res.errors?.[0].extensions?.code).toBe('EMAIL_NOT_INVITABLE');
    expect(JSON.stringify(res)).not.toContain(civilServant.fullName);
    const lecturer = await app.seed.person({ partner: partnerQ });
    await app.sql(`update person set nidn = $1 where id = $2`, ['0987654321', lecturer.id]);
    expect(await adminP.errorCode(INVITE, input({ nidn: '0987654321' }))).toBe('DUPLICATE_NIDN');
    expect(await countRows('partner_invitation')).toBe(before);

    const open = await invite(adminP);
    expect(await adminP.errorCode(INVITE, { input: { partnerId: partnerP.id, email: open.email, fullName: 'Lagi' } })).toBe('INVITATION_PENDING');
    expect(await countRows('partner_invitation')).toBe(before + 1);
  });

  it('platform admins invite a partner admin', async () => {
    const email = address();
    await platform.ok(INVITE, { input: { partnerId: partnerQ.id, email, fullName: 'Kepala Pusat', role: 'PARTNER_ADMIN' } });
    const mail = await mailTo(email);
    expect(mail.text).toContain('Anda diundang menjadi admin Institut Samudra');
    await app.anonymous().ok(ACCEPT, { input: { token: tokenOf(mail), fullName: 'Kepala Pusat', password: 'sandi-admin-2026' } });
    const client = app.anonymous();
    await client.signIn(email, 'sandi-admin-2026');
    expect((await client.ok(ME)).me.roles).toEqual(['PARTNER_ADMIN']);
  });
});

describe('a partner admin and their staff', () => {
  it('edits an instructor (NIDN of 10 digits, unique) and deactivates them, which ends their sessions', async () => {
    const instructor = await app.seed.person({ partner: partnerP, roles: [{ role: Role.INSTRUCTOR }] });
    const session = await app.as({ email: instructor.email });
    const number = nidn();
    const edited = await adminP.ok(UPDATE_STAFF, { id: instructor.id, input: { fullName: 'Prof. Agus', nidn: number, positionTitle: 'Lektor Kepala' } });
    expect(edited.updatePartnerStaff).toEqual({ id: instructor.id, fullName: 'Prof. Agus', nidn: number, positionTitle: 'Lektor Kepala' });
    expect(await adminP.errorCode(UPDATE_STAFF, { id: instructor.id, input: { nidn: '123456789' } })).toBe('BAD_USER_INPUT');
    const other = await app.seed.person({ partner: partnerP, roles: [{ role: Role.INSTRUCTOR }] });
    expect(await adminP.errorCode(UPDATE_STAFF, { id: other.id, input: { nidn: number } })).toBe('DUPLICATE_NIDN');
    expect((await app.sql(`select nidn from person where id = $1`, [other.id]))[0].nidn).toBeNull();

    expect((await adminP.ok(SET_ACTIVE, { id: instructor.id, active: false })).setPartnerStaffActive.active).toBe(false);
    expect((await session.ok(ME)).me).toBeNull();
    expect(await app.anonymous().errorCode(`mutation { signIn(input: { login: "${instructor.email}", password: "kata-sandi-uji" }) { me { id } } }`)).not.toBeUndefined();
    const [audit] = await app.sql(`select data from audit_entry where action = 'partner.deactivateStaff' and target_id = $1`, [instructor.id]);
    expect(audit.data).toEqual({ sessionsEnded: 1 });
  });

  it('cannot change another partner admin, nor anything of another partner', async () => {
    const fellowAdmin = await app.seed.person({ partner: partnerP, roles: [{ role: Role.PARTNER_ADMIN }] });
    expect(await adminP.errorCode(SET_ACTIVE, { id: fellowAdmin.id, active: false })).toBe('FORBIDDEN');
    const instructorQ = await app.seed.person({ partner: partnerQ, roles: [{ role: Role.INSTRUCTOR }] });
    expect(await adminP.errorCode(SET_ACTIVE, { id: instructorQ.id, active: false })).toBe('NOT_FOUND');
    expect(await adminP.errorCode(UPDATE_STAFF, { id: instructorQ.id, input: { fullName: 'X' } })).toBe('NOT_FOUND');
    expect(await adminP.errorCode(STAFF, { partnerId: partnerQ.id })).toBe('NOT_FOUND');
    expect(await adminP.errorCode(INVITATIONS, { partnerId: partnerQ.id })).toBe('NOT_FOUND');
    expect(await adminP.errorCode(INVITE, { input: { partnerId: partnerQ.id, email: address(), fullName: 'X' } })).toBe('NOT_FOUND');
    const { invitePartnerStaff: invitationQ } = await adminQ.ok(INVITE, { input: { partnerId: partnerQ.id, email: address(), fullName: 'Y' } });
    expect(await adminP.errorCode(RESEND, { id: invitationQ.id })).toBe('NOT_FOUND');
    expect(await adminP.errorCode(REVOKE, { id: invitationQ.id })).toBe('NOT_FOUND');
    expect((await app.sql(`select active from person where id = $1`, [instructorQ.id]))[0].active).toBe(true);

    const agency = await app.seed.agency();
    const learner = await app.as({ nip: (await app.seed.person({ agency })).nip });
    const agencyAdmin = await app.as({ nip: (await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] })).nip });
    for (const client of [learner, agencyAdmin]) {
      expect(await client.errorCode(STAFF, { partnerId: partnerP.id })).toBe('FORBIDDEN');
      expect(await client.errorCode(INVITE, { input: { partnerId: partnerP.id, email: address(), fullName: 'X' } })).toBe('FORBIDDEN');
    }
  });

  it('lists staff and invitations in pages at a fixed number of statements', async () => {
    for (let i = 0; i < 4; i++) await app.seed.person({ partner: partnerQ, roles: [{ role: Role.INSTRUCTOR }] });
    for (let i = 0; i < 4; i++) await adminQ.ok(INVITE, { input: { partnerId: partnerQ.id, email: address(), fullName: `Dosen ${i}` } });
    // The invitation mails are written by jobs: let them finish, so their statements are not counted below.
    await expect.poll(async () => (await app.sql(`select count(*)::int as n from pgboss.job where name = 'mail' and state <> 'completed'`))[0].n, { timeout: 15_000 }).toBe(0);
    const small = await app.countSql(() => adminQ.ok(STAFF, { partnerId: partnerQ.id, first: 2 }));
    const large = await app.countSql(() => adminQ.ok(STAFF, { partnerId: partnerQ.id, first: 100 }));
    expect(large.count).toBe(small.count);
    const first = await adminQ.ok(INVITATIONS, { partnerId: partnerQ.id, status: 'PENDING', first: 2 });
    expect(first.partnerInvitations.pageInfo.hasNextPage).toBe(true);
    const second = await adminQ.ok(INVITATIONS, { partnerId: partnerQ.id, status: 'PENDING', first: 100, after: first.partnerInvitations.pageInfo.endCursor });
    const ids = [...first.partnerInvitations.nodes, ...second.partnerInvitations.nodes].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(first.partnerInvitations.totalCount);
    const invSmall = await app.countSql(() => adminQ.ok(INVITATIONS, { partnerId: partnerQ.id, first: 1 }));
    const invLarge = await app.countSql(() => adminQ.ok(INVITATIONS, { partnerId: partnerQ.id, first: 100 }));
    expect(invLarge.count).toBe(invSmall.count);
  });
});
