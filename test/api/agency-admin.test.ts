import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

let app: TestApp;
let platform: GraphQLClient;
let home: Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>;
let other: Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>;
let admin: GraphQLClient;
let otherAdmin: GraphQLClient;
let learner: GraphQLClient;
let supervisor: GraphQLClient;
let instructor: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  const ops = await app.seed.agency({ name: 'Lentera Operator' });
  const operator = await app.seed.person({ agency: ops, fullName: 'Operator Platform', roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  home = await app.seed.agencyWithStaff(2);
  other = await app.seed.agencyWithStaff(1);
  const teacher = await app.seed.person({ agency: home.agency, roles: [{ role: Role.INSTRUCTOR }] });
  [platform, admin, otherAdmin, learner, supervisor, instructor] = await Promise.all([
    app.as(operator), app.as(home.admin), app.as(other.admin), app.as(home.learners[0]), app.as(home.supervisor), app.as(teacher),
  ]);
});
afterAll(async () => {
  await app?.close();
});

const count = async (sql: string, params: unknown[] = []) => (await app.sql<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n;

const AGENCY_FIELDS = `id code name kind timeZone active`;
const CREATE_AGENCY = `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { ${AGENCY_FIELDS} } }`;
const UPDATE_AGENCY = `mutation($id: ID!, $input: UpdateAgencyInput!) { updateAgency(id: $id, input: $input) { ${AGENCY_FIELDS} } }`;
const SET_AGENCY_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setAgencyActive(id: $id, active: $active) { ${AGENCY_FIELDS} } }`;
const AGENCIES = `query($search: String, $first: Int, $after: String, $active: Boolean) {
  agencies(search: $search, first: $first, after: $after, active: $active) { nodes { ${AGENCY_FIELDS} personCount } pageInfo { endCursor hasNextPage } totalCount } }`;
const AGENCY = `query($id: ID!) { agency(id: $id) { ${AGENCY_FIELDS} personCount } }`;

describe('agencies', () => {
  it('lets a platform admin create, edit and deactivate an agency, with an audit entry each time', async () => {
    const { createAgency } = await platform.ok(CREATE_AGENCY, {
      input: { code: 'pemkot-plg', name: 'Pemerintah Kota Palembang', kind: 'CITY', timeZone: 'Asia/Jakarta' },
    });
    expect(createAgency).toMatchObject({ code: 'PEMKOT-PLG', name: 'Pemerintah Kota Palembang', kind: 'CITY', timeZone: 'Asia/Jakarta', active: true });

    const { updateAgency } = await platform.ok(UPDATE_AGENCY, { id: createAgency.id, input: { name: '  Pemkot Palembang ', timeZone: 'Asia/Makassar' } });
    expect(updateAgency).toMatchObject({ code: 'PEMKOT-PLG', name: 'Pemkot Palembang', timeZone: 'Asia/Makassar' });

    // Everyone signed in finds active agencies (for filters)…
    expect((await learner.ok(AGENCY, { id: createAgency.id })).agency.name).toBe('Pemkot Palembang');
    const { setAgencyActive } = await platform.ok(SET_AGENCY_ACTIVE, { id: createAgency.id, active: false });
    expect(setAgencyActive.active).toBe(false);
    // …but a deactivated one only platform admins see.
    expect(await learner.errorCode(AGENCY, { id: createAgency.id })).toBe('NOT_FOUND');
    expect((await learner.ok(AGENCIES, { search: 'Palembang' })).agencies.totalCount).toBe(0);
    expect((await platform.ok(AGENCIES, { search: 'Palembang', active: false })).agencies.nodes.map((a: any) => a.id)).toEqual([createAgency.id]);

    const audit = await app.sql(`select action, actor_id from audit_entry where target_id = $1 order by at`, [createAgency.id]);
    expect(audit.map((a) => a.action)).toEqual(['agency.create', 'agency.update', 'agency.deactivate']);
  });

  it('lists active agencies by name for everyone signed in, searchable and paginated', async () => {
    for (const name of ['Kabupaten Uji Bogor', 'Kabupaten Uji Bekasi', 'Kabupaten Uji Bandung', 'Kabupaten Uji Garut']) {
      await app.seed.agency({ name, kind: 'REGENCY' as never });
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const { agencies }: any = await learner.ok(AGENCIES, { search: 'uji b', first: 2, after });
      expect(agencies.totalCount).toBe(3);
      seen.push(...agencies.nodes.map((a: any) => a.name));
      after = agencies.pageInfo.endCursor;
      if (!agencies.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(['Kabupaten Uji Bandung', 'Kabupaten Uji Bekasi', 'Kabupaten Uji Bogor']);
    // Search by code prefix; the wildcard characters a user types are literal.
    expect((await learner.ok(AGENCIES, { search: home.agency.code })).agencies.nodes[0].id).toBe(home.agency.id);
    expect((await learner.ok(AGENCIES, { search: '%' })).agencies.totalCount).toBe(0);
    expect(await learner.errorCode(AGENCIES, { after: 'not-a-cursor' })).toBe('INVALID_CURSOR');
    expect(await learner.errorCode(AGENCIES, { first: 101 })).toBe('BAD_USER_INPUT');
    expect(await app.anonymous().errorCode(AGENCIES)).toBe('UNAUTHENTICATED');
  });

  it('shows the people count only to the agency’s admins and platform admins', async () => {
    expect((await admin.ok(AGENCY, { id: home.agency.id })).agency.personCount).toBe(5);
    expect((await platform.ok(AGENCY, { id: home.agency.id })).agency.personCount).toBe(5);
    expect((await learner.ok(AGENCY, { id: home.agency.id })).agency.personCount).toBeNull();
    expect((await otherAdmin.ok(AGENCY, { id: home.agency.id })).agency.personCount).toBeNull();
  });

  it('refuses agency changes to anyone but platform admins, writing nothing', async () => {
    const before = await count('agency');
    const input = { code: 'NOPE-1', name: 'Tidak Boleh', kind: 'CITY' };
    for (const client of [admin, learner, supervisor, instructor]) {
      expect(await client.errorCode(CREATE_AGENCY, { input })).toBe('FORBIDDEN');
      expect(await client.errorCode(UPDATE_AGENCY, { id: home.agency.id, input: { name: 'Diubah' } })).toBe('FORBIDDEN');
      expect(await client.errorCode(SET_AGENCY_ACTIVE, { id: home.agency.id, active: false })).toBe('FORBIDDEN');
    }
    expect(await app.anonymous().errorCode(CREATE_AGENCY, { input })).toBe('UNAUTHENTICATED');
    expect(await count('agency')).toBe(before);
    expect((await app.sql(`select name, active from agency where id = $1`, [home.agency.id]))[0]).toEqual({ name: home.agency.name, active: true });
  });

  it('rejects bad input and duplicates with stable codes, writing nothing', async () => {
    const before = await count('agency');
    const auditBefore = await count('audit_entry');
    const valid = { code: 'PEMPROV-DKI', name: 'Pemerintah Provinsi DKI Jakarta', kind: 'PROVINCE', timeZone: 'Asia/Jakarta' };
    await platform.ok(CREATE_AGENCY, { input: valid });
    for (const bad of [{ code: 'A' }, { code: 'AB CD' }, { code: 'X'.repeat(33) }, { name: '   ' }, { name: '' }, { timeZone: 'Europe/Paris' }]) {
      const res = await platform.request(CREATE_AGENCY, { input: { ...valid, code: 'NEW-CODE', ...bad } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields?.[0].field).toBe(Object.keys(bad)[0]);
    }
    expect(await platform.errorCode(CREATE_AGENCY, { input: { ...valid, code: 'pemprov-dki' } })).toBe('DUPLICATE_CODE');
    expect(await platform.errorCode(UPDATE_AGENCY, { id: home.agency.id, input: { code: 'PEMPROV-DKI' } })).toBe('DUPLICATE_CODE');
    expect(await platform.errorCode(UPDATE_AGENCY, { id: home.agency.id, input: { name: ' ' } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(UPDATE_AGENCY, { id: home.agency.id, input: { name: null } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(UPDATE_AGENCY, { id: home.agency.id, input: { timeZone: 'Asia/Tokyo' } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(UPDATE_AGENCY, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'X' } })).toBe('NOT_FOUND');
    expect(await platform.errorCode(UPDATE_AGENCY, { id: 'not-a-uuid', input: { name: 'X' } })).toBe('NOT_FOUND');
    expect(await platform.errorCode(SET_AGENCY_ACTIVE, { id: '00000000-0000-4000-8000-000000000000', active: false })).toBe('NOT_FOUND');
    expect(await platform.errorCode(AGENCY, { id: 'not-a-uuid' })).toBe('NOT_FOUND');
    expect(await count('agency')).toBe(before + 1);
    expect(await count('audit_entry')).toBe(auditBefore + 1);
    expect((await app.sql(`select code from agency where id = $1`, [home.agency.id]))[0].code).toBe(home.agency.code);
  });
});

const UNIT_FIELDS = `id agencyId parentId name depth path personCount subtreePersonCount childCount`;
const ORG_UNITS = `query($agencyId: ID!) { orgUnits(agencyId: $agencyId) { ${UNIT_FIELDS} } }`;
const CREATE_UNIT = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { ${UNIT_FIELDS} } }`;
const RENAME_UNIT = `mutation($id: ID!, $name: String!) { renameOrgUnit(id: $id, name: $name) { ${UNIT_FIELDS} } }`;
const MOVE_UNIT = `mutation($id: ID!, $parentId: ID) { moveOrgUnit(id: $id, parentId: $parentId) { ${UNIT_FIELDS} } }`;
const DELETE_UNIT = `mutation($id: ID!) { deleteOrgUnit(id: $id) }`;

