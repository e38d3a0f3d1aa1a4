import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nipProblemText } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
let platform: GraphQLClient;
let platformId: string;
let home: Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>;
let other: Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>;
let admin: GraphQLClient;
let otherAdmin: GraphQLClient;
let learner: GraphQLClient;
let colleague: GraphQLClient;
let supervisor: GraphQLClient;
let instructor: GraphQLClient;

/** Valid, unique NIPs that never collide with the seed kit's (sex digit 2, sequence = k). */
function nip(k: number, opts: { pppk?: boolean } = {}): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `19${pad(60 + (k % 30))}${pad(1 + (k % 12))}${pad(1 + (k % 28))}${2000 + (k % 20)}${opts.pppk ? '21' : pad(1 + (k % 12))}2${pad(k % 1000, 3)}`;
}

beforeAll(async () => {
  app = await startTestApp();
  const ops = await app.seed.agency({ name: 'Lentera Operator' });
  const operator = await app.seed.person({ agency: ops, fullName: 'Operator Platform', roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  platformId = operator.id;
  home = await app.seed.agencyWithStaff(2);
  other = await app.seed.agencyWithStaff(1);
  const teacher = await app.seed.person({ agency: home.agency, roles: [{ role: Role.INSTRUCTOR }] });
  [platform, admin, otherAdmin, learner, colleague, supervisor, instructor] = await Promise.all([
    app.as(operator), app.as(home.admin), app.as(other.admin), app.as(home.learners[0]), app.as(home.learners[1]), app.as(home.supervisor), app.as(teacher),
  ]);
});
afterAll(async () => {
  await app?.close();
});

const count = async (sql: string, params: unknown[] = []) => (await app.sql<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const PERSON_FIELDS = `id fullName nip nipMasked nidn employmentType email agency { id name } orgUnit { id name } partner { id name }
  supervisor { id fullName } positionTitle rank active subordinateCount roles { id role agency { id } partner { id } }`;
const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${PERSON_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { ${PERSON_FIELDS} } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setPersonActive(id: $id, active: $active) { id active } }`;
const RESET = `mutation($id: ID!, $pw: String!) { resetPersonPassword(id: $id, newPassword: $pw) }`;
const PERSON = `query($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;
const PEOPLE = `query($agencyId: ID, $partnerId: ID, $search: String, $orgUnitId: ID, $active: Boolean, $role: Role, $first: Int, $after: String) {
  people(agencyId: $agencyId, partnerId: $partnerId, search: $search, orgUnitId: $orgUnitId, active: $active, role: $role, first: $first, after: $after) {
    nodes { id fullName nip } pageInfo { endCursor hasNextPage } totalCount } }`;
const GRANT = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id role agency { id } partner { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeRole(grantId: $id) }`;
const ME = `{ me { id } }`;

function base(k: number) {
  return { agencyId: home.agency.id, fullName: `Pegawai Baru ${k}`, nip: nip(k), employmentType: 'PNS', initialPassword: 'Sandi-Awal-123' };
}

describe('creating people', () => {
  it('creates a civil servant with unit and supervisor, who can then sign in', async () => {
    const raw = nip(1);
    const spaced = `${raw.slice(0, 8)} ${raw.slice(8, 14)} ${raw.slice(14, 15)} ${raw.slice(15)}`;
    const { createPerson: p } = await admin.ok(CREATE, {
      input: {
        agencyId: home.agency.id, fullName: '  Rina Marlina ', nip: spaced, employmentType: 'PNS', email: 'Rina.Marlina@Bandung.go.id',
        orgUnitId: home.unit.id, supervisorId: home.supervisor.id, positionTitle: 'Analis Kebijakan Ahli Muda', rank: 'III/c',
        initialPassword: 'Sandi-Awal-123',
      },
    });
    expect(p).toMatchObject({
      fullName: 'Rina Marlina', nip: raw, nipMasked: false, employmentType: 'PNS', email: 'rina.marlina@bandung.go.id',
      agency: { id: home.agency.id }, orgUnit: { id: home.unit.id }, supervisor: { id: home.supervisor.id },
      positionTitle: 'Analis Kebijakan Ahli Muda', rank: 'III/c', active: true, subordinateCount: 0, roles: [],
    });
    const [row] = await app.sql(`select password_hash from person where id = $1`, [p.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const client = app.anonymous();
    await client.signIn(raw, 'Sandi-Awal-123');
    expect((await client.ok(ME)).me.id).toBe(p.id);
    expect((await app.sql(`select action, actor_id from audit_entry where target_id = $1`, [p.id]))).toEqual([{ action: 'person.create', actor_id: home.admin.id }]);
  });

  it('accepts PPPK numbers (month 21) as PPPK, and refuses a number that contradicts the chosen type', async () => {
    const { createPerson } = await admin.ok(CREATE, { input: { ...base(2), nip: nip(2, { pppk: true }), employmentType: 'PPPK', rank: 'IX' } });
    expect(createPerson).toMatchObject({ employmentType: 'PPPK', nip: nip(2, { pppk: true }), rank: 'IX' });

    const before = await count('person');
    const pppkAsPns = await admin.request(CREATE, { input: { ...base(3), nip: nip(3, { pppk: true }) } });
    expect(pppkAsPns.errors?.[0].extensions).toMatchObject({ code: 'INVALID_NIP', field: 'nip', params: { problem: 'PPPK_NIP_FOR_PNS' } });
    expect(pppkAsPns.errors?.[0].message).toContain('PPPK');
    const pnsAsPppk = await admin.request(CREATE, { input: { ...base(4), employmentType: 'PPPK' } });
    expect(pnsAsPppk.errors?.[0].extensions).toMatchObject({ code: 'INVALID_NIP', params: { problem: 'PNS_NIP_FOR_PPPK' } });
    const nonAsn = await admin.request(CREATE, { input: { ...base(5), employmentType: 'NON_ASN', email: 'honorer@bandung.go.id' } });
    expect(nonAsn.errors?.[0].extensions).toMatchObject({ code: 'INVALID_NIP', params: { problem: 'NIP_FOR_NON_ASN' } });
    expect(await count('person')).toBe(before);
  });

  it('rejects every kind of malformed NIP with its reason, in the viewer’s language, writing nothing', async () => {
    const year = new Date().getUTCFullYear();
    const cases: [string, keyof typeof nipProblemText][] = [
      ['19850312201001100', 'NOT_18_DIGITS'],
      ['19850312201001100A', 'NOT_18_DIGITS'],
      ['198513322010011001', 'BAD_BIRTH_DATE'],
      ['198502302010011001', 'BAD_BIRTH_DATE'],
      ['198503122010131001', 'BAD_APPOINTMENT_MONTH'],
      ['198503121980011001', 'APPOINTMENT_BEFORE_BIRTH'],
      // Appointed at 10, and a month short of 18: both refused.
      ['198503121995011001', 'APPOINTED_UNDER_18'],
      ['198503122003031001', 'APPOINTED_UNDER_18'],
      ['198503122002211001', 'APPOINTED_UNDER_18'],
      [`19850312${year + 1}011001`, 'APPOINTMENT_IN_FUTURE'],
      ['198503122010013001', 'BAD_SEX_DIGIT'],
    ];
    const english = await app.as(await app.seed.person({ agency: home.agency, roles: [{ role: Role.AGENCY_ADMIN }] }));
    await english.ok(`mutation { setMyLanguage(language: EN) { locale } }`);
    const before = await count('person');
    for (const [bad, problem] of cases) {
      const id = await admin.request(CREATE, { input: { ...base(6), nip: bad } });
      expect(id.errors?.[0].extensions, bad).toMatchObject({ code: 'INVALID_NIP', field: 'nip', params: { problem, reason: nipProblemText[problem].id } });
      expect(id.errors?.[0].message).toBe(`NIP tidak valid: ${nipProblemText[problem].id}`);
      const en = await english.request(CREATE, { input: { ...base(6), nip: bad } });
      expect(en.errors?.[0].message).toBe(`Invalid NIP: ${nipProblemText[problem].en}`);
      // The same rules guard changing a NIP.
      expect(await admin.errorCode(UPDATE, { id: home.learners[1].id, input: { nip: bad } })).toBe('INVALID_NIP');
    }
    expect(await count('person')).toBe(before);
    expect((await app.sql(`select nip from person where id = $1`, [home.learners[1].id]))[0].nip).toBe(home.learners[1].nip);
  });

  it('requires a NIP for ASN and an e-mail for non-ASN staff, and validates every field', async () => {
    const before = await count('person');
    expect(await admin.errorCode(CREATE, { input: { ...base(7), nip: null } })).toBe('NIP_REQUIRED');
    expect(await admin.errorCode(CREATE, { input: { ...base(7), nip: '  ' } })).toBe('NIP_REQUIRED');
    expect(await admin.errorCode(CREATE, { input: { ...base(7), nip: null, employmentType: 'NON_ASN' } })).toBe('EMAIL_REQUIRED');
    expect(await admin.errorCode(CREATE, { input: { ...base(7), rank: 'V/a' } })).toBe('INVALID_RANK');
    expect(await admin.errorCode(CREATE, { input: { ...base(7), nip: nip(7, { pppk: true }), employmentType: 'PPPK', rank: 'III/a' } })).toBe('INVALID_RANK');
    for (const [field, value] of [['fullName', '   '], ['fullName', ''], ['email', 'bukan-email'], ['initialPassword', 'pendek'], ['nidn', '12345']] as const) {
      const res = await admin.request(CREATE, { input: { ...base(7), [field]: value } });
      expect(res.errors?.[0].extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual([field]);
    }
    expect(await admin.errorCode(CREATE, { input: { ...base(7), employmentType: 'HONORER' } })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(CREATE, { input: { ...base(7), agencyId: null } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(CREATE, { input: { ...base(7), partnerId: (await app.seed.partner()).id } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(CREATE, { input: { ...base(7), agencyId: UNKNOWN } })).toBe('NOT_FOUND');
    expect(await count('person')).toBe(before);
  });

  it('refuses a NIP or e-mail that is taken, also when two requests race for it', async () => {
    const taken = home.learners[0].nip!;
    const before = await count('person');
    expect(await admin.errorCode(CREATE, { input: { ...base(8), nip: `${taken.slice(0, 8)} ${taken.slice(8)}` } })).toBe('DUPLICATE_NIP');
    await admin.ok(CREATE, { input: { ...base(9), email: 'kembar@bandung.go.id' } });
    expect(await admin.errorCode(CREATE, { input: { ...base(10), email: 'KEMBAR@bandung.go.id' } })).toBe('DUPLICATE_EMAIL');
    expect(await admin.errorCode(UPDATE, { id: home.learners[1].id, input: { nip: taken } })).toBe('DUPLICATE_NIP');
    expect(await admin.errorCode(UPDATE, { id: home.learners[1].id, input: { email: 'kembar@bandung.go.id' } })).toBe('DUPLICATE_EMAIL');
    expect(await count('person')).toBe(before + 1);

    const results = await Promise.all([
      admin.request(CREATE, { input: { ...base(11), fullName: 'Balapan Satu' } }),
      admin.request(CREATE, { input: { ...base(11), fullName: 'Balapan Dua' } }),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions?.code).toBe('DUPLICATE_NIP');
    expect(await count(`person where nip = $1`, [nip(11)])).toBe(1);
  });

  it('requires the supervisor to be an active colleague and the unit to be the agency’s own', async () => {
    const inactive = await app.seed.person({ agency: home.agency, active: false });
    const before = await count('person');
    for (const supervisorId of [other.supervisor.id, inactive.id, UNKNOWN, 'garbage']) {
      expect(await admin.errorCode(CREATE, { input: { ...base(12), supervisorId } }), supervisorId).toBe('INVALID_SUPERVISOR');
    }
    for (const orgUnitId of [other.unit.id, UNKNOWN, 'garbage']) {
      expect(await admin.errorCode(CREATE, { input: { ...base(12), orgUnitId } }), orgUnitId).toBe('INVALID_ORG_UNIT');
    }
    expect(await count('person')).toBe(before);
  });

  it('lets only platform admins add partner staff, with e-mail or NIP and an optional NIDN', async () => {
    const partner = await app.seed.partner({ name: 'Universitas Diponegoro' });
    const staff = { partnerId: partner.id, fullName: 'Dr. Hendra Wijaya', employmentType: 'NON_ASN', email: 'hendra@undip.ac.id', nidn: '0012037801', initialPassword: 'Sandi-Awal-123' };
    const before = await count('person');
    expect(await admin.errorCode(CREATE, { input: staff })).toBe('FORBIDDEN');
    expect(await platform.errorCode(CREATE, { input: { ...staff, orgUnitId: home.unit.id } })).toBe('INVALID_ORG_UNIT');
    expect(await platform.errorCode(CREATE, { input: { ...staff, supervisorId: home.supervisor.id } })).toBe('INVALID_SUPERVISOR');
    expect(await platform.errorCode(CREATE, { input: { ...staff, partnerId: UNKNOWN } })).toBe('NOT_FOUND');
    expect(await count('person')).toBe(before);

    const { createPerson: lecturer } = await platform.ok(CREATE, { input: staff });
    expect(lecturer).toMatchObject({ partner: { id: partner.id, name: 'Universitas Diponegoro' }, agency: null, nidn: '0012037801', nip: null });
    const { createPerson: civilLecturer } = await platform.ok(CREATE, {
      input: { ...staff, fullName: 'Prof. Sri Rahayu', email: null, nidn: null, employmentType: 'PNS', nip: nip(13), supervisorId: lecturer.id },
    });
    expect(civilLecturer).toMatchObject({ nip: nip(13), supervisor: { id: lecturer.id } });
    const list = (await platform.ok(PEOPLE, { partnerId: partner.id })).people;
    expect(list.nodes.map((p: any) => p.fullName)).toEqual(['Dr. Hendra Wijaya', 'Prof. Sri Rahayu']);
    expect(await admin.errorCode(PEOPLE, { partnerId: partner.id })).toBe('FORBIDDEN');
    expect(await admin.errorCode(PERSON, { id: lecturer.id })).toBe('NOT_FOUND');
  });
});

describe('the people list', () => {
  it('searches by name (typos too), NIP prefix and e-mail, and filters by unit with sub-units, status and role', async () => {
    const agency = await app.seed.agency({ name: 'Pemerintah Kota Bandung' });
    const root = await app.seed.orgUnit(agency, 'Dinas Pendidikan');
    const sub = await app.seed.orgUnit(agency, 'Bidang SMP', root);
    const boss = await app.seed.person({ agency, orgUnit: root, fullName: 'Dewanto Prasetyo', nip: nip(20), roles: [{ role: Role.AGENCY_ADMIN }] });
    await app.seed.person({ agency, orgUnit: sub, fullName: 'Dewi Lestari', nip: nip(21), supervisor: boss });
    await app.seed.person({ agency, fullName: 'Budi Santoso', nip: nip(22), email: 'budi.santoso@bandung.go.id' });
    await app.seed.person({ agency, fullName: 'Siti 100%_Nurhaliza', nip: nip(23), active: false });
    const client = await app.as(boss);
    const names = async (vars: Record<string, unknown>) =>
      (await client.ok(PEOPLE, { agencyId: agency.id, ...vars })).people.nodes.map((p: any) => p.fullName);

    expect(await names({})).toEqual(['Budi Santoso', 'Dewanto Prasetyo', 'Dewi Lestari', 'Siti 100%_Nurhaliza']);
    expect(await names({ search: 'lestari' })).toEqual(['Dewi Lestari']);
    expect(await names({ search: 'Lestary' })).toEqual(['Dewi Lestari']);
    expect(await names({ search: 'dew' })).toEqual(['Dewanto Prasetyo', 'Dewi Lestari']);
    expect(await names({ search: '%_' })).toEqual(['Siti 100%_Nurhaliza']);
    expect(await names({ search: `${nip(22).slice(0, 4)} ${nip(22).slice(4, 8)}` })).toEqual(['Budi Santoso']);
    expect(await names({ search: 'budi.sant' })).toEqual(['Budi Santoso']);
    expect(await names({ orgUnitId: root.id })).toEqual(['Dewanto Prasetyo', 'Dewi Lestari']);
    expect(await names({ orgUnitId: sub.id })).toEqual(['Dewi Lestari']);
    expect(await names({ orgUnitId: other.unit.id })).toEqual([]);
    expect(await names({ orgUnitId: 'garbage' })).toEqual([]);
    expect(await names({ active: false })).toEqual(['Siti 100%_Nurhaliza']);
    expect(await names({ role: 'AGENCY_ADMIN' })).toEqual(['Dewanto Prasetyo']);
    expect(await names({ role: 'SUPERVISOR' })).toEqual(['Dewanto Prasetyo']);
    expect(await names({ role: 'LEARNER', active: true, search: 'a' })).toEqual(['Budi Santoso', 'Dewanto Prasetyo', 'Dewi Lestari']);
    // Admins see full NIPs in their list.
    expect((await client.ok(PEOPLE, { agencyId: agency.id, search: 'Budi' })).people.nodes[0].nip).toBe(nip(22));
  });

  it('walks every page with the cursor, in name order, at a constant number of statements', async () => {
    const agency = await app.seed.agency();
    const boss = await app.seed.person({ agency, fullName: 'Aaa Kepala', roles: [{ role: Role.AGENCY_ADMIN }] });
    for (const name of ['Gita', 'Bayu', 'Fajar', 'Citra', 'Eko', 'Dian', 'Hana']) await app.seed.person({ agency, fullName: `${name} Pratama`, supervisor: boss });
    const client = await app.as(boss);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { people }: any = await client.ok(PEOPLE, { agencyId: agency.id, first: 3, after });
      expect(people.totalCount).toBe(8);
      seen.push(...people.nodes.map((p: any) => p.fullName));
      after = people.pageInfo.hasNextPage ? people.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['Aaa Kepala', 'Bayu Pratama', 'Citra Pratama', 'Dian Pratama', 'Eko Pratama', 'Fajar Pratama', 'Gita Pratama', 'Hana Pratama']);

    const RICH = `query($agencyId: ID!, $first: Int) { people(agencyId: $agencyId, first: $first) {
      nodes { id nip agency { name } orgUnit { name } supervisor { fullName nip } roles { role } subordinateCount } totalCount } }`;
    const small = await app.countSql(() => client.ok(RICH, { agencyId: agency.id, first: 2 }));
    const large = await app.countSql(() => client.ok(RICH, { agencyId: agency.id, first: 8 }));
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(6);

    expect(await client.errorCode(PEOPLE, { agencyId: agency.id, after: 'bm90LWpzb24' })).toBe('INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify(['Bayu', 'not-a-uuid'])).toString('base64url');
    expect(await client.errorCode(PEOPLE, { agencyId: agency.id, after: forged })).toBe('INVALID_CURSOR');
    expect(await client.errorCode(PEOPLE, { agencyId: agency.id, first: 0 })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(PEOPLE, {})).toBe('BAD_USER_INPUT');
  });

  it('is only for the agency’s admins and platform admins', async () => {
    for (const client of [learner, supervisor, instructor]) expect(await client.errorCode(PEOPLE, { agencyId: home.agency.id })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(PEOPLE, { agencyId: home.agency.id })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(PEOPLE, { agencyId: UNKNOWN })).toBe('NOT_FOUND');
    expect(await app.anonymous().errorCode(PEOPLE, { agencyId: home.agency.id })).toBe('UNAUTHENTICATED');
    expect((await platform.ok(PEOPLE, { agencyId: home.agency.id })).people.totalCount).toBeGreaterThan(4);
  });
});

describe('reading one person', () => {
  it('shows the full NIP to the person, their supervisor and admins, and masks it for a subordinate', async () => {
    const me = home.learners[0];
    for (const client of [learner, supervisor, admin, platform]) {
      const { person } = await client.ok(PERSON, { id: me.id });
      expect(person).toMatchObject({ nip: me.nip, nipMasked: false, supervisor: { id: home.supervisor.id } });
    }
    // The learner sees their supervisor's record through their own, but not the supervisor's NIP or roles.
    const nested = (await learner.ok(`query($id: ID!) { person(id: $id) { roles { role } supervisor { id nip nipMasked roles { role } subordinateCount } } }`, { id: me.id })).person;
    expect(nested.roles).toEqual([]);
    const boss = home.supervisor.nip!;
    const reports = await count(`person where supervisor_id = $1 and active`, [home.supervisor.id]);
    expect(reports).toBeGreaterThanOrEqual(2);
    expect(nested.supervisor).toMatchObject({ id: home.supervisor.id, nipMasked: true, roles: null, subordinateCount: reports });
    expect(nested.supervisor.nip).toBe(`${boss.slice(0, 4)}${'•'.repeat(11)}${boss.slice(-3)}`);
    expect((await supervisor.ok(PERSON, { id: home.supervisor.id })).person.nip).toBe(boss);
  });

  it('does not exist for colleagues, another agency’s admin, or unknown ids', async () => {
    const me = home.learners[0];
    expect(await colleague.errorCode(PERSON, { id: me.id })).toBe('NOT_FOUND');
    expect(await instructor.errorCode(PERSON, { id: me.id })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(PERSON, { id: me.id })).toBe('NOT_FOUND');
    expect(await learner.errorCode(PERSON, { id: home.supervisor.id })).toBe('NOT_FOUND');
    expect(await admin.errorCode(PERSON, { id: UNKNOWN })).toBe('NOT_FOUND');
    expect(await admin.errorCode(PERSON, { id: 'garbage' })).toBe('NOT_FOUND');
    expect(await app.anonymous().errorCode(PERSON, { id: me.id })).toBe('UNAUTHENTICATED');
  });
});

describe('changing people', () => {
  it('updates fields (a NIP too, validated), clears optional ones with null, and audits the change', async () => {
    const p = await app.seed.person({ agency: home.agency, orgUnit: home.unit, supervisor: home.supervisor, fullName: 'Ahmad Fauzi' });
    const { updatePerson } = await admin.ok(UPDATE, {
      id: p.id,
      input: { fullName: 'Ahmad Fauzi, S.T.', nip: nip(30), positionTitle: 'Pranata Komputer Ahli Pertama', rank: 'III/a', supervisorId: null, orgUnitId: null, email: 'Ahmad@Bandung.go.id' },
    });
    expect(updatePerson).toMatchObject({
      fullName: 'Ahmad Fauzi, S.T.', nip: nip(30), positionTitle: 'Pranata Komputer Ahli Pertama', rank: 'III/a',
      supervisor: null, orgUnit: null, email: 'ahmad@bandung.go.id', employmentType: 'PNS',
    });
    const [audit] = await app.sql(`select action, data from audit_entry where target_id = $1`, [p.id]);
    expect(audit.action).toBe('person.update');
    expect(Object.keys(audit.data.changes).sort()).toEqual(['email', 'fullName', 'nip', 'orgUnitId', 'positionTitle', 'rank', 'supervisorId']);

    // Nothing given, nothing changed.
    expect((await admin.ok(UPDATE, { id: p.id, input: {} })).updatePerson.fullName).toBe('Ahmad Fauzi, S.T.');
    const snapshot = await app.sql(`select * from person where id = $1`, [p.id]);
    expect(await admin.errorCode(UPDATE, { id: p.id, input: { fullName: '  ' } })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(UPDATE, { id: p.id, input: { fullName: null } })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(UPDATE, { id: p.id, input: { nip: null } })).toBe('NIP_REQUIRED');
    expect(await admin.errorCode(UPDATE, { id: p.id, input: { employmentType: 'PPPK' } })).toBe('INVALID_NIP');
    expect(await admin.errorCode(UPDATE, { id: p.id, input: { orgUnitId: other.unit.id } })).toBe('INVALID_ORG_UNIT');
    expect(await admin.errorCode(UPDATE, { id: UNKNOWN, input: { fullName: 'X' } })).toBe('NOT_FOUND');
    expect(await app.sql(`select * from person where id = $1`, [p.id])).toEqual(snapshot);
  });

  it('refuses a supervisor that would make a reporting cycle', async () => {
    const head = await app.seed.person({ agency: home.agency, fullName: 'Kepala Dinas' });
    const mid = await app.seed.person({ agency: home.agency, fullName: 'Kepala Bidang', supervisor: head });
    const staff = await app.seed.person({ agency: home.agency, fullName: 'Staf Bidang', supervisor: mid });
    expect(await admin.errorCode(UPDATE, { id: head.id, input: { supervisorId: staff.id } })).toBe('INVALID_SUPERVISOR');
    expect(await admin.errorCode(UPDATE, { id: head.id, input: { supervisorId: mid.id } })).toBe('INVALID_SUPERVISOR');
    expect(await admin.errorCode(UPDATE, { id: head.id, input: { supervisorId: head.id } })).toBe('INVALID_SUPERVISOR');
    expect(await admin.errorCode(UPDATE, { id: head.id, input: { supervisorId: other.supervisor.id } })).toBe('INVALID_SUPERVISOR');
    expect((await app.sql(`select supervisor_id from person where id = $1`, [head.id]))[0].supervisor_id).toBeNull();
    // Re-pointing down the chain the other way is fine.
    expect((await admin.ok(UPDATE, { id: staff.id, input: { supervisorId: head.id } })).updatePerson.supervisor.id).toBe(head.id);
  });

  it('signs a deactivated person out at once and keeps them out until reactivated', async () => {
    const p = await app.seed.person({ agency: home.agency, fullName: 'Akan Dinonaktifkan' });
    const client = await app.as(p);
    const second = await app.as(p);
    expect((await client.ok(ME)).me.id).toBe(p.id);

    const { setPersonActive } = await admin.ok(SET_ACTIVE, { id: p.id, active: false });
    expect(setPersonActive.active).toBe(false);
    expect((await client.ok(ME)).me).toBeNull();
    expect(await second.errorCode(PERSON, { id: p.id })).toBe('UNAUTHENTICATED');
    expect(await count(`session where person_id = $1`, [p.id])).toBe(0);
    expect(await app.anonymous().errorCode(`mutation($i: SignInInput!) { signIn(input: $i) { me { id } } }`, { i: { login: p.nip, password: Seed.PASSWORD } })).toBe('PERSON_INACTIVE');
    // Inactive people stay in the admin's list (filterable), and can come back.
    expect((await admin.ok(PEOPLE, { agencyId: home.agency.id, active: false })).people.nodes.map((n: any) => n.id)).toContain(p.id);
    await admin.ok(SET_ACTIVE, { id: p.id, active: true });
    await app.anonymous().signIn(p.nip!, Seed.PASSWORD);
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at`, [p.id])).map((a) => a.action)).toEqual(['person.deactivate', 'person.activate']);

    // An admin cannot lock themselves out.
    expect(await admin.errorCode(SET_ACTIVE, { id: home.admin.id, active: false })).toBe('FORBIDDEN');
  });

  it('resets a password: the new one works, the old one and other sessions end', async () => {
    const p = await app.seed.person({ agency: home.agency });
    const client = await app.as(p);
    expect(await admin.errorCode(RESET, { id: p.id, pw: 'pendek' })).toBe('BAD_USER_INPUT');
    expect((await client.ok(ME)).me.id).toBe(p.id);
    expect((await admin.ok(RESET, { id: p.id, pw: 'Sandi-Baru-2026' })).resetPersonPassword).toBe(true);
    expect((await client.ok(ME)).me).toBeNull();
    const fresh = app.anonymous();
    expect(await fresh.errorCode(`mutation($i: SignInInput!) { signIn(input: $i) { me { id } } }`, { i: { login: p.nip, password: Seed.PASSWORD } })).toBe('INVALID_CREDENTIALS');
    await fresh.signIn(p.nip!, 'Sandi-Baru-2026');
    expect((await fresh.ok(ME)).me.id).toBe(p.id);
    expect(await admin.errorCode(RESET, { id: UNKNOWN, pw: 'Sandi-Baru-2026' })).toBe('NOT_FOUND');
  });

  it('keeps other roles and other agencies’ admins from changing anyone, writing nothing', async () => {
    const target = home.learners[1];
    const snapshot = await app.sql(`select * from person where id = $1`, [target.id]);
    const auditBefore = await count('audit_entry');
    for (const client of [learner, supervisor, instructor]) {
      expect(await client.errorCode(CREATE, { input: base(40) })).toBe('FORBIDDEN');
      expect(await client.errorCode(UPDATE, { id: target.id, input: { fullName: 'Diubah' } })).toBe('FORBIDDEN');
      expect(await client.errorCode(SET_ACTIVE, { id: target.id, active: false })).toBe('FORBIDDEN');
      expect(await client.errorCode(RESET, { id: target.id, pw: 'Sandi-Curian-1' })).toBe('FORBIDDEN');
    }
    expect(await otherAdmin.errorCode(CREATE, { input: base(40) })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(UPDATE, { id: target.id, input: { fullName: 'Diubah' } })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(SET_ACTIVE, { id: target.id, active: false })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(RESET, { id: target.id, pw: 'Sandi-Curian-1' })).toBe('NOT_FOUND');
    // Nor can they pull someone of another agency in as a supervisor or move people into foreign units.
    expect(await otherAdmin.errorCode(UPDATE, { id: other.learners[0].id, input: { supervisorId: home.supervisor.id } })).toBe('INVALID_SUPERVISOR');
    expect(await otherAdmin.errorCode(UPDATE, { id: other.learners[0].id, input: { orgUnitId: home.unit.id } })).toBe('INVALID_ORG_UNIT');
    const anon = app.anonymous();
    expect(await anon.errorCode(CREATE, { input: base(40) })).toBe('UNAUTHENTICATED');
    expect(await anon.errorCode(UPDATE, { id: target.id, input: { fullName: 'Diubah' } })).toBe('UNAUTHENTICATED');
    expect(await app.sql(`select * from person where id = $1`, [target.id])).toEqual(snapshot);
    expect(await count(`person where nip = $1`, [nip(40)])).toBe(0);
    expect(await count('audit_entry')).toBe(auditBefore);
  });
});

