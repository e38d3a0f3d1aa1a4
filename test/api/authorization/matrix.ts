/**
 * The authorization matrix: every query and mutation of the schema, tried by every kind of caller on an object
 * in every scope that makes sense for it, with the answer the product must give. How to read it:
 *
 * - Viewers (world.ts): anonymous, learner, supervisor (the learner's), instructor (staff of partner P, teaches P's
 *   courses), partnerAdmin (of P), agencyAdmin (of agency A), otherAgencyAdmin (of agency B), platformAdmin (a
 *   platform admin who belongs to agency A).
 * - Scopes (matrix-kit.ts): none · own · same (agency A) · other (agency B / partner Q) · report (the learner's,
 *   who reports to the supervisor) · privileged (a platform admin of A: item 1) · crossAdmin (a person of A who
 *   also administers B: item 1 again) · partner (P's) · escalate.
 * - Outcomes: ALLOWED, HIDDEN (a list answered without the object), FORBIDDEN, NOT_FOUND, UNAUTHENTICATED, and
 *   two refusals of `enrol` that are about who may learn: NOT_A_LEARNER, COURSE_NOT_VISIBLE. `pending(x, 'item n')`: x is right, the fix is on another branch; the cell is a todo till then.
 * - Compact: `'*'` is every signed-in viewer (or scope) not named; anonymous defaults to UNAUTHENTICATED. A
 *   viewer without such an object (partner staff have no agency; learners own no course) skips `own`: the world
 *   throws NotApplicable there.
 *
 * Adding an operation: add its row here (the coverage test fails until you do, and when a row's operation is
 * gone). Write what SHOULD happen; where a policy denies, say which denial (FORBIDDEN when the caller may see the
 * object, NOT_FOUND when they may not).
 */
import { createHash, randomBytes } from 'node:crypto';
import { deriveKeys, signToken, windowAt } from '../../../server/src/modules/workshop/index.js';
import { Role } from '../../../server/src/shared/auth/roles.js';
import { nominate, seedCohort, seedProgramme } from '../../kit/programme-fixture.js';
import { Seed } from '../../kit/seed.js';
import { type Built, type Matrix, type Scope } from './matrix-kit.js';
import { PROGRAMME_BUILD_MATRIX } from './matrix-programme-build.js';
import { LEARNING_MATRIX } from './matrix-learning.js';
import { NotApplicable, type Flavour, type Owner, type ViewerKind, type World } from './world.js';

const ALLOWED = 'ALLOWED';
const HIDDEN = 'HIDDEN';
const FORBIDDEN = 'FORBIDDEN';
const NOT_FOUND = 'NOT_FOUND';

let unique = 0;
const next = () => `${process.pid}${++unique}`;

// ------------------------------------------------------------------------------------------- targets

const signedIn = (viewer: ViewerKind) => {
  if (viewer === 'anonymous') throw new NotApplicable('anonymous callers own nothing');
  return viewer;
};

/** The person a scope names. */
function personFor(w: World, viewer: ViewerKind, scope: Scope) {
  switch (scope) {
    case 'own': return w.person(signedIn(viewer));
    case 'same': case 'escalate': return w.colleagueA();
    case 'report': return w.learnerA();
    case 'other': return w.learnerB();
    case 'privileged': return w.privilegedA();
    case 'crossAdmin': return w.crossAdminA();
    case 'partner': return w.staffP();
    default: throw new Error(`no person for scope ${scope}`);
  }
}

function ownerFor(w: World, viewer: ViewerKind, scope: Scope): Owner {
  switch (scope) {
    case 'own': return w.ownCourseOwner(viewer);
    case 'same': return 'A';
    case 'other': return 'B';
    case 'partner': return 'P';
    default: throw new Error(`no course for scope ${scope}`);
  }
}

const courseFor = (w: World, viewer: ViewerKind, scope: Scope, flavour: Flavour = 'open') => w.course(ownerFor(w, viewer, scope), flavour);
/** The (one) run of the course a scope names. */
const runFor = async (w: World, viewer: ViewerKind, scope: Scope, flavour: Flavour = 'open') => (await courseFor(w, viewer, scope, flavour)).run;
/** The scope's run with its course made a workshop (sessions and materials belong to workshops only). */
async function workshopRunFor(w: World, viewer: ViewerKind, scope: Scope) {
  const run = await runFor(w, viewer, scope);
  await w.app.sql(`update course set kind = 'WORKSHOP' where id = (select course_id from course_run where id = $1)`, [run.id]);
  return run;
}
/** A scheduled session, and a link material, of the scope's workshop run (written straight to the tables). */
async function workshopSessionFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const run = await workshopRunFor(w, viewer, scope);
  const [row] = await w.app.sql<{ id: string }>(`insert into run_session (run_id, starts_at, ends_at) values ($1, now() + interval '20 days', now() + interval '20 days 2 hours') returning id`, [run.id]);
  return row.id;
}
async function workshopMaterialFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const run = await workshopRunFor(w, viewer, scope);
  const [row] = await w.app.sql<{ id: string }>(`insert into run_material (run_id, title, url) values ($1, 'Modul', 'https://materi.example.go.id/modul.pdf') returning id`, [run.id]);
  return row.id;
}

/**
 * The enrolment a scope names: own is the viewer's own (in a course of their agency); same is a colleague's in
 * A's course; report the learner's in A's course; other a learner of B's in B's course; partner a learner of A's
 * in P's course (the learner's agency does not own the course: item 8).
 */
async function enrolmentFor(w: World, viewer: ViewerKind, scope: Scope, status: 'ACTIVE' | 'REQUESTED', flavour?: Flavour): Promise<string> {
  switch (scope) {
    case 'own': {
      if (viewer === 'instructor' || viewer === 'partnerAdmin') throw new NotApplicable('partner staff are never learners');
      const owner: Owner = viewer === 'otherAgencyAdmin' ? 'B' : 'A';
      return w.enrolment(await w.person(signedIn(viewer)), owner, status, flavour);
    }
    case 'same': return w.enrolment(await w.colleagueA(), 'A', status, flavour);
    case 'report': return w.enrolment(await w.learnerA(), 'A', status, flavour);
    case 'other': return w.enrolment(await w.learnerB(), 'B', status, flavour);
    case 'partner': return w.enrolment(await w.colleagueA(), 'P', status, flavour);
    default: throw new Error(`no enrolment for scope ${scope}`);
  }
}

function agencyFor(w: World, viewer: ViewerKind, scope: Scope) {
  switch (scope) {
    case 'own': return w.ownAgency(viewer);
    case 'same': return w.agencyA();
    case 'other': return w.agencyB();
    default: throw new Error(`no agency for scope ${scope}`);
  }
}

/** An empty unit (so it can be renamed, moved and deleted) of the scope's agency. */
async function spareUnitFor(w: World, viewer: ViewerKind, scope: Scope) {
  const agency = await agencyFor(w, viewer, scope);
  return w.spareUnit(agency);
}

function partnerFor(w: World, viewer: ViewerKind, scope: Scope) {
  switch (scope) {
    case 'own': return w.ownPartner(viewer);
    case 'same': return w.partnerP();
    case 'other': return w.partnerQ();
    default: throw new Error(`no partner for scope ${scope}`);
  }
}

/** A staff member: own is the viewer themselves (partner staff only), same an instructor of P, other one of Q. */
async function staffFor(w: World, viewer: ViewerKind, scope: Scope) {
  switch (scope) {
    case 'own':
      if (viewer !== 'instructor' && viewer !== 'partnerAdmin') throw new NotApplicable(`${viewer} is not partner staff`);
      return w.person(viewer);
    case 'same': return w.staffP();
    case 'other': return w.staffQ();
    default: throw new Error(`no staff for scope ${scope}`);
  }
}

/** An open invitation to the scope's partner, written straight to the table (no mail). */
async function invitationFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const partner = await partnerFor(w, viewer, scope);
  const [row] = await w.app.sql<{ id: string }>(
    `insert into partner_invitation (partner_id, email, full_name, role, expires_at) values ($1, $2, 'Calon Dosen', 'INSTRUCTOR', now() + interval '7 days') returning id`,
    [partner.id, `terundang.${next()}@kampus.ac.id`]);
  return row.id;
}

/** The token of an open invitation to P, as its mail would carry it. */
async function invitationToken(w: World): Promise<string> {
  const token = `undangan-${next()}`;
  await w.app.sql(
    `insert into partner_invitation (partner_id, email, full_name, role, expires_at, token_hash) values ($1, $2, 'Calon Dosen', 'INSTRUCTOR', now() + interval '7 days', $3)`,
    [(await w.partnerP()).id, `tautan.${next()}@kampus.ac.id`, createHash('sha256').update(token).digest('hex')]);
  return token;
}

/** The grant a scope names, for revocation. */
async function grantFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  switch (scope) {
    case 'own': {
      const own: Partial<Record<ViewerKind, Role>> = {
        instructor: Role.INSTRUCTOR, partnerAdmin: Role.PARTNER_ADMIN, agencyAdmin: Role.AGENCY_ADMIN,
        otherAgencyAdmin: Role.AGENCY_ADMIN, platformAdmin: Role.PLATFORM_ADMIN,
      };
      const role = own[viewer];
      if (!role) throw new NotApplicable(`${viewer} holds no grant`);
      return w.grantOf(await w.person(signedIn(viewer)), role);
    }
    case 'same': return w.grantOf(await w.instructorA(), Role.INSTRUCTOR);
    case 'other': return w.grantOf(await w.instructorB(), Role.INSTRUCTOR);
    case 'privileged': return w.grantOf(await w.privilegedA(), Role.INSTRUCTOR);
    case 'crossAdmin': return w.grantOf(await w.crossAdminA(), Role.INSTRUCTOR);
    case 'partner': return w.grantOf(await w.staffP(), Role.INSTRUCTOR);
    default: throw new Error(`no grant for scope ${scope}`);
  }
}

/**
 * A credited ledger line of the scope's person (in their agency and unit now), written straight to the table with
 * the year's total, as a credit writes them.
 */
async function ledgerLineFor(w: World, viewer: ViewerKind, scope: Scope): Promise<{ personId: string; lineId: string }> {
  const person = await personFor(w, viewer, scope);
  const [row] = await w.app.sql<{ id: string }>(
    `with line as (
       insert into learning_record (person_id, year, minutes, jp, rule_set_id, source, source_id, status, agency_id, org_unit_id, title, occurred_at)
       select p.id, extract(year from now() at time zone 'Asia/Jakarta')::int, 90, 2, (select id from learning_rule_set order by valid_from limit 1),
              'EXTERNAL_ACTIVITY', gen_random_uuid(), 'CREDITED', p.agency_id, p.org_unit_id, 'Kegiatan matriks', now()
         from person p where p.id = $1 returning id, person_id, year, minutes, jp),
     total as (
       insert into person_learning_year (person_id, year, minutes, jp) select person_id, year, minutes, jp from line
       on conflict (person_id, year) do update set minutes = person_learning_year.minutes + excluded.minutes, jp = person_learning_year.jp + excluded.jp)
     select id from line`,
    [person.id],
  );
  return { personId: person.id, lineId: row.id };
}

