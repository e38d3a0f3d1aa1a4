import { buildClientSchema, getIntrospectionQuery, getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseVisibility, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../kit/graphql-client.js';
import { makeNip } from '../kit/seed.js';
import { startTestApp, type TestApp } from '../kit/test-app.js';

/**
 * Identity numbers are shown by one policy: in full to the person, their supervisor chain, their agency's
 * admins and platform admins; masked to everyone else, in every operation that returns them. The
 * operations are found in the schema, so a new one that reaches a NIP fails here until it has a probe.
 */
let app: TestApp;
let schema: GraphQLSchema;
let w: Awaited<ReturnType<typeof buildWorld>>;

/** Fields that carry an identity number. */
const IDENTITY_FIELD = /^(nip|nidn)$/;
/** Edges that only ever lead to the viewer themselves (checked by their own probe below). */
const SELF_EDGES = new Set(['Course.viewerEnrolment', 'CourseRun.viewerEnrolment']);
const SELF_TYPES = new Set(['Me']);
/**
 * Numbers decided by one field resolver, whatever operation reaches the object (so one probe of the field proves them
 * all, below): a cohort participant's NIP goes through the person module's `shownIdentity` in `CohortParticipant.nip`.
 * A CSV report row's NIP is the admin's own input echoed back row by row (its name only for the admin's own people).
 * A learning-hours standing's NIP (the supervisor's team, the agency's people below target) goes through
 * `shownIdentity` in the one mapper both lists use (learning-hours/team.service.ts); its rows carry `personId`, so
 * test/api/learning-year.test.ts checks them.
 */
const FIELD_RESOLVED = new Set(['CohortParticipant.nip', 'NominationCsvRow.nip', 'PersonLearningStanding.nip']);

function nipOperations(s: GraphQLSchema): { operations: string[]; fields: string[]; viaSelf: string[] } {
  const fields = new Set<string>();
  const memo = new Map<string, { direct: boolean; self: boolean }>();
  const reach = (type: GraphQLObjectType, stack: Set<string>): { direct: boolean; self: boolean } => {
    const known = memo.get(type.name);
    if (known) return known;
    if (stack.has(type.name)) return { direct: false, self: false };
    stack.add(type.name);
    const result = { direct: false, self: false };
    for (const field of Object.values(type.getFields())) {
      if (IDENTITY_FIELD.test(field.name)) {
        fields.add(`${type.name}.${field.name}`);
        if (FIELD_RESOLVED.has(`${type.name}.${field.name}`)) continue;
        if (SELF_TYPES.has(type.name)) result.self = true;
        else result.direct = true;
      }
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      const below = reach(named, stack);
      if (SELF_EDGES.has(`${type.name}.${field.name}`)) result.self ||= below.direct || below.self;
      else {
        result.direct ||= below.direct;
        result.self ||= below.self;
      }
    }
    stack.delete(type.name);
    memo.set(type.name, result);
    return result;
  };
  const operations: string[] = [];
  const viaSelf: string[] = [];
  for (const root of [s.getQueryType()!, s.getMutationType()!]) {
    for (const field of Object.values(root.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      const r = reach(named, new Set());
      if (r.direct) operations.push(`${root.name}.${field.name}`);
      else if (r.self) viaSelf.push(`${root.name}.${field.name}`);
    }
  }
  return { operations: operations.sort(), fields: [...fields].sort(), viaSelf: viaSelf.sort() };
}

const masked = (nip: string) => `${nip.slice(0, 4)}${'•'.repeat(nip.length - 7)}${nip.slice(-3)}`;

/** The expected answer, worked out here from the data (not by the server's code). */
async function entitled(viewerId: string, personId: string): Promise<boolean> {
  // An invitation's NIDN: the invited partner's admins and platform admins.
  const [invitation] = await app.sql(
    `select exists (select 1 from role_grant g where g.person_id = $1
                     and (g.role = 'PLATFORM_ADMIN' or (g.role = 'PARTNER_ADMIN' and g.partner_id = i.partner_id))) as entitled
       from partner_invitation i where i.id = $2`,
    [viewerId, personId],
  );
  if (invitation) return invitation.entitled;
  const [row] = await app.sql(
    `with recursive chain (id) as (
       select supervisor_id from person where id = $2
       union all select p.supervisor_id from person p join chain c on p.id = c.id where p.supervisor_id is not null
     )
     select $1 = $2 as self,
            exists (select 1 from chain where id = $1) as in_chain,
            exists (select 1 from role_grant g where g.person_id = $1 and g.role = 'PLATFORM_ADMIN') as platform,
            exists (select 1 from role_grant g join person p on p.id = $2
                     where g.person_id = $1 and g.role = 'AGENCY_ADMIN' and g.agency_id = p.agency_id) as agency_admin,
            exists (select 1 from role_grant g join person p on p.id = $2
                     where g.person_id = $1 and g.role = 'PARTNER_ADMIN' and g.partner_id = p.partner_id) as partner_admin`,
    [viewerId, personId],
  );
  return row.self || row.in_chain || row.platform || row.agency_admin || row.partner_admin;
}

/** Every object in a response that shows a person's identity number: `{ id, nip }` / `{ id, nidn }`. */
function shownNumbers(data: unknown, out: { id: string; field: 'nip' | 'nidn'; value: string | null }[] = []) {
  if (Array.isArray(data)) data.forEach((d) => shownNumbers(d, out));
  else if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const field of ['nip', 'nidn'] as const) if (field in o && typeof o.id === 'string') out.push({ id: o.id, field, value: o[field] as string | null });
    Object.values(o).forEach((v) => shownNumbers(v, out));
  }
  return out;
}