describe('roles', () => {
  it('lets an agency admin grant and revoke INSTRUCTOR and AGENCY_ADMIN in their agency, idempotently', async () => {
    const p = await app.seed.person({ agency: home.agency, fullName: 'Calon Admin' });
    const client = await app.as(p);
    expect(await client.errorCode(PEOPLE, { agencyId: home.agency.id })).toBe('FORBIDDEN');

    const input = { personId: p.id, role: 'AGENCY_ADMIN', agencyId: home.agency.id };
    const first = (await admin.ok(GRANT, { input })).grantRole;
    const again = (await admin.ok(GRANT, { input })).grantRole;
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ role: 'AGENCY_ADMIN', agency: { id: home.agency.id }, partner: null });
    expect(await count(`role_grant where person_id = $1`, [p.id])).toBe(1);
    // The new admin's very next request has the role.
    expect((await client.ok(PEOPLE, { agencyId: home.agency.id })).people.totalCount).toBeGreaterThan(3);

    const teach = (await admin.ok(GRANT, { input: { personId: p.id, role: 'INSTRUCTOR', agencyId: home.agency.id } })).grantRole;
    expect((await admin.ok(PERSON, { id: p.id })).person.roles.map((r: any) => r.role).sort()).toEqual(['AGENCY_ADMIN', 'INSTRUCTOR']);

    expect((await admin.ok(REVOKE, { id: first.id })).revokeRole).toBe(first.id);
    expect(await client.errorCode(PEOPLE, { agencyId: home.agency.id })).toBe('FORBIDDEN');
    expect((await admin.ok(REVOKE, { id: teach.id })).revokeRole).toBe(teach.id);
    expect(await count(`role_grant where person_id = $1`, [p.id])).toBe(0);
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at`, [p.id])).map((a) => a.action))
      .toEqual(['role.grant', 'role.grant', 'role.revoke', 'role.revoke']);
  });

  it('keeps agency admins to their own agency and their two roles; derived roles are never granted', async () => {
    const p = home.learners[1];
    const partner = await app.seed.partner();
    const elsewhere = await app.seed.person({ agency: other.agency, roles: [{ role: Role.INSTRUCTOR }] });
    const [otherGrant] = await app.sql(`select id from role_grant where person_id = $1`, [elsewhere.id]);
    const before = await count('role_grant');
    const grant = (input: Record<string, unknown>) => admin.errorCode(GRANT, { input: { personId: p.id, ...input } });
    expect(await grant({ role: 'PLATFORM_ADMIN' })).toBe('FORBIDDEN');
    expect(await grant({ role: 'PARTNER_ADMIN', partnerId: partner.id })).toBe('FORBIDDEN');
    expect(await grant({ role: 'INSTRUCTOR', partnerId: partner.id })).toBe('FORBIDDEN');
    expect(await grant({ role: 'AGENCY_ADMIN', agencyId: other.agency.id })).toBe('FORBIDDEN');
    expect(await grant({ role: 'LEARNER' })).toBe('BAD_USER_INPUT');
    expect(await grant({ role: 'SUPERVISOR', agencyId: home.agency.id })).toBe('BAD_USER_INPUT');
    expect(await grant({ role: 'AGENCY_ADMIN' })).toBe('BAD_USER_INPUT');
    expect(await grant({ role: 'INSTRUCTOR', agencyId: home.agency.id, partnerId: partner.id })).toBe('BAD_USER_INPUT');
    expect(await grant({ role: 'INSTRUCTOR', agencyId: UNKNOWN })).toBe('NOT_FOUND');
    expect(await admin.errorCode(GRANT, { input: { personId: elsewhere.id, role: 'INSTRUCTOR', agencyId: home.agency.id } })).toBe('NOT_FOUND');
    expect(await admin.errorCode(GRANT, { input: { personId: UNKNOWN, role: 'INSTRUCTOR', agencyId: home.agency.id } })).toBe('NOT_FOUND');
    expect(await admin.errorCode(REVOKE, { id: otherGrant.id })).toBe('NOT_FOUND');
    expect(await admin.errorCode(REVOKE, { id: UNKNOWN })).toBe('NOT_FOUND');
    for (const client of [learner, supervisor, instructor]) {
      expect(await client.errorCode(GRANT, { input: { personId: p.id, role: 'INSTRUCTOR', agencyId: home.agency.id } })).toBe('FORBIDDEN');
      expect(await client.errorCode(REVOKE, { id: otherGrant.id })).toBe('FORBIDDEN');
    }
    expect(await app.anonymous().errorCode(REVOKE, { id: otherGrant.id })).toBe('UNAUTHENTICATED');
    expect(await count('role_grant')).toBe(before);
  });

  it('lets platform admins grant any role, but not revoke their own PLATFORM_ADMIN', async () => {
    const partner = await app.seed.partner();
    const staff = await app.seed.person({ partner, email: 'admin@mitra.ac.id' });
    const partnerAdmin = (await platform.ok(GRANT, { input: { personId: staff.id, role: 'PARTNER_ADMIN', partnerId: partner.id } })).grantRole;
    expect(partnerAdmin).toMatchObject({ role: 'PARTNER_ADMIN', partner: { id: partner.id }, agency: null });
    const crossAdmin = (await platform.ok(GRANT, { input: { personId: other.learners[0].id, role: 'AGENCY_ADMIN', agencyId: home.agency.id } })).grantRole;
    expect(crossAdmin.agency.id).toBe(home.agency.id);
    const colleagueOp = (await platform.ok(GRANT, { input: { personId: home.learners[1].id, role: 'PLATFORM_ADMIN' } })).grantRole;
    expect(colleagueOp).toMatchObject({ role: 'PLATFORM_ADMIN', agency: null, partner: null });
    expect(await platform.errorCode(GRANT, { input: { personId: home.learners[1].id, role: 'PLATFORM_ADMIN', agencyId: home.agency.id } })).toBe('BAD_USER_INPUT');

    // An agency admin sees a platform grant of their own staff but may not touch it.
    expect(await admin.errorCode(REVOKE, { id: colleagueOp.id })).toBe('FORBIDDEN');
    const [own] = await app.sql(`select id from role_grant where person_id = $1 and role = 'PLATFORM_ADMIN'`, [platformId]);
    expect(await platform.errorCode(REVOKE, { id: own.id })).toBe('FORBIDDEN');
    expect(await count(`role_grant where id = $1`, [own.id])).toBe(1);

    for (const g of [partnerAdmin, crossAdmin, colleagueOp]) expect((await platform.ok(REVOKE, { id: g.id })).revokeRole).toBe(g.id);
    expect(await count(`role_grant where id in ($1, $2, $3)`, [partnerAdmin.id, crossAdmin.id, colleagueOp.id])).toBe(0);
  });
});