describe('org units', () => {
  it('builds, renames, moves (whole subtree) and deletes units of the admin’s agency', async () => {
    const agency = await app.seed.agency({ name: 'Pemerintah Kota Semarang' });
    const client = await app.as(await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] }));
    const create = async (name: string, parentId: string | null = null) =>
      (await client.ok(CREATE_UNIT, { input: { agencyId: agency.id, name, parentId } })).createOrgUnit;

    const dinkes = await create('Dinas Kesehatan');
    const p2p = await create('Bidang Pencegahan dan Pengendalian Penyakit', dinkes.id);
    const surveilans = await create('Seksi Surveilans', p2p.id);
    const dishub = await create('Dinas Perhubungan');
    expect(p2p).toMatchObject({ parentId: dinkes.id, depth: 1, path: `${dinkes.id}/${p2p.id}`, personCount: 0 });
    expect(surveilans).toMatchObject({ depth: 2, path: `${dinkes.id}/${p2p.id}/${surveilans.id}` });
    await app.seed.person({ agency, orgUnit: { id: surveilans.id } as never });
    await app.seed.person({ agency, orgUnit: { id: p2p.id } as never, active: false });

    const tree = (await client.ok(ORG_UNITS, { agencyId: agency.id })).orgUnits;
    expect(tree.map((u: any) => [u.name, u.depth])).toEqual([
      ['Dinas Kesehatan', 0], ['Bidang Pencegahan dan Pengendalian Penyakit', 1], ['Seksi Surveilans', 2], ['Dinas Perhubungan', 0],
    ]);
    expect(tree[0]).toMatchObject({ personCount: 0, subtreePersonCount: 2, childCount: 1 });
    expect(tree[1]).toMatchObject({ personCount: 1, subtreePersonCount: 2 });

    const renamed = (await client.ok(RENAME_UNIT, { id: p2p.id, name: ' Bidang P2P ' })).renameOrgUnit;
    expect(renamed.name).toBe('Bidang P2P');

    // Moving P2P under Dishub rewrites the paths of P2P and of Surveilans below it.
    const moved = (await client.ok(MOVE_UNIT, { id: p2p.id, parentId: dishub.id })).moveOrgUnit;
    expect(moved).toMatchObject({ parentId: dishub.id, depth: 1, path: `${dishub.id}/${p2p.id}`, subtreePersonCount: 2, childCount: 1 });
    const rows = await app.sql(`select id, parent_id, path from org_unit where agency_id = $1`, [agency.id]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[surveilans.id]).toMatchObject({ parent_id: p2p.id, path: `${dishub.id}/${p2p.id}/${surveilans.id}` });
    expect(byId[dinkes.id].path).toBe(dinkes.id);

    const top = (await client.ok(MOVE_UNIT, { id: surveilans.id, parentId: null })).moveOrgUnit;
    expect(top).toMatchObject({ parentId: null, depth: 0, path: surveilans.id, personCount: 1 });

    expect((await client.ok(DELETE_UNIT, { id: dinkes.id })).deleteOrgUnit).toBe(true);
    expect(await count(`org_unit where id = $1`, [dinkes.id])).toBe(0);

    const audit = await app.sql(`select action from audit_entry where target_type = 'OrgUnit' and target_id = any($1) order by at`, [[dinkes.id, p2p.id, surveilans.id]]);
    expect(audit.map((a) => a.action)).toEqual([
      'orgUnit.create', 'orgUnit.create', 'orgUnit.create', 'orgUnit.rename', 'orgUnit.move', 'orgUnit.move', 'orgUnit.delete',
    ]);
  });

  it('returns the whole tree in a bounded number of statements, however big', async () => {
    const agency = await app.seed.agency();
    const client = await app.as(await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] }));
    let parent = null;
    for (let i = 0; i < 40; i++) parent = await app.seed.orgUnit(agency, `Unit ${String(i).padStart(2, '0')}`, i % 4 === 0 ? null : parent);
    const { count: statements } = await app.countSql(async () => {
      expect((await client.ok(ORG_UNITS, { agencyId: agency.id })).orgUnits).toHaveLength(40);
    });
    // The session lookup and the tree; the admin check needs no SQL (their grant names the agency).
    expect(statements).toBe(2);
  });

  it('keeps other roles and other agencies’ admins out, changing nothing', async () => {
    const unit = home.unit;
    for (const client of [learner, supervisor, instructor]) {
      expect(await client.errorCode(ORG_UNITS, { agencyId: home.agency.id })).toBe('FORBIDDEN');
      expect(await client.errorCode(CREATE_UNIT, { input: { agencyId: home.agency.id, name: 'Liar' } })).toBe('FORBIDDEN');
      expect(await client.errorCode(RENAME_UNIT, { id: unit.id, name: 'Liar' })).toBe('FORBIDDEN');
      expect(await client.errorCode(MOVE_UNIT, { id: unit.id, parentId: null })).toBe('FORBIDDEN');
      expect(await client.errorCode(DELETE_UNIT, { id: unit.id })).toBe('FORBIDDEN');
    }
    // Another agency's admin: the agency is public, its tree is not theirs; its units do not exist for them.
    expect(await otherAdmin.errorCode(ORG_UNITS, { agencyId: home.agency.id })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(CREATE_UNIT, { input: { agencyId: home.agency.id, name: 'Liar' } })).toBe('FORBIDDEN');
    expect(await otherAdmin.errorCode(RENAME_UNIT, { id: unit.id, name: 'Liar' })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(MOVE_UNIT, { id: unit.id, parentId: other.unit.id })).toBe('NOT_FOUND');
    expect(await otherAdmin.errorCode(DELETE_UNIT, { id: unit.id })).toBe('NOT_FOUND');
    // Nor may they hang their own unit under a foreign one.
    expect(await otherAdmin.errorCode(MOVE_UNIT, { id: other.unit.id, parentId: unit.id })).toBe('INVALID_ORG_UNIT');
    expect(await app.anonymous().errorCode(ORG_UNITS, { agencyId: home.agency.id })).toBe('UNAUTHENTICATED');
    expect(await count(`org_unit where agency_id = $1`, [home.agency.id])).toBe(1);
    expect((await app.sql(`select name, parent_id from org_unit where id = $1`, [unit.id]))[0]).toEqual({ name: unit.name, parent_id: null });
    expect((await app.sql(`select parent_id from org_unit where id = $1`, [other.unit.id]))[0].parent_id).toBeNull();
  });

  it('rejects bad trees and bad input with stable codes, writing nothing', async () => {
    const agency = await app.seed.agency();
    const client = await app.as(await app.seed.person({ agency, roles: [{ role: Role.AGENCY_ADMIN }] }));
    const root = await app.seed.orgUnit(agency, 'Sekretariat Daerah');
    const child = await app.seed.orgUnit(agency, 'Bagian Umum', root);
    const grandchild = await app.seed.orgUnit(agency, 'Subbagian Rumah Tangga', child);
    await app.seed.person({ agency, orgUnit: grandchild });
    const snapshot = () => app.sql(`select id, name, parent_id, path from org_unit where agency_id = $1 order by id`, [agency.id]);
    const before = await snapshot();
    const auditBefore = await count('audit_entry');

    expect(await client.errorCode(MOVE_UNIT, { id: root.id, parentId: grandchild.id })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(MOVE_UNIT, { id: root.id, parentId: child.id })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(MOVE_UNIT, { id: child.id, parentId: child.id })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(MOVE_UNIT, { id: child.id, parentId: other.unit.id })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(MOVE_UNIT, { id: child.id, parentId: '00000000-0000-4000-8000-000000000000' })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(MOVE_UNIT, { id: '00000000-0000-4000-8000-000000000000', parentId: null })).toBe('NOT_FOUND');
    expect(await client.errorCode(CREATE_UNIT, { input: { agencyId: agency.id, name: 'Anak', parentId: other.unit.id } })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(CREATE_UNIT, { input: { agencyId: agency.id, name: 'Anak', parentId: 'garbage' } })).toBe('INVALID_ORG_UNIT');
    expect(await client.errorCode(CREATE_UNIT, { input: { agencyId: agency.id, name: '  ' } })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(CREATE_UNIT, { input: { agencyId: '00000000-0000-4000-8000-000000000000', name: 'X' } })).toBe('NOT_FOUND');
    expect(await platform.errorCode(CREATE_UNIT, { input: { agencyId: '00000000-0000-4000-8000-000000000000', name: 'X' } })).toBe('NOT_FOUND');
    expect(await platform.errorCode(ORG_UNITS, { agencyId: 'garbage' })).toBe('NOT_FOUND');
    expect(await client.errorCode(RENAME_UNIT, { id: child.id, name: '' })).toBe('BAD_USER_INPUT');
    expect(await client.errorCode(RENAME_UNIT, { id: 'garbage', name: 'X' })).toBe('NOT_FOUND');
    expect(await client.errorCode(DELETE_UNIT, { id: root.id })).toBe('ORG_UNIT_NOT_EMPTY');
    expect(await client.errorCode(DELETE_UNIT, { id: grandchild.id })).toBe('ORG_UNIT_NOT_EMPTY');

    expect(await snapshot()).toEqual(before);
    expect(await count('audit_entry')).toBe(auditBefore);
  });

  it('lets a platform admin manage any agency’s tree', async () => {
    const unit = (await platform.ok(CREATE_UNIT, { input: { agencyId: other.agency.id, name: 'Kecamatan Plaju' } })).createOrgUnit;
    expect(unit).toMatchObject({ agencyId: other.agency.id, depth: 0 });
    expect((await platform.ok(ORG_UNITS, { agencyId: other.agency.id })).orgUnits.map((u: any) => u.name)).toContain('Kecamatan Plaju');
    expect((await otherAdmin.ok(DELETE_UNIT, { id: unit.id })).deleteOrgUnit).toBe(true);
  });
});