interface Who { name: string; id: string; client: GraphQLClient }

async function buildWorld() {
  const agency = await app.seed.agency({ name: 'Pemerintah Kota Semarang' });
  const unit = await app.seed.orgUnit(agency);
  const elsewhere = await app.seed.agency();
  const partner = await app.seed.partner({ name: 'Universitas Diponegoro' });
  const ops = await app.seed.agency();
  const head = await app.seed.person({ agency, orgUnit: unit, fullName: 'Kepala Dinas' });
  const manager = await app.seed.person({ agency, orgUnit: unit, fullName: 'Kepala Bidang', supervisor: head });
  await app.sql(`update person set nidn = '0012037801' where id = $1`, [manager.id]);
  const learner = await app.seed.person({ agency, orgUnit: unit, fullName: 'Staf Pelaksana', supervisor: manager });
  const colleague = await app.seed.person({ agency, orgUnit: unit, fullName: 'Rekan Sebidang', supervisor: manager });
  const admin = await app.seed.person({ agency, fullName: 'Admin BKPSDM', roles: [{ role: Role.AGENCY_ADMIN }] });
  const otherAdmin = await app.seed.person({ agency: elsewhere, roles: [{ role: Role.AGENCY_ADMIN }] });
  // A lecturer who is a civil servant elsewhere: an ASN instructor, outside the learners' circle.
  const lecturer = await app.seed.person({ agency: elsewhere, fullName: 'Dosen Undip', roles: [{ role: Role.INSTRUCTOR, agency: null, partner }] });
  const platform = await app.seed.person({ agency: ops, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] });
  // The partner's own staff: its admin, and a lecturer with an NIDN (no NIP).
  const partnerAdmin = await app.seed.person({ partner, roles: [{ role: Role.PARTNER_ADMIN }] });
  const staff = await app.seed.person({ partner, fullName: 'Dosen Tetap Undip', roles: [{ role: Role.INSTRUCTOR }] });
  await app.sql(`update person set nidn = '0023057902' where id = $1`, [staff.id]);
  const who = async (name: string, p: { id: string; nip: string | null; email?: string | null }): Promise<Who> =>
    ({ name, id: p.id, client: await app.as(p.nip ? { nip: p.nip } : { email: p.email! }) });
  const people = {
    head: await who('head (chain, 2 up)', head), manager: await who('direct supervisor', manager), learner: await who('the learner', learner),
    colleague: await who('colleague', colleague), admin: await who('agency admin', admin), otherAdmin: await who('other agency admin', otherAdmin),
    lecturer: await who('partner instructor', lecturer), platform: await who('platform admin', platform),
    partnerAdmin: await who('partner admin', partnerAdmin),
  };
  /** A course of the learner's agency taught by the partner's lecturer, to learners of several agencies. */
  const course = (policy = EnrolmentPolicy.OPEN) =>
    app.seed.course({ ownerAgency: agency, instructors: [lecturer], policy, visibility: CourseVisibility.ALL_AGENCIES, startsAt: new Date(Date.now() + 86_400_000) });
  /** An enrolment of the learner; `ended` moves the course into the past afterwards (outcomes are recorded then). */
  const enrolment = async (policy = EnrolmentPolicy.OPEN, ended = false) => {
    const c = await course(policy);
    const { enrol } = await people.learner.client.ok(`mutation($c: ID!) { enrol(runId: $c) { id } }`, { c: c.run.id });
    if (ended) await app.sql(`update course_run set starts_at = now() - interval '30 days', ends_at = now() - interval '1 day' where course_id = $1`, [c.id]);
    return { courseId: c.id, runId: c.run.id, id: enrol.id as string };
  };
  return { agency, unit, people, course, enrolment, learner, manager, partner, staff };
}