/** A certificate of the scope's person, issued by their agency (B for `other`, else A), written straight into the table. */
async function certificateFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const person = await personFor(w, viewer, scope);
  const agency = scope === 'other' ? await w.agencyB() : await w.agencyA();
  const n = next();
  const [row] = await w.app.sql<{ id: string }>(
    `insert into certificate (person_id, source, source_id, issuing_agency_id, serial, serial_year, serial_number, verification_code,
       recipient_name, title, jp, completed_at, agency_name)
     select p.id, 'COURSE_RUN', gen_random_uuid(), $2, 'MTX/' || $3 || '/2026/000001', 2026, $3::int, left('mtx' || $3 || md5(random()::text), 40), p.full_name,
            'Pelatihan Matriks', 4, now(), 'Instansi'
       from person p where p.id = $1 returning id`,
    [person.id, agency.id, n.slice(-9)]);
  return row.id;
}

/**
 * A certificate of the scope's person for a real completion: a COMPLETED enrolment in the course of the issuing
 * agency (B for `other`, else A), so a correction (re-issue) finds its facts.
 */
async function completedCertificateFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const person = await personFor(w, viewer, scope);
  // A course of its own per call: denied cells share a world, and a person completes a course once.
  const course = await w.app.seed.course({ ownerAgency: scope === 'other' ? await w.agencyB() : await w.agencyA() });
  const [e] = await w.app.sql<{ id: string }>(
    `insert into enrolment (person_id, course_id, run_id, status, decided_at, finished_at) values ($1, $2, $3, 'COMPLETED', now(), now()) returning id`,
    [person.id, course.id, course.run.id]);
  const id = await certificateFor(w, viewer, scope);
  await w.app.sql(`update certificate set source_id = $2 where id = $1`, [id, e.id]);
  return id;
}

/** A signer of agency A (`same`), agency B (`other`) or partner P (`partner`). */
function signerOwnerFor(w: World, scope: Scope): Promise<{ agencyId: string } | { partnerId: string }> {
  switch (scope) {
    case 'same': return w.agencyA().then((a) => ({ agencyId: a.id }));
    case 'other': return w.agencyB().then((a) => ({ agencyId: a.id }));
    case 'partner': return w.partnerP().then((p) => ({ partnerId: p.id }));
    default: throw new Error(`no signer owner for scope ${scope}`);
  }
}
async function signerFor(w: World, _viewer: ViewerKind, scope: Scope): Promise<string> {
  const owner = await signerOwnerFor(w, scope);
  const [row] = await w.app.sql<{ id: string }>(`insert into certificate_signer (agency_id, partner_id, name, position) values ($1, $2, 'Penanda Tangan', 'Kepala') returning id`,
    ['agencyId' in owner ? owner.agencyId : null, 'partnerId' in owner ? owner.partnerId : null]);
  return row.id;
}

/** The scope's course made a workshop (a recurring forum goes on workshops only); mutation cells own their world. */
async function workshopFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const course = await courseFor(w, viewer, scope);
  await w.app.sql(`update course set kind = 'WORKSHOP' where id = $1`, [course.id]);
  return course.id;
}

/** A recurring forum on the scope's course with one future occurrence (its run and session), written straight to the tables. */
async function seriesFor(w: World, viewer: ViewerKind, scope: Scope): Promise<{ seriesId: string; runId: string; courseId: string }> {
  const course = await courseFor(w, viewer, scope);
  const code = `F${next()}`;
  const [series] = await w.app.sql<{ id: string }>(
    `insert into run_series (course_id, rrule, starts_on, start_time, duration_minutes, time_zone, occurrence_count, code_pattern, enrolment_policy)
     values ($1, 'FREQ=MONTHLY;BYDAY=+1TU', (now() + interval '40 days')::date, '13:00', 120, 'Asia/Jakarta', 1, $2, 'OPEN') returning id`, [course.id, `${code}-{N}`]);
  const [run] = await w.app.sql<{ id: string }>(
    `insert into course_run (course_id, series_id, code, enrolment_policy, starts_at, ends_at)
     values ($1, $2, $3, 'OPEN', now() + interval '45 days', now() + interval '45 days 2 hours') returning id`, [course.id, series.id, `${code}-1`]);
  await w.app.sql(`insert into run_session (run_id, starts_at, ends_at) select id, starts_at, ends_at from course_run where id = $1`, [run.id]);
  return { seriesId: series.id, runId: run.id, courseId: course.id };
}

/** A session of the scope's run, on now (started ten minutes ago), so marks and check-ins are open. */
async function sessionFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const run = await runFor(w, viewer, scope);
  const [row] = await w.app.sql<{ id: string }>(
    `insert into run_session (run_id, starts_at, ends_at) values ($1, now() - interval '10 minutes', now() + interval '2 hours') returning id`, [run.id],
  );
  return row.id;
}

/** A seat holder's enrolment in the scope's run (a colleague of A in A's and P's, a learner of B in B's). */
function seatFor(w: World, viewer: ViewerKind, scope: Scope): Promise<string> {
  const owner = ownerFor(w, viewer, scope);
  return owner === 'B' ? w.learnerB().then((p) => w.enrolment(p, 'B', 'ACTIVE')) : w.colleagueA().then((p) => w.enrolment(p, owner, 'ACTIVE'));
}

/** The check-in token of a session now, signed with the server's database secret (made here, so no query writes it). */
async function checkInTokenFor(w: World, sessionId: string): Promise<string> {
  await w.app.sql(`insert into server_secret (name, value) values ('root', $1) on conflict do nothing`, [randomBytes(32).toString('base64url')]);
  const [{ value }] = await w.app.sql<{ value: string }>(`select value from server_secret where name = 'root'`);
  return signToken(deriveKeys(value), sessionId, windowAt(Date.now()));
}

