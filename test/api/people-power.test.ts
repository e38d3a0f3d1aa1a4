import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { makeNip, Seed } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Nobody administers a person who holds more power than they could grant: an agency admin may change
 * only people whose every role is one they could have granted (INSTRUCTOR or AGENCY_ADMIN of their agency).
 */
let app: TestApp;
let home: Awaited<ReturnType<TestApp['seed']['agencyWithStaff']>>;
let admin: GraphQLClient;
let platform: GraphQLClient;
/** People of the admin's own agency who hold a role the admin could not grant. */
let above: { label: string; person: Person; session: GraphQLClient }[];
/** A colleague admin and instructor of the same agency: within reach. */
let peer: Person;

const UPDATE = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id fullName supervisor { id } } }`;
const CREATE = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setPersonActive(id: $id, active: $active) { id active } }`;
const RESET = `mutation($id: ID!, $pw: String!) { resetPersonPassword(id: $id, newPassword: $pw) }`;
const GRANT = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeRole(grantId: $id) }`;
const ME = `{ me { id } }`;

beforeAll(async () => {
  app = await startTestApp();
  home = await app.seed.agencyWithStaff(2);
  const elsewhere = await app.seed.agency();
  const partner = await app.seed.partner();
  const ops = await app.seed.agency({ name: 'Operator Platform' });
  const operator = await app.seed.person({ agency: ops, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  // Each also holds a grant the admin could have given, to show that one reachable role is not enough.
  const reachable = { role: Role.INSTRUCTOR, agency: home.agency };
  const chief = await app.seed.person({ agency: home.agency, orgUnit: home.unit, fullName: 'Kepala Operator', roles: [{ role: Role.PLATFORM_ADMIN, agency: null }, reachable] });
  const lecturer = await app.seed.person({ agency: home.agency, fullName: 'Dosen Tamu', roles: [{ role: Role.INSTRUCTOR, agency: null, partner }, reachable] });
  const seconded = await app.seed.person({ agency: home.agency, fullName: 'Admin Perbantuan', roles: [{ role: Role.AGENCY_ADMIN, agency: elsewhere }, reachable] });
  peer = await app.seed.person({ agency: home.agency, fullName: 'Admin Rekan', roles: [{ role: Role.AGENCY_ADMIN }, { role: Role.INSTRUCTOR }] });
  [admin, platform] = await Promise.all([app.as(home.admin), app.as(operator)]);
  above = await Promise.all(
    [['platform admin', chief], ['partner instructor', lecturer], ['admin of another agency', seconded]].map(async ([label, person]) => ({
      label: label as string, person: person as Person, session: await app.as(person as Person),
    })),
  );
});
afterAll(async () => {
  await app?.close();
});

/** Everything a refused change could have touched. */
async function snapshot() {
  return {
    people: await app.sql(`select * from person order by id`),
    grants: await app.sql(`select * from role_grant order by id`),
    sessions: await app.sql(`select token_hash, person_id from session order by token_hash`),
    audit: await app.sql(`select * from audit_entry order by id`),
    enrolments: await app.sql(`select * from enrolment order by id`),
  };
}

describe('changing someone who holds more power than the admin could grant', () => {
  it('is FORBIDDEN for every operation, writing nothing (no audit either), and the person keeps their password and sessions', async () => {
    const before = await snapshot();
    const outcomes: Record<string, string | undefined> = {};
    let k = 0;
    for (const { label, person } of above) {
      const [grant] = await app.sql(`select id from role_grant where person_id = $1 and role = 'INSTRUCTOR' and agency_id = $2`, [person.id, home.agency.id]);
      const attempts: [string, string, Record<string, unknown>][] = [
        ['rename', UPDATE, { id: person.id, input: { fullName: 'Diambil Alih' } }],
        ['move unit', UPDATE, { id: person.id, input: { orgUnitId: null } }],
        ['change NIP', UPDATE, { id: person.id, input: { nip: makeNip(900_000 + k++) } }],
        ['set supervisor', UPDATE, { id: person.id, input: { supervisorId: home.supervisor.id } }],
        ['deactivate', SET_ACTIVE, { id: person.id, active: false }],
        ['reset password', RESET, { id: person.id, pw: 'Sandi-Curian-1' }],
        ['grant', GRANT, { input: { personId: person.id, role: 'AGENCY_ADMIN', agencyId: home.agency.id } }],
        ['revoke a grant within reach', REVOKE, { id: grant.id }],
        // Making them someone's supervisor would hand them that person's requests and identity.
        ['make them a supervisor', UPDATE, { id: home.learners[0].id, input: { supervisorId: person.id } }],
        ['create someone reporting to them', CREATE, {
          input: { agencyId: home.agency.id, fullName: 'Bawahan Baru', nip: makeNip(910_000 + k++), employmentType: 'PNS', supervisorId: person.id, initialPassword: 'Sandi-Awal-123' },
        }],
      ];
      for (const [what, query, variables] of attempts) {
        const res = await admin.request(query, variables);
        outcomes[`${what}: ${label}`] = res.errors?.[0].extensions?.code ?? 'allowed';
      }
    }
    expect(Object.keys(outcomes)).toHaveLength(30);
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((k) => [k, 'FORBIDDEN'])));
    expect(await snapshot()).toEqual(before);
    for (const { person, session } of above) {
      expect((await session.ok(ME)).me.id).toBe(person.id);
      await app.anonymous().signIn(person.nip!, Seed.PASSWORD);
    }
    // Deactivating is refused too when it would already be the state: nobody reactivates them either.
    const [{ person: chief }] = above;
    await app.sql(`update person set active = false where id = $1`, [chief.id]);
    expect(await admin.errorCode(SET_ACTIVE, { id: chief.id, active: true })).toBe('FORBIDDEN');
    await app.sql(`update person set active = true where id = $1`, [chief.id]);
  });

  it('stays allowed for a platform admin, and for colleagues whose roles the admin could grant', async () => {
    const [{ person: chief }] = above;
    expect((await platform.ok(UPDATE, { id: chief.id, input: { fullName: 'Kepala Operator, S.Kom.' } })).updatePerson.fullName).toBe('Kepala Operator, S.Kom.');
    expect((await platform.ok(RESET, { id: chief.id, pw: 'Sandi-Baru-2026' })).resetPersonPassword).toBe(true);
    expect((await admin.ok(UPDATE, { id: peer.id, input: { fullName: 'Admin Rekan, S.E.' } })).updatePerson.fullName).toBe('Admin Rekan, S.E.');
    expect((await admin.ok(RESET, { id: peer.id, pw: 'Sandi-Baru-2026' })).resetPersonPassword).toBe(true);
    expect((await admin.ok(UPDATE, { id: home.learners[1].id, input: { supervisorId: peer.id } })).updatePerson.supervisor.id).toBe(peer.id);
    // An admin still manages themselves (their one role is theirs to grant).
    expect((await admin.ok(UPDATE, { id: home.admin.id, input: { fullName: 'Admin Utama' } })).updatePerson.fullName).toBe('Admin Utama');
    expect((await app.sql(`select action from audit_entry where target_id = $1 order by at`, [peer.id])).map((a) => a.action))
      .toEqual(['person.update', 'person.resetPassword']);
  });

  it('follows the roles as they change: once the platform role is revoked the agency admin may act again', async () => {
    const target = await app.seed.person({ agency: home.agency, fullName: 'Pernah Operator', roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
    expect(await admin.errorCode(UPDATE, { id: target.id, input: { fullName: 'X' } })).toBe('FORBIDDEN');
    const [grant] = await app.sql(`select id from role_grant where person_id = $1`, [target.id]);
    await platform.ok(REVOKE, { id: grant.id });
    expect((await admin.ok(UPDATE, { id: target.id, input: { fullName: 'Bukan Operator Lagi' } })).updatePerson.fullName).toBe('Bukan Operator Lagi');
    // And the reverse: granting it puts them out of reach at once.
    await platform.ok(GRANT, { input: { personId: target.id, role: 'PLATFORM_ADMIN' } });
    expect(await admin.errorCode(SET_ACTIVE, { id: target.id, active: false })).toBe('FORBIDDEN');
  });

});