beforeAll(async () => {
  app = await startTestApp();
  const res = await app.anonymous().request(getIntrospectionQuery());
  schema = buildClientSchema(res.data as never);
  w = await buildWorld();
});
afterAll(async () => {
  await app?.close();
});

const LEARNER = `learner { id fullName nip }`;
const PERSON = `id nip nidn supervisor { id nip nidn }`;
const ENROLMENT = `id ${LEARNER}`;

type Case = [viewer: keyof Awaited<ReturnType<typeof buildWorld>>['people'], run: (client: GraphQLClient) => Promise<unknown>];
interface Probe {
  cases: () => Promise<Case[]>;
  /** Why no viewer outside the circle can get an answer from this operation, when none can. */
  noOutsider?: string;
}

const PROBES: Record<string, Probe> = {
  'Query.person': {
    cases: async () => [
      // The learner reaches their supervisor's record through their own: masked for them.
      ['learner', (c) => c.ok(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: w.learner.id })],
      ['manager', (c) => c.ok(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: w.learner.id })],
      ['head', (c) => c.ok(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: w.manager.id })],
      // Two steps up the chain: the head of the unit opens the learner's record, NIP in full.
      ['head', (c) => c.ok(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: w.learner.id })],
      ['admin', (c) => c.ok(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: w.manager.id })],
      ['platform', (c) => c.ok(`query($id: ID!) { person(id: $id) { ${PERSON} } }`, { id: w.learner.id })],
    ],
  },
  'Query.people': {
    noOutsider: 'only the agency’s admins and platform admins may list, and supervisors are of the same agency',
    cases: async () => ['admin', 'platform'].map((v) => [v as 'admin', (c) => c.ok(`query($a: ID) { people(agencyId: $a) { nodes { ${PERSON} } } }`, { a: w.agency.id })]),
  },
  'Query.enrolment': {
    cases: async () => {
      const e = await w.enrolment();
      const q = (c: GraphQLClient) => c.ok(`query($id: ID!) { enrolment(id: $id) { ${ENROLMENT} } }`, { id: e.id });
      return [['lecturer', q], ['learner', q], ['manager', q], ['admin', q]];
    },
  },
  'Query.myEnrolments': {
    noOutsider: 'the viewer’s own enrolments',
    cases: async () => [['learner', (c) => c.ok(`{ myEnrolments { nodes { ${ENROLMENT} } } }`)]],
  },
  'Query.approvalsInbox': {
    noOutsider: 'requests wait on the learner’s supervisor, or agency-wide on their agency’s admins',
    cases: async () => {
      await w.enrolment(EnrolmentPolicy.SUPERVISOR_APPROVAL);
      return [
        ['manager', (c) => c.ok(`{ approvalsInbox { nodes { ${ENROLMENT} } } }`)],
        ['admin', (c) => c.ok(`{ approvalsInbox(agencyWide: true) { nodes { ${ENROLMENT} } } }`)],
        ['platform', (c) => c.ok(`{ approvalsInbox(agencyWide: true) { nodes { ${ENROLMENT} } } }`)],
      ];
    },
  },
  'Query.courseRoster': {
    cases: async () => {
      const e = await w.enrolment();
      const q = (c: GraphQLClient) => c.ok(`query($c: ID!) { courseRoster(runId: $c) { nodes { ${ENROLMENT} } } }`, { c: e.runId });
      return [['lecturer', q], ['admin', q]];
    },
  },
  'Query.learnerHome': {
    noOutsider: 'the viewer’s own home page',
    cases: async () => {
      await w.enrolment(EnrolmentPolicy.SUPERVISOR_APPROVAL);
      return [['learner', (c) => c.ok(`{ learnerHome { activeEnrolments { ${ENROLMENT} } pendingEnrolments { ${ENROLMENT} } upcoming { ${ENROLMENT} } } }`)]];
    },
  },
  'Mutation.createPerson': {
    noOutsider: 'only admins of the agency (or platform admins) create people there',
    cases: async () => ['admin', 'platform'].map((v, i) => [v as 'admin', (c) => c.ok(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { ${PERSON} } }`, {
      i: { agencyId: w.agency.id, fullName: `Pegawai Baru ${i}`, nip: makeNip(700_001 + i), employmentType: 'PNS', supervisorId: w.manager.id, initialPassword: 'Sandi-Awal-123' },
    })]),
  },
  'Mutation.updatePerson': {
    noOutsider: 'only the person’s admins change them',
    cases: async () => ['admin', 'platform'].map((v) => [v as 'admin', (c) => c.ok(`mutation($id: ID!) { updatePerson(id: $id, input: { positionTitle: "Analis" }) { ${PERSON} } }`, { id: w.learner.id })]),
  },
  'Mutation.setPersonActive': {
    noOutsider: 'only the person’s admins change them',
    cases: async () => ['admin', 'platform'].map((v) => [v as 'admin', (c) => c.ok(`mutation($id: ID!) { setPersonActive(id: $id, active: true) { ${PERSON} } }`, { id: w.learner.id })]),
  },
  'Mutation.enrol': {
    noOutsider: 'the viewer enrols themselves',
    cases: async () => {
      const c = await w.course();
      return [['learner', (client) => client.ok(`mutation($c: ID!) { enrol(runId: $c) { ${ENROLMENT} } }`, { c: c.run.id })]];
    },
  },
  'Mutation.withdrawEnrolment': {
    noOutsider: 'only the learner withdraws',
    cases: async () => {
      const e = await w.enrolment();
      return [['learner', (c) => c.ok(`mutation($id: ID!) { withdrawEnrolment(id: $id) { ${ENROLMENT} } }`, { id: e.id })]];
    },
  },
  'Mutation.approveEnrolment': {
    noOutsider: 'the approver is the learner’s current supervisor; otherwise their agency’s admins',
    cases: async () => Promise.all((['manager', 'admin', 'platform'] as const).map(async (v) => {
      const e = await w.enrolment(EnrolmentPolicy.SUPERVISOR_APPROVAL);
      return [v, (c: GraphQLClient) => c.ok(`mutation($id: ID!) { approveEnrolment(id: $id) { ${ENROLMENT} } }`, { id: e.id })] as Case;
    })),
  },
  'Mutation.rejectEnrolment': {
    noOutsider: 'the approver is the learner’s current supervisor; otherwise their agency’s admins',
    cases: async () => Promise.all((['manager', 'admin'] as const).map(async (v) => {
      const e = await w.enrolment(EnrolmentPolicy.SUPERVISOR_APPROVAL);
      return [v, (c: GraphQLClient) => c.ok(`mutation($id: ID!) { rejectEnrolment(id: $id, reason: "Jadwal bentrok") { ${ENROLMENT} } }`, { id: e.id })] as Case;
    })),
  },
  'Mutation.completeEnrolment': {
    cases: async () => Promise.all((['lecturer', 'admin'] as const).map(async (v) => {
      const e = await w.enrolment(EnrolmentPolicy.OPEN, true);
      return [v, (c: GraphQLClient) => c.ok(`mutation($id: ID!) { completeEnrolment(id: $id) { ${ENROLMENT} } }`, { id: e.id })] as Case;
    })),
  },
  'Query.partnerStaff': {
    noOutsider: 'only the partner’s admins and platform admins open its staff (NOT_FOUND for anyone else, authorization matrix)',
    cases: async () => (['partnerAdmin', 'platform'] as const).map((v) => [v, (c) => c.ok(`query($p: ID!) { partnerStaff(partnerId: $p) { nodes { id nidn } } }`, { p: w.partner.id })]),
  },
  'Mutation.updatePartnerStaff': {
    noOutsider: 'only the partner’s admins and platform admins change its staff',
    cases: async () => (['partnerAdmin', 'platform'] as const).map((v) => [v, (c) => c.ok(`mutation($id: ID!) { updatePartnerStaff(id: $id, input: { positionTitle: "Lektor" }) { id nidn } }`, { id: w.staff.id })]),
  },
  'Mutation.setPartnerStaffActive': {
    noOutsider: 'only the partner’s admins and platform admins change its staff',
    cases: async () => (['partnerAdmin', 'platform'] as const).map((v) => [v, (c) => c.ok(`mutation($id: ID!) { setPartnerStaffActive(id: $id, active: true) { id nidn } }`, { id: w.staff.id })]),
  },
  'Mutation.appointPartnerAdmin': {
    noOutsider: 'only the partner’s admins and platform admins appoint its admins',
    cases: async () => [['platform', (c) => c.ok(`mutation($id: ID!) { appointPartnerAdmin(personId: $id) { id nidn } }`, { id: w.staff.id })]],
  },
  'Mutation.removePartnerAdmin': {
    noOutsider: 'only the partner’s admins and platform admins remove its admins',
    cases: async () => [['platform', (c) => c.ok(`mutation($id: ID!) { removePartnerAdmin(personId: $id) { id nidn } }`, { id: w.staff.id })]],
  },
  'Query.partnerInvitations': {
    noOutsider: 'only the partner’s admins and platform admins read its invitations',
    cases: async () => {
      await w.people.partnerAdmin.client.ok(`mutation($i: InvitePartnerStaffInput!) { invitePartnerStaff(input: $i) { id } }`, {
        i: { partnerId: w.partner.id, email: `undangan.${process.pid}@undip.ac.id`, fullName: 'Dr. Laras Wening', nidn: '0031128003' },
      });
      return (['partnerAdmin', 'platform'] as const).map((v) => [v, (c) => c.ok(`query($p: ID!) { partnerInvitations(partnerId: $p) { nodes { id nidn } } }`, { p: w.partner.id })]);
    },
  },
  'Mutation.invitePartnerStaff': {
    noOutsider: 'only the partner’s admins and platform admins invite its staff',
    cases: async () => (['partnerAdmin', 'platform'] as const).map((v, i) => [v, (c) => c.ok(`mutation($i: InvitePartnerStaffInput!) { invitePartnerStaff(input: $i) { id nidn } }`, {
      i: { partnerId: w.partner.id, email: `dosen.${i}.${process.pid}@undip.ac.id`, fullName: `Dosen Undangan ${i}`, nidn: `004112800${i}` },
    })]),
  },
  'Mutation.resendPartnerInvitation': {
    noOutsider: 'only the partner’s admins and platform admins manage its invitations',
    cases: async () => {
      const { partnerInvitations } = await w.people.partnerAdmin.client.ok(`query($p: ID!) { partnerInvitations(partnerId: $p, status: PENDING) { nodes { id } } }`, { p: w.partner.id });
      const id = partnerInvitations.nodes[0].id as string;
      return (['partnerAdmin', 'platform'] as const).map((v) => [v, (c) => c.ok(`mutation($id: ID!) { resendPartnerInvitation(id: $id) { id nidn } }`, { id })]);
    },
  },
  'Mutation.revokePartnerInvitation': {
    noOutsider: 'only the partner’s admins and platform admins manage its invitations',
    cases: async () => {
      const { invitePartnerStaff } = await w.people.partnerAdmin.client.ok(`mutation($i: InvitePartnerStaffInput!) { invitePartnerStaff(input: $i) { id } }`, {
        i: { partnerId: w.partner.id, email: `batal.${process.pid}@undip.ac.id`, fullName: 'Dosen Batal', nidn: '0051128009' },
      });
      return [['platform', (c) => c.ok(`mutation($id: ID!) { revokePartnerInvitation(id: $id) { id nidn } }`, { id: invitePartnerStaff.id })]];
    },
  },
  'Mutation.failEnrolment': {
    cases: async () => Promise.all((['lecturer', 'admin'] as const).map(async (v) => {
      const e = await w.enrolment(EnrolmentPolicy.OPEN, true);
      return [v, (c: GraphQLClient) => c.ok(`mutation($id: ID!) { failEnrolment(id: $id) { ${ENROLMENT} } }`, { id: e.id })] as Case;
    })),
  },
};

describe('identity numbers', () => {
  it('finds every field that carries one, and every operation that reaches one, in the schema', () => {
    const found = nipOperations(schema);
    expect(found.fields).toEqual([
      'CohortParticipant.nip', 'EnrolmentLearner.nip', 'Me.nip', 'NominationCsvRow.nip', 'PartnerInvitation.nidn', 'PartnerStaff.nidn', 'Person.nidn', 'Person.nip',
      'PersonLearningStanding.nip',
    ]);
    // A new operation reaching a NIP fails here until it gets a probe below.
    expect(found.operations).toEqual(Object.keys(PROBES).sort());
    // These reach a NIP only as the viewer's own (Me, Course.viewerEnrolment): checked in the last test.
    expect(found.viaSelf.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(PROBES).sort())('%s shows them in full to the circle and masked to everyone else', async (operation) => {
    const probe = PROBES[operation];
    const seen = { full: 0, masked: 0 };
    for (const [viewer, run] of await probe.cases()) {
      const who = w.people[viewer];
      const shown = shownNumbers(await run(who.client)).filter((s) => s.value !== null || s.field === 'nidn');
      expect(shown.length, `${operation} as ${who.name} shows nobody`).toBeGreaterThan(0);
      for (const s of shown) {
        const [raw] = await app.sql(
          `select nip, nidn, full_name from person where id = $1 union all select null, nidn, full_name from partner_invitation where id = $1`, [s.id]);
        if (!raw[s.field]) continue;
        const full = await entitled(who.id, s.id);
        const expected = full ? raw[s.field] : s.field === 'nip' ? masked(raw.nip) : null;
        expect(s.value, `${operation}: ${raw.full_name}'s ${s.field} as seen by the ${who.name}`).toBe(expected);
        seen[full ? 'full' : 'masked']++;
      }
    }
    expect(seen.full, operation).toBeGreaterThan(0);
    if (!probe.noOutsider) expect(seen.masked, `${operation}: no outsider case`).toBeGreaterThan(0);
  });

  it('shows viewers their own number in full where an operation reaches only their own (Me, Course.viewerEnrolment, CourseRun.viewerEnrolment)', async () => {
    const { learner } = w.people;
    const e = await w.enrolment();
    const { me } = await learner.client.ok(`{ me { id nip } }`);
    expect(me).toEqual({ id: w.learner.id, nip: w.learner.nip });
    const { course } = await learner.client.ok(`query($id: ID!) { course(id: $id) { viewerEnrolment { ${ENROLMENT} } } }`, { id: e.courseId });
    expect(course.viewerEnrolment.learner).toMatchObject({ id: w.learner.id, nip: w.learner.nip });
    const { courseRun } = await learner.client.ok(`query($id: ID!) { courseRun(id: $id) { viewerEnrolment { ${ENROLMENT} } } }`, { id: e.runId });
    expect(courseRun.viewerEnrolment.learner).toMatchObject({ id: w.learner.id, nip: w.learner.nip });
  });

  it('shows a cohort participant’s NIP in full to their circle and masked to the programme’s other managers (CohortParticipant.nip)', async () => {
    // A cohort of another agency's programme, with a quota for the learner's agency; the learner nominated into it.
    const owner = await app.seed.agency({ name: 'Pemerintah Provinsi Jawa Tengah' });
    const ownerAdmin = await app.seed.person({ agency: owner, roles: [{ role: Role.AGENCY_ADMIN }] });
    const course = await app.seed.course({ ownerAgency: owner });
    const [programme] = await app.sql<{ id: string }>(`insert into programme (code, title, owner_agency_id, status) values ($1, 'Program NIP', $2, 'PUBLISHED') returning id`, [`NIP-${process.pid}`, owner.id]);
    const [cohort] = await app.sql<{ id: string }>(`insert into programme_cohort (programme_id, code, starts_at, ends_at, capacity)
      values ($1, 'A-1', now() + interval '30 days', now() + interval '40 days', 5) returning id`, [programme.id]);
    const [item] = await app.sql<{ id: string }>(`insert into programme_item (programme_id, course_id, position) values ($1, $2, 0) returning id`, [programme.id, course.id]);
    const [run] = await app.sql<{ id: string }>(`insert into course_run (course_id, code, enrolment_policy) values ($1, 'A-1', 'INVITATION') returning id`, [course.id]);
    await app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [cohort.id, item.id, run.id]);
    await app.sql(`insert into cohort_agency_quota (cohort_id, agency_id, seats, seats_taken) values ($1, $2, 3, 1)`, [cohort.id, w.agency.id]);
    await app.sql(`insert into cohort_participant (cohort_id, person_id, agency_id, status) values ($1, $2, $3, 'NOMINATED')`, [cohort.id, w.learner.id, w.agency.id]);
    const read = async (client: GraphQLClient) => (await client.ok(`query($id: ID!) { cohort(id: $id) { participants(first: 10) { nodes { personId nip } } } }`, { id: cohort.id }))
      .cohort.participants.nodes as { personId: string; nip: string }[];
    // The learner, their supervisor chain and their agency's admin: in full.
    for (const viewer of ['learner', 'admin'] as const) expect(await read(w.people[viewer].client), viewer).toEqual([{ personId: w.learner.id, nip: w.learner.nip }]);
    // The programme's owner manages the cohort but is not of the learner's circle: masked.
    expect(await read(await app.as(ownerAdmin.nip!))).toEqual([{ personId: w.learner.id, nip: masked(w.learner.nip!) }]);
  });

  it('masks the number in the agreed shape: the first four and last three digits', () => {
    expect(masked('198503122010011003')).toBe('1985•••••••••••003');
  });
});