/** Who takes a session's attendance: the run's instructors, the course's managers, platform admins; NOT_FOUND to anyone else. */
const TAKE_ATTENDANCE = {
  learner: NOT_FOUND, supervisor: NOT_FOUND,
  instructor: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': NOT_FOUND },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

/**
 * A participation (path area) of the scope's person in a programme of a fresh agency nobody in the world administers,
 * charged to the person's agency (A; B for otherAgencyAdmin's own and for `other`); COMPLETED when asked.
 */
async function participationFor(w: World, viewer: ViewerKind, scope: Scope, completed = false): Promise<string> {
  if (scope === 'own' && (viewer === 'instructor' || viewer === 'partnerAdmin')) throw new NotApplicable('partner staff are never participants');
  const person = await personFor(w, viewer, scope);
  const agency = scope === 'other' || (scope === 'own' && viewer === 'otherAgencyAdmin') ? await w.agencyB() : await w.agencyA();
  const owner = await w.app.seed.agency();
  const instructor = await w.app.seed.person({ agency: owner });
  const programme = await seedProgramme(w.app, { ownerAgency: owner, instructor, items: [{}] });
  const cohort = await seedCohort(w.app, programme, { quotas: [{ agency, seats: 1 }], instructor });
  const participant = await nominate(w.app, cohort, programme, person, agency);
  if (completed) await w.app.sql(`update cohort_participant set status = 'COMPLETED', completed_at = now() where id = $1`, [participant.id]);
  return participant.id;
}

/** A published programme of a fresh agency with a nominating cohort in which A (same) or B (other) holds a quota. */
async function catalogueProgrammeFor(w: World, scope: Scope): Promise<string> {
  const owner = await w.app.seed.agency();
  const instructor = await w.app.seed.person({ agency: owner });
  const programme = await seedProgramme(w.app, { ownerAgency: owner, instructor, items: [{}] });
  await seedCohort(w.app, programme, { quotas: [{ agency: scope === 'other' ? await w.agencyB() : await w.agencyA(), seats: 1 }], instructor });
  return programme.id;
}

const none = async (): Promise<Built> => ({ variables: {} });
const byId = (find: (w: World, viewer: ViewerKind, scope: Scope) => Promise<{ id: string } | string>, extra: Record<string, unknown> = {}) =>
  async (w: World, viewer: ViewerKind, scope: Scope): Promise<Built> => {
    const found = await find(w, viewer, scope);
    return { variables: { id: typeof found === 'string' ? found : found.id, ...extra } };
  };
const nodesHave = (field: string) => (data: any, id: string) => data[field].nodes.some((n: { id: string }) => n.id === id);

/** Viewers who hold none of the roles an operation declares: the schema's first tier refuses them. */
const tierOne = (...viewers: ViewerKind[]) => Object.fromEntries(viewers.map((v) => [v, FORBIDDEN]));

// ------------------------------------------------------------------------------------------- the rows

const PERSON_SCOPES = ['own', 'same', 'report', 'other', 'privileged', 'crossAdmin', 'partner'] as const;
const ENROLMENT_SCOPES = ['own', 'same', 'report', 'other', 'partner'] as const;
const COURSE_SCOPES = ['own', 'same', 'other', 'partner'] as const;

/** Who may change a person: item 1 says an admin acts only on people whose roles they could grant themselves. */
const PERSON_ADMIN = {
  ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
  agencyAdmin: { other: NOT_FOUND, partner: NOT_FOUND, privileged: FORBIDDEN, crossAdmin: FORBIDDEN, '*': ALLOWED },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

/** Deciding a request: its approver or an admin of the learner's agency, never the learner. */
const DECIDE = {
  ...tierOne('learner', 'instructor', 'partnerAdmin'),
  supervisor: { own: FORBIDDEN, report: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: FORBIDDEN, other: NOT_FOUND, '*': ALLOWED },
  otherAgencyAdmin: { own: FORBIDDEN, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: { own: FORBIDDEN, '*': ALLOWED },
} as const;

/** Completion and failure: the course's instructors and its owner's admins (item 8), never one's own. */
const FINISH = {
  ...tierOne('learner', 'supervisor'),
  instructor: { partner: ALLOWED, '*': NOT_FOUND },
  partnerAdmin: { partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: FORBIDDEN, other: NOT_FOUND, partner: FORBIDDEN, '*': ALLOWED },
  otherAgencyAdmin: { own: FORBIDDEN, other: ALLOWED, '*': NOT_FOUND },
  // Platform admins run the platform, not courses (DOMAIN.md): the role alone does not decide outcomes.
  platformAdmin: FORBIDDEN,
} as const;

/** Changing a course: its owner's admins; a course one may see but not manage is FORBIDDEN, one hidden NOT_FOUND. */
const MANAGE_COURSE = {
  ...tierOne('learner', 'supervisor', 'instructor'),
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, other: NOT_FOUND, partner: FORBIDDEN },
  otherAgencyAdmin: { own: ALLOWED, same: NOT_FOUND, other: ALLOWED, partner: FORBIDDEN },
  platformAdmin: ALLOWED,
} as const;

/** Recurring forums are seen by their workshop's managers only: to anyone else they do not exist. */
const MANAGE_SERIES = {
  ...tierOne('learner', 'supervisor', 'instructor'),
  partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': NOT_FOUND },
  otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

/** Org units: the agency's admins and platform admins; another agency's units do not exist for an admin. */
const MANAGE_UNIT = {
  ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
  agencyAdmin: { other: NOT_FOUND, '*': ALLOWED },
  otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED },
  platformAdmin: ALLOWED,
} as const;

const PLATFORM_ONLY = { '*': FORBIDDEN, platformAdmin: ALLOWED } as const;

/** Agreements: the parties' admins (partner P's admin, agency A's admin for P–A; B's for Q–B) and platform admins. */
const AGREEMENT_READ = (unseen: typeof HIDDEN | typeof NOT_FOUND) => ({
  ...tierOne('learner', 'supervisor', 'instructor'),
  partnerAdmin: { same: ALLOWED, other: unseen },
  agencyAdmin: { same: ALLOWED, other: unseen },
  otherAgencyAdmin: { same: unseen, other: ALLOWED },
  platformAdmin: ALLOWED,
}) as const;

/** The agreement a scope names: same is partner P's with agency A, other partner Q's with agency B. */
const agreementFor = (w: World, scope: Scope) => (scope === 'same' ? w.agreementPA() : w.agreementQB());

/** A partner's profile, staff and invitations: its partner admins and platform admins; other partners do not exist. */
/** Signers of agency A (`same`), B (`other`) or partner P: that agency's admins, that partner's admins, platform admins. */
const SIGNER_MANAGERS = {
  ...tierOne('learner', 'supervisor', 'instructor'),
  partnerAdmin: { partner: ALLOWED, '*': NOT_FOUND },
  agencyAdmin: { same: ALLOWED, '*': NOT_FOUND },
  otherAgencyAdmin: { other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

const PARTNER_MANAGERS = {
  ...tierOne('learner', 'supervisor', 'instructor', 'agencyAdmin', 'otherAgencyAdmin'),
  partnerAdmin: { other: NOT_FOUND, '*': ALLOWED },
  platformAdmin: ALLOWED,
} as const;

/** Editing and deactivating staff: a partner admin changes their instructors, never an admin (themselves included). */
const CHANGE_STAFF = {
  ...tierOne('learner', 'supervisor', 'instructor', 'agencyAdmin', 'otherAgencyAdmin'),
  partnerAdmin: { own: FORBIDDEN, same: ALLOWED, other: NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

const ENROLMENT_FIELDS = `id status`;
const COURSE_FIELDS = `id`;

// ------------------------------------------------------------------------------------------- library (programmes)

/**
 * A published programme of the scope's owner (same: agency A, other: agency B, partner: partner P), written straight
 * to the tables; shared unless said; with a future cohort offering 10 seats when asked. The library area's own
 * builder (the build area's `programmeFor` is unified with it at integration).
 */
async function libraryProgrammeFor(w: World, scope: Scope, opts: { shared?: boolean; offering?: boolean } = {}): Promise<{ id: string; title: string; cohortId: string | null }> {
  const owner = scope === 'partner' ? { agency: null, partner: (await w.partnerP()).id } : { agency: (await (scope === 'same' ? w.agencyA() : w.agencyB())).id, partner: null };
  const title = `Program Matriks ${next()}`;
  const [programme] = await w.app.sql<{ id: string }>(
    `insert into programme (code, title, owner_agency_id, owner_partner_id, status, shared_at) values ($1, $2, $3, $4, 'PUBLISHED', case when $5 then now() end) returning id`,
    [`PM-${next()}`, title, owner.agency, owner.partner, opts.shared ?? true]);
  if (!opts.offering) return { id: programme.id, title, cohortId: null };
  const [cohort] = await w.app.sql<{ id: string }>(
    `insert into programme_cohort (programme_id, code, starts_at, ends_at, capacity, offers_seats) values ($1, 'ANG-1', now() + interval '30 days', now() + interval '40 days', 10, true) returning id`,
    [programme.id]);
  return { id: programme.id, title, cohortId: cohort.id };
}
/** Adopting one's own agency's programme is refused with its own code (programme-sharing.test.ts). */
const ALREADY_YOURS = 'PROGRAMME_ALREADY_YOURS' as typeof ALLOWED;
const LIBRARY_SCOPES = ['same', 'other', 'partner'] as const;

/**
 * Who revokes or re-issues a certificate: admins of the issuing agency, for a holder with no role beyond what they
 * could grant (not a platform admin, not another agency's admin: FORBIDDEN, as they see it); platform admins any. B's
 * admin holds a certificate A issued (`own`): they see it, but it is not theirs to change.
 */
const CERTIFICATE_MANAGERS = {
  ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
  agencyAdmin: { other: NOT_FOUND, privileged: FORBIDDEN, crossAdmin: FORBIDDEN, '*': ALLOWED },
  otherAgencyAdmin: { own: FORBIDDEN, other: ALLOWED, '*': NOT_FOUND },
  platformAdmin: ALLOWED,
} as const;

export const MATRIX: Matrix = {
  // ------------------------------------------------------------------ certificates
  myCertificates: {
    kind: 'query', document: `{ myCertificates(first: 10) { nodes { id } } }`, scopes: ['none'], build: none, expect: { '*': ALLOWED },
  },
  certificate: {
    kind: 'query', document: `query($id: ID!) { certificate(id: $id) { id serial recipientNip } }`, scopes: ['own', 'same', 'other'],
    build: byId((w, v, s) => certificateFor(w, v, s)),
    // The holder, the issuing agency's admins and platform admins; everyone else reads the public page (NIP masked).
    expect: {
      learner: { own: ALLOWED, '*': NOT_FOUND }, supervisor: { own: ALLOWED, '*': NOT_FOUND },
      instructor: { own: ALLOWED, '*': NOT_FOUND }, partnerAdmin: { own: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED }, otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  adminCertificates: {
    kind: 'query', document: `query($agencyId: ID!) { adminCertificates(agencyId: $agencyId, first: 10) { nodes { id } } }`, scopes: ['own', 'same', 'other'],
    build: async (w, v, s) => ({ variables: { agencyId: (await agencyFor(w, v, s)).id } }),
    // An agency's admins and platform admins (the agency's other admins see it exists: FORBIDDEN, as `people`).
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED }, otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  revokeCertificate: {
    kind: 'mutation', document: `mutation($id: ID!) { revokeCertificate(id: $id, reason: "Matriks") { id status } }`,
    scopes: ['own', 'same', 'other', 'privileged', 'crossAdmin'], build: byId((w, v, s) => certificateFor(w, v, s)),
    expect: CERTIFICATE_MANAGERS,
  },
  reissueCertificate: {
    kind: 'mutation', document: `mutation($id: ID!) { reissueCertificate(id: $id) { id status } }`,
    scopes: ['own', 'same', 'other', 'privileged', 'crossAdmin'], build: byId((w, v, s) => completedCertificateFor(w, v, s)),
    expect: CERTIFICATE_MANAGERS,
  },
  verifyCertificate: {
    // Public: the verification page (/verifikasi/<code>) needs no sign-in; it shows the NIP masked.
    kind: 'query', document: `query($code: String!) { verifyCertificate(code: $code) { status recipientNipMasked } }`, scopes: ['same'],
    build: async (w, v, s) => {
      const id = await certificateFor(w, v, s);
      const [row] = await w.app.sql<{ code: string }>(`select verification_code as code from certificate where id = $1`, [id]);
      return { variables: { code: row.code } };
    },
    // Each look-up is counted per client address (sign_in_limit is the limiter's store) before anything is read.
    countsIn: ['sign_in_limit'],
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  certificateSigners: {
    kind: 'query', document: `query($agencyId: ID, $partnerId: ID) { certificateSigners(agencyId: $agencyId, partnerId: $partnerId) { id } }`,
    scopes: ['same', 'other', 'partner'], build: async (w, _v, s) => ({ variables: await signerOwnerFor(w, s) }), expect: SIGNER_MANAGERS,
  },
  createCertificateSigner: {
    kind: 'mutation', document: `mutation($input: CreateCertificateSignerInput!) { createCertificateSigner(input: $input) { id } }`,
    scopes: ['same', 'other', 'partner'], build: async (w, _v, s) => ({ variables: { input: { ...(await signerOwnerFor(w, s)), name: 'Matriks', position: 'Kepala' } } }),
    expect: SIGNER_MANAGERS,
  },
  updateCertificateSigner: {
    kind: 'mutation', document: `mutation($id: ID!) { updateCertificateSigner(id: $id, input: { name: "Matriks", position: "Sekretaris" }) { id } }`,
    scopes: ['same', 'other', 'partner'], build: byId(signerFor), expect: SIGNER_MANAGERS,
  },
  deleteCertificateSigner: {
    kind: 'mutation', document: `mutation($id: ID!) { deleteCertificateSigner(id: $id) }`,
    scopes: ['same', 'other', 'partner'], build: byId(signerFor), expect: SIGNER_MANAGERS,
  },
  // Certificate PDFs (pdf.*): an agency's render progress and re-run, for its admins and platform admins.
  certificateRenderProgress: {
    kind: 'query', document: `query($id: ID!) { certificateRenderProgress(agencyId: $id) { total pending done failed notQueued } }`,
    scopes: ['own', 'same', 'other'], build: byId(agencyFor),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED }, otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  rerunFailedCertificateRenders: {
    kind: 'mutation', document: `mutation($id: ID!) { rerunFailedCertificateRenders(agencyId: $id) }`,
    scopes: ['own', 'same', 'other'], build: byId(agencyFor),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED }, otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  // Open Badges credentials (certificate/credential.*): the credential JSON rides on `certificate` above.
  verifyCredential: {
    // Public: anyone may check a credential they were shown (limited per address).
    kind: 'mutation', document: `mutation($json: String!) { verifyCredential(json: $json) { verdict reason } }`, scopes: ['none'],
    build: async () => ({ variables: { json: '{"bukan":"kredensial"}' } }),
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  credentialKeys: {
    kind: 'query', document: `query($id: ID!) { credentialKeys(agencyId: $id) { id retiredAt } }`, scopes: ['own', 'same', 'other'],
    build: byId(agencyFor),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  rotateCredentialKey: {
    kind: 'mutation', document: `mutation($id: ID!) { rotateCredentialKey(agencyId: $id) { id } }`, scopes: ['own', 'same', 'other'],
    build: byId(agencyFor),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  // ------------------------------------------------------------------ auth
  me: {
    kind: 'query', document: `{ me { id } }`, scopes: ['none'], build: none,
    expect: { anonymous: ALLOWED, '*': ALLOWED }, // null when signed out
  },
  signIn: {
    kind: 'mutation', document: `mutation($input: SignInInput!) { signIn(input: $input) { me { id } } }`, scopes: ['same'],
    build: async (w) => ({ variables: { input: { login: (await w.colleagueA()).nip, password: Seed.PASSWORD } } }),
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  sessionEnded: {
    // Describes only the caller's own cookie; public so the sign-in page can say a session ended.
    kind: 'query', document: `{ sessionEnded }`, scopes: ['none'], build: none,
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  changeMyPassword: {
    // Acts only on the caller: there is no object to point at someone else.
    kind: 'mutation', document: `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }`, scopes: ['none'],
    build: async () => ({ variables: { input: { currentPassword: Seed.PASSWORD, newPassword: 'kata-sandi-baru-2026' } } }),
    expect: { '*': ALLOWED },
  },
  signOut: {
    kind: 'mutation', document: `mutation { signOut }`, scopes: ['none'], build: none,
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  setMyLanguage: {
    kind: 'mutation', document: `mutation { setMyLanguage(language: EN) { id } }`, scopes: ['none'], build: none,
    expect: { '*': ALLOWED },
  },
  setMyTimeZone: {
    kind: 'mutation', document: `mutation { setMyTimeZone(timeZone: "Asia/Makassar") { id } }`, scopes: ['none'], build: none,
    expect: { '*': ALLOWED },
  },
  myCalendarFeed: {
    // The caller's own feed only: there is no argument naming anyone else's.
    kind: 'query', document: `{ myCalendarFeed { createdAt } }`, scopes: ['none'], build: none,
    expect: { '*': ALLOWED },
  },
  createMyCalendarFeed: {
    kind: 'mutation', document: `mutation { createMyCalendarFeed { createdAt } }`, scopes: ['none'], build: none,
    expect: { '*': ALLOWED },
  },
  revokeMyCalendarFeed: {
    kind: 'mutation', document: `mutation { revokeMyCalendarFeed }`, scopes: ['none'], build: none,
    expect: { '*': ALLOWED },
  },
  requestPasswordReset: {
    // Public, and the same answer for any address (an address nobody has, so no job writes anything meanwhile).
    kind: 'mutation', document: `mutation($email: String!) { requestPasswordReset(email: $email) }`, scopes: ['none'],
    build: async () => ({ variables: { email: `tidak.ada.${next()}@contoh.go.id` } }),
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  resetPassword: {
    // Public: whoever holds a link's token (sent to the person's mailbox) sets that person's password.
    kind: 'mutation', document: `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`, scopes: ['same'],
    build: async (w) => {
      const token = `matrix-${next()}`;
      await w.app.sql(`insert into password_reset (token_hash, person_id, expires_at) values ($1, $2, now() + interval '10 minutes')`,
        [createHash('sha256').update(token).digest('hex'), (await w.colleagueA()).id]);
      return { variables: { input: { token, newPassword: 'sandi-dari-tautan-2026' } } };
    },
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },

  // ------------------------------------------------------------------ agencies and org units
  agencies: {
    kind: 'query', document: `{ agencies(first: 100) { nodes { id } } }`, scopes: ['same', 'other'],
    build: async (w, v, s) => ({ variables: {}, subject: (await agencyFor(w, v, s)).id }),
    listed: nodesHave('agencies'),
    expect: { '*': ALLOWED }, // active agencies are everyone's filter options
  },
  agency: {
    kind: 'query', document: `query($id: ID!) { agency(id: $id) { id } }`, scopes: ['own', 'same', 'other'],
    build: byId(agencyFor), expect: { '*': ALLOWED },
  },
  createAgency: {
    kind: 'mutation', document: `mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }`, scopes: ['none'],
    build: async () => ({ variables: { input: { code: `AGM${next()}`, name: `Instansi Baru ${next()}`, kind: 'CITY' } } }),
    expect: PLATFORM_ONLY,
  },
  updateAgency: {
    kind: 'mutation', document: `mutation($id: ID!) { updateAgency(id: $id, input: { name: "Nama Baru" }) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(agencyFor), expect: PLATFORM_ONLY,
  },
  setAgencyActive: {
    kind: 'mutation', document: `mutation($id: ID!) { setAgencyActive(id: $id, active: false) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(agencyFor), expect: PLATFORM_ONLY,
  },
  orgUnits: {
    kind: 'query', document: `query($id: ID!) { orgUnits(agencyId: $id) { id } }`, scopes: ['own', 'same', 'other'],
    build: byId(agencyFor),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  createOrgUnit: {
    kind: 'mutation', document: `mutation($id: ID!) { createOrgUnit(input: { agencyId: $id, name: "Bidang Baru" }) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(agencyFor),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { same: FORBIDDEN, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  renameOrgUnit: {
    kind: 'mutation', document: `mutation($id: ID!) { renameOrgUnit(id: $id, name: "Nama Baru") { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(spareUnitFor), expect: MANAGE_UNIT,
  },
  moveOrgUnit: {
    kind: 'mutation', document: `mutation($id: ID!) { moveOrgUnit(id: $id, parentId: null) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(spareUnitFor), expect: MANAGE_UNIT,
  },
  deleteOrgUnit: {
    kind: 'mutation', document: `mutation($id: ID!) { deleteOrgUnit(id: $id) }`,
    scopes: ['own', 'same', 'other'], build: byId(spareUnitFor), expect: MANAGE_UNIT,
  },

  // ------------------------------------------------------------------ partners
  partnerInstitutions: {
    kind: 'query', document: `{ partnerInstitutions(first: 100) { nodes { id } } }`, scopes: ['same', 'other'],
    build: async (w, v, s) => ({ variables: {}, subject: (await partnerFor(w, v, s)).id }),
    listed: nodesHave('partnerInstitutions'),
    expect: { '*': ALLOWED },
  },
  createPartnerInstitution: {
    kind: 'mutation', document: `mutation($input: CreatePartnerInstitutionInput!) { createPartnerInstitution(input: $input) { id } }`,
    scopes: ['none'], build: async () => ({ variables: { input: { code: `PTM${next()}`, name: `Mitra Baru ${next()}`, kind: 'UNIVERSITY' } } }),
    expect: PLATFORM_ONLY,
  },
  updatePartnerInstitution: {
    kind: 'mutation', document: `mutation($id: ID!) { updatePartnerInstitution(id: $id, input: { name: "Nama Baru" }) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(partnerFor), expect: PARTNER_MANAGERS,
  },
  partnerInstitution: {
    kind: 'query', document: `query($id: ID!) { partnerInstitution(id: $id) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(partnerFor), expect: PARTNER_MANAGERS,
  },
  partnerStaff: {
    kind: 'query', document: `query($id: ID!) { partnerStaff(partnerId: $id, first: 100) { nodes { id } } }`,
    scopes: ['own', 'same', 'other'], build: byId(partnerFor), expect: PARTNER_MANAGERS,
  },
  partnerInvitations: {
    kind: 'query', document: `query($id: ID!) { partnerInvitations(partnerId: $id, first: 100) { nodes { id } } }`,
    scopes: ['own', 'same', 'other'], build: byId(partnerFor), expect: PARTNER_MANAGERS,
  },
  partnerInvitationPreview: {
    // Public: whoever holds the link's token (sent to the invitee's mailbox) sees whom it invites.
    kind: 'query', document: `query($token: String!) { partnerInvitationPreview(token: $token) { email } }`, scopes: ['same'],
    build: async (w) => ({ variables: { token: await invitationToken(w) } }),
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  acceptPartnerInvitation: {
    kind: 'mutation', document: `mutation($input: AcceptPartnerInvitationInput!) { acceptPartnerInvitation(input: $input) { email } }`, scopes: ['same'],
    build: async (w) => ({ variables: { input: { token: await invitationToken(w), fullName: 'Dosen Undangan', password: 'sandi-undangan-2026' } } }),
    expect: { anonymous: ALLOWED, '*': ALLOWED },
  },
  invitePartnerStaff: {
    kind: 'mutation', document: `mutation($input: InvitePartnerStaffInput!) { invitePartnerStaff(input: $input) { id } }`,
    scopes: ['own', 'same', 'other'], writesWhenMailed: true,
    build: async (w, v, s) => ({ variables: { input: { partnerId: (await partnerFor(w, v, s)).id, email: `undangan.${next()}@kampus.ac.id`, fullName: 'Calon Dosen' } } }),
    expect: PARTNER_MANAGERS,
  },
  resendPartnerInvitation: {
    kind: 'mutation', document: `mutation($id: ID!) { resendPartnerInvitation(id: $id) { id } }`,
    scopes: ['own', 'same', 'other'], writesWhenMailed: true, build: byId(invitationFor), expect: PARTNER_MANAGERS,
  },
  revokePartnerInvitation: {
    kind: 'mutation', document: `mutation($id: ID!) { revokePartnerInvitation(id: $id) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(invitationFor), expect: PARTNER_MANAGERS,
  },
  updatePartnerStaff: {
    kind: 'mutation', document: `mutation($id: ID!) { updatePartnerStaff(id: $id, input: { fullName: "Nama Dosen Baru" }) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(staffFor), expect: CHANGE_STAFF,
  },
  setPartnerStaffActive: {
    kind: 'mutation', document: `mutation($id: ID!) { setPartnerStaffActive(id: $id, active: false) { id } }`,
    scopes: ['own', 'same', 'other'], build: byId(staffFor), expect: CHANGE_STAFF,
  },
  appointPartnerAdmin: {
    kind: 'mutation', document: `mutation($id: ID!) { appointPartnerAdmin(personId: $id) { id } }`,
    scopes: ['same', 'other'], build: byId(staffFor), expect: PLATFORM_ONLY,
  },
  removePartnerAdmin: {
    kind: 'mutation', document: `mutation($id: ID!) { removePartnerAdmin(personId: $id) { id } }`,
    scopes: ['same', 'other'], build: byId(staffFor), expect: PLATFORM_ONLY,
  },

  // ------------------------------------------------------------------ people and roles
  people: {
    kind: 'query', document: `query($agencyId: ID, $partnerId: ID) { people(agencyId: $agencyId, partnerId: $partnerId, first: 100) { nodes { id } } }`,
    scopes: ['own', 'same', 'other', 'partner'],
    build: async (w, v, s) => ({
      variables: s === 'partner' ? { partnerId: (await w.partnerP()).id } : { agencyId: (await agencyFor(w, v, s)).id },
    }),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, partner: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { same: FORBIDDEN, partner: FORBIDDEN, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  person: {
    kind: 'query', document: `query($id: ID!) { person(id: $id) { id } }`, scopes: PERSON_SCOPES, build: byId(personFor),
    expect: {
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND }, // report is the learner themself
      supervisor: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      instructor: { own: ALLOWED, '*': NOT_FOUND },
      partnerAdmin: { own: ALLOWED, '*': NOT_FOUND }, // partner staff are the platform admins' to manage
      agencyAdmin: { other: NOT_FOUND, partner: NOT_FOUND, '*': ALLOWED }, // reading a privileged colleague is fine
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  createPerson: {
    kind: 'mutation', document: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    scopes: ['own', 'same', 'other', 'partner'],
    build: async (w, v, s) => {
      const k = next();
      const input = s === 'partner'
        ? { partnerId: (await w.partnerP()).id, fullName: `Staf Baru ${k}`, employmentType: 'NON_ASN', email: `staf.baru.${k}@mitra.test`, initialPassword: 'Sandi-Awal-123' }
        : { agencyId: (await agencyFor(w, v, s)).id, fullName: `Pegawai Baru ${k}`, employmentType: 'PNS', nip: await w.freshNip(), initialPassword: 'Sandi-Awal-123' };
      return { variables: { input } };
    },
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: FORBIDDEN, partner: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { same: FORBIDDEN, partner: FORBIDDEN, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  updatePerson: {
    kind: 'mutation', document: `mutation($id: ID!) { updatePerson(id: $id, input: { positionTitle: "Analis Baru" }) { id } }`,
    scopes: PERSON_SCOPES, build: byId(personFor), expect: PERSON_ADMIN,
  },
  resetPersonPassword: {
    kind: 'mutation', document: `mutation($id: ID!, $pw: String!) { resetPersonPassword(id: $id, newPassword: $pw) }`,
    scopes: PERSON_SCOPES, build: byId(personFor, { pw: 'Sandi-Baru-456' }), expect: PERSON_ADMIN,
  },
  setPersonActive: {
    kind: 'mutation', document: `mutation($id: ID!) { setPersonActive(id: $id, active: false) { id } }`,
    scopes: PERSON_SCOPES, build: byId(personFor),
    expect: {
      ...PERSON_ADMIN,
      // Nobody deactivates themself (an admin locking themself out is never what they meant).
      agencyAdmin: { ...PERSON_ADMIN.agencyAdmin, own: FORBIDDEN },
      otherAgencyAdmin: { ...PERSON_ADMIN.otherAgencyAdmin, own: FORBIDDEN },
      platformAdmin: { own: FORBIDDEN, '*': ALLOWED },
    },
  },
  grantRole: {
    kind: 'mutation', document: `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }`,
    scopes: [...PERSON_SCOPES, 'escalate'],
    build: async (w, v, s) => {
      const person = await personFor(w, v, s);
      const a = (await w.agencyA()).id;
      const grant: Record<Scope, () => Promise<Record<string, unknown>>> = {
        // INSTRUCTOR in the person's own agency: within what an agency admin may grant there.
        own: async () => ({ role: 'INSTRUCTOR', agencyId: (await w.ownAgency(v)).id }),
        same: async () => ({ role: 'INSTRUCTOR', agencyId: a }),
        report: async () => ({ role: 'INSTRUCTOR', agencyId: a }),
        other: async () => ({ role: 'INSTRUCTOR', agencyId: (await w.agencyB()).id }),
        privileged: async () => ({ role: 'AGENCY_ADMIN', agencyId: a }),
        crossAdmin: async () => ({ role: 'AGENCY_ADMIN', agencyId: a }),
        partner: async () => ({ role: 'PARTNER_ADMIN', partnerId: (await w.partnerP()).id }),
        escalate: async () => ({ role: 'PLATFORM_ADMIN' }),
        none: async () => ({}),
      };
      return { variables: { input: { personId: person.id, ...(await grant[s]()) } } };
    },
    expect: {
      ...PERSON_ADMIN,
      agencyAdmin: { ...PERSON_ADMIN.agencyAdmin, escalate: FORBIDDEN },
      otherAgencyAdmin: { ...PERSON_ADMIN.otherAgencyAdmin },
    },
  },
  revokeRole: {
    kind: 'mutation', document: `mutation($id: ID!) { revokeRole(grantId: $id) }`,
    scopes: ['own', 'same', 'other', 'privileged', 'crossAdmin', 'partner'], build: byId(grantFor),
    expect: {
      ...PERSON_ADMIN,
      platformAdmin: { own: FORBIDDEN, '*': ALLOWED }, // the last word on the platform cannot be dropped by oneself
    },
  },

  // ------------------------------------------------------------------ courses
  catalogue: {
    kind: 'query', document: `{ catalogue(first: 100) { nodes { ${COURSE_FIELDS} } } }`, scopes: ['same', 'other', 'partner'],
    build: async (w, v, s) => ({ variables: {}, subject: (await courseFor(w, v, s)).id }),
    listed: nodesHave('catalogue'),
    expect: {
      // A's and B's courses are for their own agency; P's for all agencies. Partner staff have no agency.
      '*': { same: ALLOWED, other: HIDDEN, partner: ALLOWED },
      otherAgencyAdmin: { same: HIDDEN, other: ALLOWED, partner: ALLOWED },
      instructor: { partner: ALLOWED, '*': HIDDEN },
      partnerAdmin: { partner: ALLOWED, '*': HIDDEN },
    },
  },
  catalogueOwners: {
    kind: 'query', document: `{ catalogueOwners { id } }`, scopes: ['none'], build: none, expect: { '*': ALLOWED },
  },
  competencyTags: {
    kind: 'query', document: `{ competencyTags { tag } }`, scopes: ['none'], build: none, expect: { '*': ALLOWED },
  },
  course: {
    kind: 'query', document: `query($id: ID!) { course(id: $id) { ${COURSE_FIELDS} } }`, scopes: COURSE_SCOPES,
    build: byId((w, v, s) => courseFor(w, v, s)),
    expect: {
      '*': { other: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED },
      instructor: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
      partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  manageableCourses: {
    kind: 'query',
    document: `query($agencyId: ID, $partnerId: ID) { manageableCourses(agencyId: $agencyId, partnerId: $partnerId, first: 100) { nodes { id } } }`,
    scopes: COURSE_SCOPES,
    build: async (w, v, s) => {
      const subject = (await courseFor(w, v, s)).id;
      if (s === 'own') return { variables: {}, subject };
      if (s === 'partner') return { variables: { partnerId: (await w.partnerP()).id }, subject };
      return { variables: { agencyId: (await agencyFor(w, v, s)).id }, subject };
    },
    listed: nodesHave('manageableCourses'),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor'),
      partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': FORBIDDEN },
      agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': FORBIDDEN },
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': FORBIDDEN },
      platformAdmin: ALLOWED,
    },
  },
  teachingRuns: {
    kind: 'query', document: `{ teachingRuns(first: 100) { nodes { id } } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: {}, subject: (await runFor(w, v, s)).id }),
    listed: nodesHave('teachingRuns'),
    expect: {
      ...tierOne('learner', 'supervisor', 'partnerAdmin', 'agencyAdmin', 'otherAgencyAdmin'),
      instructor: { own: ALLOWED, partner: ALLOWED, '*': HIDDEN },
      platformAdmin: HIDDEN, // teaches nothing
    },
  },
  // Which runs it lists (only the viewer's own, across agencies) is proved with dated runs in test/api/instructor-home.test.ts.
  instructorHome: {
    kind: 'query', document: `{ instructorHome { today { run { id } } } }`, scopes: ['none'], build: none,
    expect: { ...tierOne('learner', 'supervisor', 'partnerAdmin', 'agencyAdmin', 'otherAgencyAdmin', 'platformAdmin'), instructor: ALLOWED },
  },
  createCourse: {
    kind: 'mutation', document: `mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => {
      let owner = {};
      if (s === 'own') w.ownCourseOwner(v); // no owner given: the one agency or partner the viewer runs
      else if (s === 'partner') owner = { ownerPartnerId: (await w.partnerP()).id };
      else owner = { ownerAgencyId: (await agencyFor(w, v, s)).id };
      return {
        variables: {
          input: {
            code: `KRS-M${next()}`, title: 'Pelatihan Baru', form: 'TECHNICAL_TRAINING', delivery: 'ONLINE_SELF_PACED', jp: 10,
            visibility: 'ALL_AGENCIES', ...owner,
          },
        },
      };
    },
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor'),
      partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': FORBIDDEN },
      agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': FORBIDDEN },
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': FORBIDDEN },
      platformAdmin: ALLOWED,
    },
  },
  updateCourse: {
    kind: 'mutation', document: `mutation($id: ID!) { updateCourse(id: $id, input: { title: "Judul Baru" }) { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => courseFor(w, v, s)), expect: MANAGE_COURSE,
  },
  archiveCourse: {
    kind: 'mutation', document: `mutation($id: ID!) { archiveCourse(id: $id) { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => courseFor(w, v, s)), expect: MANAGE_COURSE,
  },
  publishCourse: {
    kind: 'mutation', document: `mutation($id: ID!) { publishCourse(id: $id) { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => courseFor(w, v, s, 'draft')),
    // A draft is seen by nobody outside its managers (and instructors): FORBIDDEN turns NOT_FOUND.
    expect: { ...MANAGE_COURSE, agencyAdmin: { ...MANAGE_COURSE.agencyAdmin, partner: NOT_FOUND }, otherAgencyAdmin: { ...MANAGE_COURSE.otherAgencyAdmin, partner: NOT_FOUND } },
  },

  // ------------------------------------------------------------------ runs
  courseRun: {
    // A run is seen by whoever sees its course.
    kind: 'query', document: `query($id: ID!) { courseRun(id: $id) { id } }`, scopes: COURSE_SCOPES,
    build: byId((w, v, s) => runFor(w, v, s)),
    expect: {
      '*': { other: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED },
      instructor: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
      partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  assignableInstructors: {
    // Who may teach a run of a course: asked by its managers only; any other course does not exist for them.
    kind: 'query', document: `query($courseId: ID!) { assignableInstructors(courseId: $courseId, first: 100) { nodes { personId } } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: { courseId: (await courseFor(w, v, s)).id } }),
    expect: { ...MANAGE_COURSE, agencyAdmin: { own: ALLOWED, same: ALLOWED, '*': NOT_FOUND }, otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND } },
  },
  createCourseRun: {
    // Scheduling a run changes its course: the course's managers.
    kind: 'mutation', document: `mutation($input: CreateCourseRunInput!) { createCourseRun(input: $input) { id } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: { input: { courseId: (await courseFor(w, v, s)).id, code: `R${next()}`, enrolmentPolicy: 'OPEN' } } }),
    expect: MANAGE_COURSE,
  },
  updateCourseRun: {
    kind: 'mutation', document: `mutation($id: ID!) { updateCourseRun(id: $id, input: { location: "Aula Baru" }) { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => runFor(w, v, s)), expect: MANAGE_COURSE,
  },
  cancelCourseRun: {
    kind: 'mutation', document: `mutation($id: ID!) { cancelCourseRun(id: $id, reason: "Narasumber berhalangan") { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => runFor(w, v, s)), expect: MANAGE_COURSE,
  },

  // ------------------------------------------------------------------ workshop sessions and materials
  // Written by the workshop's managers, as its runs are (a session of a course the viewer may see but not manage: FORBIDDEN).
  addRunSession: {
    kind: 'mutation', document: `mutation($id: ID!) { addRunSession(input: { runId: $id, startsAt: "2030-01-07T02:00:00Z", endsAt: "2030-01-07T05:00:00Z" }) { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => workshopRunFor(w, v, s)), expect: MANAGE_COURSE,
  },
  updateRunSession: {
    kind: 'mutation', document: `mutation($id: ID!) { updateRunSession(id: $id, input: { room: "Aula Baru" }) { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => workshopSessionFor(w, v, s)), expect: MANAGE_COURSE,
  },
  cancelRunSession: {
    kind: 'mutation', document: `mutation($id: ID!) { cancelRunSession(id: $id, reason: "Narasumber berhalangan") { id } }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => workshopSessionFor(w, v, s)), expect: MANAGE_COURSE,
  },
  addRunMaterialLink: {
    kind: 'mutation', document: `mutation($id: ID!) { addRunMaterialLink(input: { runId: $id, title: "Modul", url: "https://materi.example.go.id/modul.pdf" }) }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => workshopRunFor(w, v, s)), expect: MANAGE_COURSE,
  },
  removeRunMaterial: {
    kind: 'mutation', document: `mutation($id: ID!) { removeRunMaterial(id: $id) }`,
    scopes: COURSE_SCOPES, build: byId((w, v, s) => workshopMaterialFor(w, v, s)), expect: MANAGE_COURSE,
  },
  // ------------------------------------------------------------------ recurring forums (workshop series)
  runSeries: {
    kind: 'query', document: `query($id: ID!) { runSeries(id: $id) { id occurrences(first: 5) { nodes { runId } } } }`,
    scopes: COURSE_SCOPES, build: byId(async (w, v, s) => (await seriesFor(w, v, s)).seriesId), expect: MANAGE_SERIES,
  },
  runSeriesOfCourse: {
    kind: 'query', document: `query($id: ID!) { runSeriesOfCourse(courseId: $id, first: 5) { nodes { id } } }`,
    scopes: COURSE_SCOPES, build: byId(async (w, v, s) => (await seriesFor(w, v, s)).courseId), expect: MANAGE_SERIES,
  },
  createRunSeries: {
    // Planning a forum schedules runs of the workshop: its managers, as createCourseRun.
    kind: 'mutation', document: `mutation($input: CreateRunSeriesInput!) { createRunSeries(input: $input) { id } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: { input: {
      courseId: await workshopFor(w, v, s), rrule: 'FREQ=MONTHLY;BYDAY=+1TU', startsOn: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
      startTime: '13:00', durationMinutes: 120, timeZone: 'Asia/Jakarta', occurrenceCount: 2, codePattern: `S${next()}-{N}`,
    } } }),
    expect: MANAGE_COURSE,
  },
  updateRunSeries: {
    kind: 'mutation', document: `mutation($id: ID!) { updateRunSeries(id: $id, input: { startTime: "14:00", room: "Aula Baru" }) { id } }`,
    scopes: COURSE_SCOPES, build: byId(async (w, v, s) => (await seriesFor(w, v, s)).seriesId), expect: MANAGE_SERIES,
  },
  cancelSeriesOccurrence: {
    // An occurrence is a run learners see: a caller who sees it but does not manage it is FORBIDDEN, as cancelCourseRun.
    kind: 'mutation', document: `mutation($id: ID!) { cancelSeriesOccurrence(runId: $id, reason: "Libur nasional") { runId } }`,
    scopes: COURSE_SCOPES, build: byId(async (w, v, s) => (await seriesFor(w, v, s)).runId), expect: MANAGE_COURSE,
  },

  // ------------------------------------------------------------------ enrolments
  enrol: {
    kind: 'mutation', document: `mutation($id: ID!) { enrol(runId: $id) { ${ENROLMENT_FIELDS} } }`, scopes: ['same', 'other', 'partner'],
    build: byId((w, v, s) => runFor(w, v, s)),
    expect: {
      '*': { other: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED },
      instructor: 'NOT_A_LEARNER',
      partnerAdmin: 'NOT_A_LEARNER',
      // A platform admin sees B's course (to manage it) but, as a learner of A, may not join it.
      platformAdmin: { other: 'COURSE_NOT_VISIBLE', '*': ALLOWED },
    },
  },
  withdrawEnrolment: {
    kind: 'mutation', document: `mutation($id: ID!) { withdrawEnrolment(id: $id) { ${ENROLMENT_FIELDS} } }`, scopes: ENROLMENT_SCOPES,
    build: byId((w, v, s) => enrolmentFor(w, v, s, 'ACTIVE')),
    expect: {
      ...tierOne('instructor', 'partnerAdmin'),
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      // Only the learner withdraws; whoever else may see the enrolment is FORBIDDEN.
      supervisor: { own: ALLOWED, report: FORBIDDEN, '*': NOT_FOUND },
      agencyAdmin: { own: ALLOWED, other: NOT_FOUND, '*': FORBIDDEN },
      otherAgencyAdmin: { own: ALLOWED, other: FORBIDDEN, '*': NOT_FOUND },
      platformAdmin: { own: ALLOWED, '*': FORBIDDEN },
    },
  },
  approveEnrolment: {
    kind: 'mutation', document: `mutation($id: ID!) { approveEnrolment(id: $id) { ${ENROLMENT_FIELDS} } }`, scopes: ENROLMENT_SCOPES,
    build: byId((w, v, s) => enrolmentFor(w, v, s, 'REQUESTED')), expect: DECIDE,
  },
  rejectEnrolment: {
    kind: 'mutation', document: `mutation($id: ID!) { rejectEnrolment(id: $id, reason: "Belum prioritas") { ${ENROLMENT_FIELDS} } }`,
    scopes: ENROLMENT_SCOPES, build: byId((w, v, s) => enrolmentFor(w, v, s, 'REQUESTED')), expect: DECIDE,
  },
  completeEnrolment: {
    kind: 'mutation', document: `mutation($id: ID!) { completeEnrolment(id: $id) { ${ENROLMENT_FIELDS} } }`, scopes: ENROLMENT_SCOPES,
    build: byId((w, v, s) => enrolmentFor(w, v, s, 'ACTIVE', 'ended')), expect: FINISH,
    // The certificate's credential is signed by a job after the completion commits.
    writesInJobs: true,
  },
  failEnrolment: {
    kind: 'mutation', document: `mutation($id: ID!) { failEnrolment(id: $id) { ${ENROLMENT_FIELDS} } }`, scopes: ENROLMENT_SCOPES,
    build: byId((w, v, s) => enrolmentFor(w, v, s, 'ACTIVE', 'ended')), expect: FINISH,
  },
  enrolPeople: {
    kind: 'mutation', document: `mutation($id: ID!, $people: [ID!]!) { enrolPeople(runId: $id, personIds: $people) { enrolled } }`,
    scopes: ['same', 'other', 'partner'],
    // same: a colleague into A's course; other: a learner of B into B's course; partner: a colleague into P's course.
    build: async (w, v, s) => {
      const person = s === 'other' ? await w.learnerB() : await w.colleagueA();
      return { variables: { id: (await runFor(w, v, s)).id, people: [person.id] } };
    },
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  enrolment: {
    kind: 'query', document: `query($id: ID!) { enrolment(id: $id) { ${ENROLMENT_FIELDS} } }`, scopes: ENROLMENT_SCOPES,
    build: byId((w, v, s) => enrolmentFor(w, v, s, 'ACTIVE')),
    expect: {
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      supervisor: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      instructor: { partner: ALLOWED, '*': NOT_FOUND },
      partnerAdmin: { partner: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED }, // partner: an admin of the learner's agency may look
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  myEnrolments: {
    kind: 'query', document: `{ myEnrolments(first: 100) { nodes { id } } }`, scopes: ['own', 'same', 'other'],
    build: async (w, v, s) => ({ variables: {}, subject: await enrolmentFor(w, v, s, 'ACTIVE') }),
    listed: nodesHave('myEnrolments'),
    expect: { '*': { own: ALLOWED, '*': HIDDEN } },
  },
  approvalsInbox: {
    kind: 'query', document: `query($wide: Boolean!) { approvalsInbox(agencyWide: $wide, first: 100) { nodes { id } } }`,
    scopes: ['report', 'same', 'other'],
    // report: the viewer's own inbox; same and other: agency-wide, for admins.
    build: async (w, v, s) => ({ variables: { wide: s !== 'report' }, subject: await enrolmentFor(w, v, s, 'REQUESTED') }),
    listed: nodesHave('approvalsInbox'),
    expect: {
      ...tierOne('learner', 'instructor', 'partnerAdmin'),
      supervisor: { report: ALLOWED, '*': FORBIDDEN },
      agencyAdmin: { report: HIDDEN, same: ALLOWED, other: HIDDEN },
      otherAgencyAdmin: { report: HIDDEN, same: HIDDEN, other: ALLOWED },
      platformAdmin: { report: HIDDEN, '*': ALLOWED },
    },
  },
  courseRoster: {
    kind: 'query', document: `query($id: ID!) { courseRoster(runId: $id, first: 100) { nodes { id } } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: { id: (await runFor(w, v, s)).id } }),
    expect: {
      ...tierOne('learner', 'supervisor'),
      instructor: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
      partnerAdmin: { own: ALLOWED, partner: ALLOWED, '*': NOT_FOUND },
      // P's course is visible to all but run by P: another owner's admins may not read its roster.
      agencyAdmin: { own: ALLOWED, same: ALLOWED, other: NOT_FOUND, partner: FORBIDDEN },
      otherAgencyAdmin: { own: ALLOWED, same: NOT_FOUND, other: ALLOWED, partner: FORBIDDEN },
      platformAdmin: ALLOWED,
    },
  },

  // ------------------------------------------------------------------ workshop attendance and check-in
  sessionAttendance: {
    kind: 'query', document: `query($id: ID!) { sessionAttendance(sessionId: $id, first: 10) { counts { total } } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: { id: await sessionFor(w, v, s) } }), expect: TAKE_ATTENDANCE,
  },
  sessionCheckIn: {
    kind: 'query', document: `query($id: ID!) { sessionCheckIn(sessionId: $id) { open code } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => {
      const id = await sessionFor(w, v, s);
      await checkInTokenFor(w, id); // the server's secret exists before the query, which only reads it
      return { variables: { id } };
    },
    expect: TAKE_ATTENDANCE,
  },
  recordAttendance: {
    kind: 'mutation', document: `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { counts { total } } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => ({ variables: { input: { sessionId: await sessionFor(w, v, s), marks: [{ enrolmentId: await seatFor(w, v, s), status: 'PRESENT' }] } } }),
    expect: TAKE_ATTENDANCE,
  },
  markAllPresent: {
    kind: 'mutation', document: `mutation($id: ID!) { markAllPresent(sessionId: $id) { counts { total } } }`, scopes: COURSE_SCOPES,
    build: async (w, v, s) => {
      await seatFor(w, v, s);
      return { variables: { id: await sessionFor(w, v, s) } };
    },
    expect: TAKE_ATTENDANCE,
  },
  checkIn: {
    kind: 'mutation', document: `mutation($input: CheckInInput!) { checkIn(input: $input) { status } }`, scopes: ['own', 'other'],
    // own: a session of a run the viewer holds a seat in; other: one of a run they hold none in (B's for A's people, A's for B's admin).
    build: async (w, v, s) => {
      if (s === 'own') {
        if (v === 'instructor' || v === 'partnerAdmin') throw new NotApplicable('partner staff are never learners');
        await enrolmentFor(w, v, 'own', 'ACTIVE');
      }
      const owner: Owner = (v === 'otherAgencyAdmin') === (s === 'own') ? 'B' : 'A';
      const run = (await w.course(owner)).run;
      const [row] = await w.app.sql<{ id: string }>(
        `insert into run_session (run_id, starts_at, ends_at) values ($1, now() - interval '10 minutes', now() + interval '2 hours') returning id`, [run.id],
      );
      return { variables: { input: { token: await checkInTokenFor(w, row.id) } } };
    },
    expect: { '*': { own: ALLOWED, other: NOT_FOUND } },
  },

  // ------------------------------------------------------------------ learning hours and home
  learnerHome: {
    kind: 'query', document: `{ learnerHome { activeEnrolments { id } } }`, scopes: ['none'], build: none,
    expect: { ...tierOne('instructor', 'partnerAdmin'), '*': ALLOWED }, // partner staff are not learners
  },
  myLearningHours: {
    kind: 'query', document: `{ myLearningHours { fullName } }`, scopes: ['none'], build: none,
    expect: { ...tierOne('instructor', 'partnerAdmin'), '*': ALLOWED },
  },
  personLearningHours: {
    kind: 'query', document: `query($id: ID!) { personLearningHours(personId: $id) { fullName } }`,
    scopes: ['own', 'same', 'report', 'other', 'privileged', 'partner'], build: async (w, v, s) => ({ variables: { id: (await personFor(w, v, s)).id } }),
    // Partner staff (no agency) are the platform admins' (as their person record is).
    expect: {
      ...tierOne('learner', 'instructor', 'partnerAdmin'),
      supervisor: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { other: NOT_FOUND, partner: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  learningRuleSets: {
    kind: 'query', document: `{ learningRuleSets { nodes { id } } }`, scopes: ['none'], build: none, expect: { '*': ALLOWED },
  },
  createLearningRuleSet: {
    kind: 'mutation', document: `mutation($input: LearningRuleSetInput!) { createLearningRuleSet(input: $input) { id } }`, scopes: ['none'],
    build: async () => {
      // A date of its own per cell (dates are unique), far in the future.
      const day = new Date(Date.UTC(2100, 0, 1) + unique++ * 86_400_000).toISOString().slice(0, 10);
      return { variables: { input: { validFrom: day, minutesPerJp: 45, yearlyTargetJp: 20, legalBasis: 'Peraturan uji' } } };
    },
    expect: PLATFORM_ONLY,
  },
  learningRecords: {
    kind: 'query', document: `query($personId: ID!) { learningRecords(personId: $personId, first: 100) { nodes { id } } }`,
    scopes: ['own', 'same', 'report', 'other', 'privileged', 'partner'],
    build: async (w, v, s) => {
      const { personId, lineId } = await ledgerLineFor(w, v, s);
      return { variables: { personId }, subject: lineId };
    },
    listed: nodesHave('learningRecords'),
    // The person, their supervisor, their agency's admins (and platform admins, also of partner staff), as personLearningHours.
    expect: {
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      supervisor: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND },
      instructor: { own: ALLOWED, '*': NOT_FOUND },
      partnerAdmin: { own: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { other: NOT_FOUND, partner: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  revokeLearningRecord: {
    kind: 'mutation', document: `mutation($id: ID!) { revokeLearningRecord(id: $id, reason: "Matriks") { id status } }`,
    scopes: ['own', 'same', 'report', 'other', 'privileged', 'crossAdmin', 'partner'],
    build: async (w, v, s) => ({ variables: { id: (await ledgerLineFor(w, v, s)).lineId } }),
    // Platform admins: any line (partner staff's, with no agency, only they). Admins of the agency the person was in
    // when the line was credited, for a person holding no role beyond what they could grant (not a platform admin,
    // not an admin of another agency: FORBIDDEN, as they see the line).
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: NOT_FOUND, partner: NOT_FOUND, privileged: FORBIDDEN, crossAdmin: FORBIDDEN, '*': ALLOWED },
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  // Training-history exports (learning-hours/export.*): an agency's admins and platform admins; another agency's admin
  // NOT_FOUND; whoever administers no agency FORBIDDEN (the file routes answer alike: test/api/learning-export.test.ts).
  requestAgencyLearningExport: {
    kind: 'mutation', document: `mutation($agencyId: ID!) { requestAgencyLearningExport(agencyId: $agencyId, format: CSV) { queued lineCount } }`,
    scopes: ['own', 'same', 'other'],
    build: async (w, v, s) => ({ variables: { agencyId: (await agencyFor(w, v, s)).id } }),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  myLearningExports: {
    // The caller's own stored exports: there is no argument naming anyone else's.
    kind: 'query', document: `{ myLearningExports(first: 10) { nodes { id } } }`, scopes: ['none'], build: none,
    expect: { ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'), agencyAdmin: ALLOWED, otherAgencyAdmin: ALLOWED, platformAdmin: ALLOWED },
  },

  // ------------------------------------------------------------------ the learning-hours record: external activities, team, agency (jp area)
  ...LEARNING_MATRIX,

  // ------------------------------------------------------------------ cooperation agreements
  agreements: {
    kind: 'query', document: `{ agreements(first: 100) { nodes { id } } }`, scopes: ['same', 'other'],
    build: async (w, v, s) => ({ variables: {}, subject: (await agreementFor(w, s)).id }),
    listed: nodesHave('agreements'),
    expect: AGREEMENT_READ(HIDDEN),
  },
  agreement: {
    kind: 'query', document: `query($id: ID!) { agreement(id: $id) { id } }`, scopes: ['same', 'other'],
    build: byId(async (w, _v, s) => agreementFor(w, s)), expect: AGREEMENT_READ(NOT_FOUND),
  },
  createAgreement: {
    kind: 'mutation', document: `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`, scopes: ['same', 'other'],
    build: async (w, _v, s) => ({
      variables: {
        input: {
          kind: 'PKS', number: `PKS/${next()}`, title: 'Kerja sama matriks', partnerId: (await (s === 'same' ? w.partnerP() : w.partnerQ())).id,
          agencyIds: [(await (s === 'same' ? w.agencyA() : w.agencyB())).id], validFrom: '2026-01-01', validTo: '2027-12-31', scope: ['SEMINAR'],
        },
      },
    }),
    // The agency side records agreements for its own agencies; partner admins read them.
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { same: ALLOWED, other: FORBIDDEN },
      otherAgencyAdmin: { same: FORBIDDEN, other: ALLOWED },
      platformAdmin: ALLOWED,
    },
  },
  updateAgreement: {
    kind: 'mutation', document: `mutation($id: ID!) { updateAgreement(id: $id, input: { title: "Judul baru" }) { id } }`, scopes: ['same', 'other'],
    build: byId(async (w, _v, s) => agreementFor(w, s)),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { same: ALLOWED, other: NOT_FOUND },
      otherAgencyAdmin: { same: NOT_FOUND, other: ALLOWED },
      platformAdmin: ALLOWED,
    },
  },

  // ------------------------------------------------------------------ programmes: building, cohorts, quotas
  ...PROGRAMME_BUILD_MATRIX,
  // ------------------------------------------------------------------ programme nominations (world.nominationCohort)
  cohortNominations: {
    kind: 'query', document: `query($id: ID!) { cohortNominations(cohortId: $id) { cohort { id } } }`, scopes: ['same', 'other'],
    // same: a cohort in which agency A holds a quota; other: one in which only B does. P owns both; P's instructor teaches them.
    build: byId(async (w, _v, s) => (await w.nominationCohort(s === 'same' ? 'A' : 'B')).cohortId),
    expect: {
      learner: { same: ALLOWED, other: NOT_FOUND }, supervisor: { same: ALLOWED, other: NOT_FOUND },
      agencyAdmin: { same: ALLOWED, other: NOT_FOUND }, otherAgencyAdmin: { same: NOT_FOUND, other: ALLOWED },
      instructor: ALLOWED, partnerAdmin: ALLOWED, platformAdmin: ALLOWED,
    },
  },
  cohortApplications: {
    kind: 'query', document: `{ cohortApplications(first: 100) { nodes { id } } }`, scopes: ['report', 'other'],
    // report: the learner's application (their supervisor decides it); other: a learner of B's.
    build: async (w, _v, s) => ({ variables: {}, subject: await w.participant(await (s === 'report' ? w.learnerA() : w.learnerB()), 'REQUESTED') }),
    listed: nodesHave('cohortApplications'),
    expect: {
      ...tierOne('learner', 'instructor', 'partnerAdmin'),
      supervisor: { report: ALLOWED, other: HIDDEN }, agencyAdmin: { report: ALLOWED, other: HIDDEN },
      otherAgencyAdmin: { report: HIDDEN, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  nominateParticipants: {
    kind: 'mutation', document: `mutation($id: ID!, $people: [ID!]!) { nominateParticipants(cohortId: $id, personIds: $people) { id } }`,
    scopes: ['same', 'other'],
    // same: a colleague of A; other: a learner of B (both agencies hold a quota).
    build: async (w, _v, s) => ({ variables: { id: (await w.nominationCohort()).cohortId, people: [(await (s === 'same' ? w.colleagueA() : w.learnerB())).id] } }),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { same: ALLOWED, other: NOT_FOUND }, otherAgencyAdmin: { same: NOT_FOUND, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  previewNominationCsv: {
    kind: 'mutation', document: `mutation($id: ID!, $csv: String!) { previewNominationCsv(cohortId: $id, csv: $csv) { okCount } }`, scopes: ['same'],
    // Another agency's admin gets a report saying NOT_IN_AGENCY for A's people (API test), never a name; it writes nothing.
    build: async (w) => ({ variables: { id: (await w.nominationCohort()).cohortId, csv: (await w.colleagueA()).nip } }),
    expect: { ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'), agencyAdmin: ALLOWED, otherAgencyAdmin: ALLOWED, platformAdmin: ALLOWED },
  },
  nominateByCsv: {
    kind: 'mutation', document: `mutation($id: ID!, $csv: String!) { nominateByCsv(cohortId: $id, csv: $csv) { nominated } }`, scopes: ['same'],
    build: async (w) => ({ variables: { id: (await w.nominationCohort()).cohortId, csv: (await w.colleagueA()).nip } }),
    expect: { ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'), agencyAdmin: ALLOWED, otherAgencyAdmin: ALLOWED, platformAdmin: ALLOWED },
  },
  withdrawCohortParticipant: {
    kind: 'mutation', document: `mutation($id: ID!) { withdrawCohortParticipant(id: $id) { id } }`, scopes: ['own', 'same', 'other'],
    // own: the viewer's own nomination; same: a colleague of A's; other: a learner of B's. P owns the programme.
    build: byId(async (w, v, s) => {
      if (s === 'own' && (v === 'instructor' || v === 'partnerAdmin')) throw new NotApplicable('partner staff are never nominated');
      return w.participant(s === 'own' ? await w.person(signedIn(v)) : s === 'same' ? await w.colleagueA() : await w.learnerB(), 'NOMINATED');
    }),
    expect: {
      learner: { own: ALLOWED, '*': NOT_FOUND }, supervisor: { own: ALLOWED, '*': NOT_FOUND }, instructor: NOT_FOUND, partnerAdmin: ALLOWED,
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED }, otherAgencyAdmin: { same: NOT_FOUND, '*': ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  releaseCohortSeats: {
    kind: 'mutation', document: `mutation($id: ID!, $agency: ID!) { releaseCohortSeats(cohortId: $id, agencyId: $agency, seats: 1) { seats } }`,
    scopes: ['same', 'other'],
    build: async (w, v, s) => ({ variables: { id: (await w.nominationCohort()).cohortId, agency: (await agencyFor(w, v, s)).id } }),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { same: ALLOWED, other: FORBIDDEN }, otherAgencyAdmin: { same: FORBIDDEN, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  replaceParticipant: {
    kind: 'mutation', document: `mutation($id: ID!, $person: ID!) { replaceParticipant(participantId: $id, personId: $person) { id } }`,
    scopes: ['same', 'other'],
    // same: A's nominee replaced by another person of A; other: B's by another of B.
    build: async (w, _v, s) => ({
      variables: {
        id: await w.participant(await (s === 'same' ? w.colleagueA() : w.learnerB()), 'NOMINATED'),
        person: (await w.spareLearner(s === 'same' ? 'A' : 'B')).id,
      },
    }),
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { same: ALLOWED, other: NOT_FOUND }, otherAgencyAdmin: { same: NOT_FOUND, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  applyToCohort: {
    kind: 'mutation', document: `mutation($id: ID!) { applyToCohort(cohortId: $id) { id } }`, scopes: ['none'],
    // The learner has a supervisor; the supervisor and the admins of the fixture have none (NO_SUPERVISOR, nothing written).
    build: async (w) => ({ variables: { id: (await w.nominationCohort()).cohortId } }),
    expect: { learner: ALLOWED, instructor: 'NOT_A_LEARNER', partnerAdmin: 'NOT_A_LEARNER', '*': 'NO_SUPERVISOR' },
  },
  approveCohortApplication: {
    kind: 'mutation', document: `mutation($id: ID!) { approveCohortApplication(id: $id) { id } }`, scopes: ['report', 'other'],
    build: byId(async (w, _v, s) => w.participant(await (s === 'report' ? w.learnerA() : w.learnerB()), 'REQUESTED')),
    expect: {
      ...tierOne('learner', 'instructor', 'partnerAdmin'),
      supervisor: { report: ALLOWED, other: NOT_FOUND }, agencyAdmin: { report: ALLOWED, other: NOT_FOUND },
      otherAgencyAdmin: { report: NOT_FOUND, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  rejectCohortApplication: {
    kind: 'mutation', document: `mutation($id: ID!) { rejectCohortApplication(id: $id, reason: "Belum prioritas") { id } }`, scopes: ['report', 'other'],
    build: byId(async (w, _v, s) => w.participant(await (s === 'report' ? w.learnerA() : w.learnerB()), 'REQUESTED')),
    expect: {
      ...tierOne('learner', 'instructor', 'partnerAdmin'),
      supervisor: { report: ALLOWED, other: NOT_FOUND }, agencyAdmin: { report: ALLOWED, other: NOT_FOUND },
      otherAgencyAdmin: { report: NOT_FOUND, other: ALLOWED }, platformAdmin: ALLOWED,
    },
  },
  // ------------------------------------------------------------------ programmes: the learner's path
  programmeCatalogue: {
    kind: 'query', document: `{ programmeCatalogue(first: 100) { nodes { id title } } }`, scopes: ['same', 'other'],
    build: async (w, _v, s) => ({ variables: {}, subject: await catalogueProgrammeFor(w, s) }),
    listed: nodesHave('programmeCatalogue'),
    // People of the agency holding the quota find it; partner staff belong to no agency.
    expect: {
      instructor: HIDDEN, partnerAdmin: HIDDEN,
      otherAgencyAdmin: { same: HIDDEN, other: ALLOWED },
      '*': { same: ALLOWED, other: HIDDEN },
    },
  },
  myProgrammes: {
    kind: 'query', document: `{ myProgrammes(first: 10) { nodes { id } } }`, scopes: ['none'], build: none, expect: { '*': ALLOWED },
  },
  programmeParticipation: {
    kind: 'query', document: `query($id: ID!) { programmeParticipation(id: $id) { id progress { percent } } }`,
    scopes: ['own', 'same', 'report', 'other'], build: byId((w, v, s) => participationFor(w, v, s)),
    // The participant, admins of the agency whose seat they hold, the programme's managers (platform admins).
    expect: {
      // learnerA is the learner of the world, so `report` is their own.
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND }, supervisor: { own: ALLOWED, '*': NOT_FOUND },
      instructor: NOT_FOUND, partnerAdmin: NOT_FOUND,
      agencyAdmin: { other: NOT_FOUND, '*': ALLOWED },
      otherAgencyAdmin: { own: ALLOWED, other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  rateProgramme: {
    kind: 'mutation', document: `mutation($id: ID!) { rateProgramme(participantId: $id, rating: 4) { id rating } }`,
    scopes: ['own', 'same', 'report', 'other'], build: byId((w, v, s) => participationFor(w, v, s, true)),
    // Only the participant rates; who may see the participation but is not them is refused.
    expect: {
      learner: { own: ALLOWED, report: ALLOWED, '*': NOT_FOUND }, supervisor: { own: ALLOWED, '*': NOT_FOUND },
      instructor: NOT_FOUND, partnerAdmin: NOT_FOUND,
      agencyAdmin: { own: ALLOWED, other: NOT_FOUND, '*': FORBIDDEN },
      otherAgencyAdmin: { own: ALLOWED, other: FORBIDDEN, '*': NOT_FOUND },
      platformAdmin: { own: ALLOWED, '*': FORBIDDEN },
    },
  },

  // ------------------------------------------------------------------ background jobs
  failedJobs: {
    kind: 'query', document: `{ failedJobs(first: 5) { nodes { id } } }`, scopes: ['none'], build: none, expect: PLATFORM_ONLY,
  },
  retryFailedJob: {
    kind: 'mutation', document: `mutation($id: ID!) { retryFailedJob(id: $id) }`, scopes: ['none'],
    build: async (w) => {
      // A dead letter of the mail queue (to an address nobody has: once retried, it sends nothing).
      const id = await w.app.lentera.background.queue.boss.send('dead-letters', { kind: 'password-reset', email: `tidak.ada.${next()}@contoh.go.id` });
      await w.app.sql(`update pgboss.job set source_name = 'mail' where id = $1`, [id]);
      return { variables: { id } };
    },
    expect: PLATFORM_ONLY,
  },

  // ------------------------------------------------------------------ programme library
  sharedProgrammes: {
    // Newest first: the search is fuzzy (every "Program Matriks N" matches), and by completion rate the rows tie and
    // fall back to their random ids, so the probe's programme could land past the first page.
    kind: 'query', document: `query($search: String) { sharedProgrammes(filter: { search: $search }, sort: RECENT) { nodes { id } } }`, scopes: LIBRARY_SCOPES,
    build: async (w, _v, s) => {
      const programme = await libraryProgrammeFor(w, s);
      return { variables: { search: programme.title }, subject: programme.id };
    },
    listed: nodesHave('sharedProgrammes'),
    // Agencies choosing programmes: agency and platform admins; learners and partner staff never see the library.
    expect: { ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'), agencyAdmin: ALLOWED, otherAgencyAdmin: ALLOWED, platformAdmin: ALLOWED },
  },
  shareProgramme: {
    kind: 'mutation', document: `mutation($id: ID!) { shareProgramme(programmeId: $id, note: "Berhasil") { id } }`, scopes: LIBRARY_SCOPES,
    build: byId(async (w, _v, s) => libraryProgrammeFor(w, s, { shared: false })),
    // The owner's managers; an unshared programme of another owner is not theirs to see.
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor'),
      partnerAdmin: { partner: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { same: ALLOWED, '*': NOT_FOUND },
      otherAgencyAdmin: { other: ALLOWED, '*': NOT_FOUND },
      platformAdmin: ALLOWED,
    },
  },
  unshareProgramme: {
    kind: 'mutation', document: `mutation($id: ID!) { unshareProgramme(programmeId: $id) { id } }`, scopes: LIBRARY_SCOPES,
    build: byId(async (w, _v, s) => libraryProgrammeFor(w, s)),
    // A shared programme is seen by every agency admin (FORBIDDEN to change), not by other partners' admins.
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor'),
      partnerAdmin: { partner: ALLOWED, '*': NOT_FOUND },
      agencyAdmin: { same: ALLOWED, '*': FORBIDDEN },
      otherAgencyAdmin: { other: ALLOWED, '*': FORBIDDEN },
      platformAdmin: ALLOWED,
    },
  },
  adoptProgramme: {
    kind: 'mutation', document: `mutation($id: ID!, $code: String!) { adoptProgramme(programmeId: $id, code: $code) { id } }`, scopes: LIBRARY_SCOPES,
    build: async (w, _v, s) => ({ variables: { id: (await libraryProgrammeFor(w, s)).id, code: `ADOPSI-${next()}` } }),
    // Any agency admin adopts a shared programme for their agency (a platform admin for theirs), not their own.
    expect: {
      ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'),
      agencyAdmin: { same: ALREADY_YOURS, '*': ALLOWED },
      otherAgencyAdmin: { other: ALREADY_YOURS, '*': ALLOWED },
      platformAdmin: { same: ALREADY_YOURS, '*': ALLOWED },
    },
  },
  joinCohort: {
    kind: 'mutation', document: `mutation($id: ID!) { joinCohort(cohortId: $id, seats: 2) { id } }`, scopes: LIBRARY_SCOPES,
    build: byId(async (w, _v, s) => (await libraryProgrammeFor(w, s, { offering: true })).cohortId!),
    // Any agency whose admin may open the programme takes offered seats (adopter or not: ARCHITECTURE.md "Programmes").
    expect: { ...tierOne('learner', 'supervisor', 'instructor', 'partnerAdmin'), agencyAdmin: ALLOWED, otherAgencyAdmin: ALLOWED, platformAdmin: ALLOWED },
  },
};