const PARTNER_FIELDS = `id code name kind city`;
const PARTNERS = `query($search: String, $first: Int, $after: String) {
  partnerInstitutions(search: $search, first: $first, after: $after) { nodes { ${PARTNER_FIELDS} } pageInfo { endCursor hasNextPage } totalCount } }`;
const CREATE_PARTNER = `mutation($input: CreatePartnerInstitutionInput!) { createPartnerInstitution(input: $input) { ${PARTNER_FIELDS} } }`;
const UPDATE_PARTNER = `mutation($id: ID!, $input: UpdatePartnerInstitutionInput!) { updatePartnerInstitution(id: $id, input: $input) { ${PARTNER_FIELDS} } }`;

describe('partner institutions', () => {
  it('lets a platform admin add and edit partners that everyone signed in can find', async () => {
    const { createPartnerInstitution: unsri } = await platform.ok(CREATE_PARTNER, {
      input: { code: 'unsri', name: 'Universitas Sriwijaya', kind: 'UNIVERSITY', city: 'Palembang' },
    });
    expect(unsri).toMatchObject({ code: 'UNSRI', name: 'Universitas Sriwijaya', kind: 'UNIVERSITY', city: 'Palembang' });
    await platform.ok(CREATE_PARTNER, { input: { code: 'UNDIP', name: 'Universitas Diponegoro', kind: 'UNIVERSITY', city: 'Semarang' } });

    const found = (await learner.ok(PARTNERS, { search: 'sriwi' })).partnerInstitutions;
    expect(found.nodes.map((p: any) => p.code)).toEqual(['UNSRI']);
    expect((await learner.ok(PARTNERS, { search: 'semarang' })).partnerInstitutions.nodes[0].code).toBe('UNDIP');

    const page1 = (await instructor.ok(PARTNERS, { search: 'universitas', first: 1 })).partnerInstitutions;
    const page2 = (await instructor.ok(PARTNERS, { search: 'universitas', first: 1, after: page1.pageInfo.endCursor })).partnerInstitutions;
    expect([page1.totalCount, page1.nodes[0].code, page2.nodes[0].code, page2.pageInfo.hasNextPage]).toEqual([2, 'UNDIP', 'UNSRI', false]);

    const { updatePartnerInstitution } = await platform.ok(UPDATE_PARTNER, { id: unsri.id, input: { name: 'Universitas Sriwijaya (UNSRI)', city: null } });
    expect(updatePartnerInstitution).toMatchObject({ name: 'Universitas Sriwijaya (UNSRI)', city: null, code: 'UNSRI' });
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at`, [unsri.id])).map((a) => a.action)).toEqual(['partner.create', 'partner.update']);
  });

  it('refuses partner changes to others and bad input, writing nothing', async () => {
    const before = await count('partner_institution');
    const input = { code: 'ITB', name: 'Institut Teknologi Bandung', kind: 'UNIVERSITY' };
    for (const client of [admin, learner, instructor]) expect(await client.errorCode(CREATE_PARTNER, { input })).toBe('FORBIDDEN');
    expect(await app.anonymous().errorCode(CREATE_PARTNER, { input })).toBe('UNAUTHENTICATED');
    expect(await app.anonymous().errorCode(PARTNERS)).toBe('UNAUTHENTICATED');
    await platform.ok(CREATE_PARTNER, { input });
    expect(await platform.errorCode(CREATE_PARTNER, { input: { ...input, code: 'itb' } })).toBe('DUPLICATE_CODE');
    expect(await platform.errorCode(CREATE_PARTNER, { input: { ...input, code: 'I T B' } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(CREATE_PARTNER, { input: { ...input, code: 'UI', name: ' ' } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(CREATE_PARTNER, { input: { ...input, kind: 'BANK' } })).toBe('BAD_USER_INPUT');
    expect(await platform.errorCode(UPDATE_PARTNER, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'X' } })).toBe('NOT_FOUND');
    const [itb] = await app.sql(`select id from partner_institution where code = 'ITB'`);
    expect(await platform.errorCode(UPDATE_PARTNER, { id: itb.id, input: { code: null } })).toBe('BAD_USER_INPUT');
    expect(await admin.errorCode(UPDATE_PARTNER, { id: itb.id, input: { name: 'Diubah' } })).toBe('FORBIDDEN');
    expect(await count('partner_institution')).toBe(before + 1);
  });
});
