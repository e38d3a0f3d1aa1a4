import { randomBytes } from 'node:crypto';
import type { Agency, OrgUnit } from '../../../server/src/modules/agency/index.js';
import { hashToken } from '../../../server/src/modules/auth/index.js';
import { CourseStatus, CourseVisibility, EnrolmentPolicy } from '../../../server/src/modules/course/index.js';
import type { PartnerInstitution } from '../../../server/src/modules/partner/index.js';
import type { Person } from '../../../server/src/modules/person/index.js';
import { Role } from '../../../server/src/shared/auth/roles.js';
import type { GraphQLClient } from '../../kit/graphql-client.js';
import { makeNip, Seed, type SeededCourse } from '../../kit/seed.js';
import type { TestApp } from '../../kit/test-app.js';

/** The eight kinds of caller every operation is tried with. */
export const VIEWERS = ['anonymous', 'learner', 'supervisor', 'instructor', 'partnerAdmin', 'agencyAdmin', 'otherAgencyAdmin', 'platformAdmin'] as const;
export type ViewerKind = (typeof VIEWERS)[number];
export type SignedInKind = Exclude<ViewerKind, 'anonymous'>;

/** Where a course sits: owned by agency A, agency B or partner P. */
export type Owner = 'A' | 'B' | 'P';
/**
 * open: published, starts in a month (enrol, withdraw, decide); ended: ran and ended yesterday (complete, fail);
 * draft: never published; approval: published, needs the supervisor's approval.
 */
export type Flavour = 'open' | 'ended' | 'draft' | 'approval';

const DAY = 86_400_000;

/** A programme of the world (world.ts `programme`): its one path item is the owner's open course. */
export interface SeededProgramme {
  id: string;
  itemId: string;
  courseId: string;
}

/** A cohort of the world (world.ts `cohort`) with its one item run. */
export interface SeededCohort {
  id: string;
  programmeId: string;
  itemId: string;
  runId: string;
}

/** Thrown by a builder asked for something a viewer does not have: the matrix must mark that cell N/A. */
export class NotApplicable extends Error {}

/**
 * The matrix's fixture, built lazily: each getter creates its object (and what it needs) on first use
 * and remembers it. A query file shares one world; a mutation cell gets a world of its own, so what one
 * allowed cell writes never disturbs another.
 *
 *   agency A: learner (reports to supervisor), supervisor, colleague (reports to supervisor 2),
 *             agencyAdmin, platformAdmin (a platform admin who belongs to A: item 1), privileged (another
 *             platform admin of A, also an instructor of A: the person an agency admin must not touch)
 *             instructorA (an instructor of A and nothing else), crossAdminA (of A, also an agency admin of B)
 *   agency B: otherAgencyAdmin, learnerB (reports to supervisorB), instructorB
 *   partner P: instructor (teaches P's courses), partnerAdmin, staffP (another instructor of P); partner Q: nobody
 *   courses: per owner and flavour; A's and B's are visible to their own agency only, P's to all agencies.
 */
export class World {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly seed: Seed;
  private static serial = 0;
  private static nips = 0;
  private static programmes = 0;
  readonly n = ++World.serial;

  constructor(readonly app: TestApp) {
    // A fork per world keeps the identity map (and every flush) small however many worlds a file builds.
    this.seed = new Seed(app.em());
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.memo.set(key, p);
    }
    return p;
  }

  agencyA = () => this.once('agencyA', () => this.seed.agency({ name: `Instansi A ${this.n}` }));
  agencyB = () => this.once('agencyB', () => this.seed.agency({ name: `Instansi B ${this.n}` }));
  unitA = () => this.once('unitA', async () => this.seed.orgUnit(await this.agencyA(), `Unit A ${this.n}`));
  unitB = () => this.once('unitB', async () => this.seed.orgUnit(await this.agencyB(), `Unit B ${this.n}`));
  partnerP = () => this.once('partnerP', () => this.seed.partner({ name: `Mitra P ${this.n}` }));
  partnerQ = () => this.once('partnerQ', () => this.seed.partner({ name: `Mitra Q ${this.n}` }));
  /** Cooperation agreements: P with agency A, Q with agency B. */
  agreementPA = () => this.once('agreementPA', async () => this.seed.agreement({ partner: await this.partnerP(), agencies: [await this.agencyA()] }));
  agreementQB = () => this.once('agreementQB', async () => this.seed.agreement({ partner: await this.partnerQ(), agencies: [await this.agencyB()] }));

  private async inA(fields: Parameters<Seed['person']>[0] = {}): Promise<Person> {
    return this.seed.person({ agency: await this.agencyA(), orgUnit: await this.unitA(), ...fields });
  }
  private async inB(fields: Parameters<Seed['person']>[0] = {}): Promise<Person> {
    return this.seed.person({ agency: await this.agencyB(), orgUnit: await this.unitB(), ...fields });
  }
  private async inP(role: Role): Promise<Person> {
    const partner = await this.partnerP();
    return this.seed.person({ partner, roles: [{ role, agency: null, partner }] });
  }

  supervisorA = () => this.once('supervisorA', () => this.inA({ fullName: `Atasan A ${this.n}` }));
  learnerA = () => this.once('learnerA', async () => this.inA({ fullName: `Peserta A ${this.n}`, supervisor: await this.supervisorA() }));
  supervisorA2 = () => this.once('supervisorA2', () => this.inA({ fullName: `Atasan A2 ${this.n}` }));
  colleagueA = () => this.once('colleagueA', async () => this.inA({ fullName: `Rekan A ${this.n}`, supervisor: await this.supervisorA2() }));
  adminA = () => this.once('adminA', () => this.inA({ fullName: `Admin A ${this.n}`, roles: [{ role: Role.AGENCY_ADMIN }] }));
  platformAdmin = () => this.once('platformAdmin', () => this.inA({ fullName: `Operator ${this.n}`, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }] }));
  privilegedA = () => this.once('privilegedA', () => this.inA({
    fullName: `Operator Lain ${this.n}`, roles: [{ role: Role.PLATFORM_ADMIN, agency: null }, { role: Role.INSTRUCTOR }],
  }));
  /** A person of A who is also an agency admin of B (and an instructor of A, for revocation). */
  crossAdminA = () => this.once('crossAdminA', async () => this.inA({
    fullName: `Admin Rangkap ${this.n}`, roles: [{ role: Role.AGENCY_ADMIN, agency: await this.agencyB() }, { role: Role.INSTRUCTOR }],
  }));
  supervisorB = () => this.once('supervisorB', () => this.inB({ fullName: `Atasan B ${this.n}` }));
  learnerB = () => this.once('learnerB', async () => this.inB({ fullName: `Peserta B ${this.n}`, supervisor: await this.supervisorB() }));
  adminB = () => this.once('adminB', () => this.inB({ fullName: `Admin B ${this.n}`, roles: [{ role: Role.AGENCY_ADMIN }] }));
  instructorP = () => this.once('instructorP', () => this.inP(Role.INSTRUCTOR));
  partnerAdminP = () => this.once('partnerAdminP', () => this.inP(Role.PARTNER_ADMIN));
  staffP = () => this.once('staffP', () => this.inP(Role.INSTRUCTOR));
  /** An instructor of partner Q (whom P's admin must not see). */
  staffQ = () => this.once('staffQ', async () => {
    const partner = await this.partnerQ();
    return this.seed.person({ partner, roles: [{ role: Role.INSTRUCTOR, agency: null, partner }] });
  });
  /** Instructors of A and of B who are nothing else: their grants are what "same" and "other" revocations take. */
  instructorA = () => this.once('instructorA', () => this.inA({ fullName: `Widyaiswara A ${this.n}`, roles: [{ role: Role.INSTRUCTOR }] }));
  instructorB = () => this.once('instructorB', () => this.inB({ fullName: `Widyaiswara B ${this.n}`, roles: [{ role: Role.INSTRUCTOR }] }));

  /** An org unit of the agency with nobody in it and no sub-units: one that may be renamed, moved or deleted. */
  spareUnit = (agency: Agency) => this.once(`spareUnit:${agency.id}`, () => this.seed.orgUnit(agency, `Unit Cadangan ${this.n}`));

  /** A valid NIP nobody has: the seed kit's are all of men (sex digit 1), these of women. */
  async freshNip(): Promise<string> {
    return makeNip(++World.nips + 500_000, { female: true });
  }

  /** The person behind each signed-in kind. */
  person(kind: SignedInKind): Promise<Person> {
    switch (kind) {
      case 'learner': return this.learnerA();
      case 'supervisor': return this.learnerA().then(() => this.supervisorA()); // a supervisor is one with a report
      case 'instructor': return this.instructorP();
      case 'partnerAdmin': return this.partnerAdminP();
      case 'agencyAdmin': return this.adminA();
      case 'otherAgencyAdmin': return this.adminB();
      case 'platformAdmin': return this.platformAdmin();
    }
  }

  /** A client for the kind: a session row inserted directly (no argon2 per viewer), or signed out. */
  client(kind: ViewerKind): Promise<GraphQLClient> {
    return this.once(`client:${kind}`, async () => {
      const client = this.app.anonymous();
      if (kind === 'anonymous') return client;
      const person = await this.person(kind);
      const token = randomBytes(32).toString('base64url');
      await this.app.sql(`insert into session (token_hash, person_id, expires_at) values ($1, $2, now() + interval '1 day')`, [hashToken(token), person.id]);
      return client.useSessionToken(token);
    });
  }

  /** The agency a kind belongs to; partner staff belong to none. */
  async ownAgency(kind: ViewerKind): Promise<Agency> {
    if (kind === 'otherAgencyAdmin') return this.agencyB();
    if (kind === 'instructor' || kind === 'partnerAdmin' || kind === 'anonymous') throw new NotApplicable(`${kind} belongs to no agency`);
    return this.agencyA();
  }

  async ownUnit(kind: ViewerKind): Promise<OrgUnit> {
    return (await this.ownAgency(kind)).id === (await this.agencyA()).id ? this.unitA() : this.unitB();
  }

  async ownPartner(kind: ViewerKind): Promise<PartnerInstitution> {
    if (kind !== 'instructor' && kind !== 'partnerAdmin') throw new NotApplicable(`${kind} belongs to no partner`);
    return this.partnerP();
  }

  /** The owner of "their" courses: the agency an agency admin runs, the partner of partner staff. */
  ownCourseOwner(kind: ViewerKind): Owner {
    switch (kind) {
      case 'agencyAdmin': return 'A';
      case 'otherAgencyAdmin': return 'B';
      case 'instructor':
      case 'partnerAdmin': return 'P';
      default: throw new NotApplicable(`${kind} owns and teaches no course`);
    }
  }

  /** A course of `owner` with its one run (`.run`), which enrol, rosters and run operations name. */
  course(owner: Owner, flavour: Flavour = 'open'): Promise<SeededCourse> {
    return this.once(`course:${owner}:${flavour}`, async () => {
      const now = Date.now();
      const course = await this.seed.course({
        title: `Pelatihan ${owner} ${flavour} ${this.n}`,
        ownerAgency: owner === 'A' ? await this.agencyA() : owner === 'B' ? await this.agencyB() : null,
        ownerPartner: owner === 'P' ? await this.partnerP() : null,
        instructors: owner === 'P' ? [await this.instructorP()] : [],
        visibility: owner === 'P' ? CourseVisibility.ALL_AGENCIES : CourseVisibility.OWN_AGENCY,
        status: flavour === 'draft' ? CourseStatus.DRAFT : CourseStatus.PUBLISHED,
        policy: flavour === 'approval' ? EnrolmentPolicy.SUPERVISOR_APPROVAL : EnrolmentPolicy.OPEN,
        startsAt: new Date(flavour === 'ended' ? now - 60 * DAY : now + 30 * DAY),
      });
      const endsAt = new Date(flavour === 'ended' ? now - DAY : now + 40 * DAY);
      await this.app.sql(`update course_run set ends_at = $1 where course_id = $2`, [endsAt, course.id]);
      return course;
    });
  }

  /**
   * An enrolment written straight to the table (seat counter kept exact). REQUESTED ones wait on the
   * learner's supervisor in an approval course; ACTIVE ones sit in an open course, or an ended one when
   * `flavour` says so (completion and failure happen after a course ran).
   */
  enrolment(person: Person, owner: Owner, status: 'ACTIVE' | 'REQUESTED', flavour: Flavour = status === 'REQUESTED' ? 'approval' : 'open'): Promise<string> {
    return this.once(`enrolment:${person.id}:${owner}:${status}:${flavour}`, async () => {
      const course = await this.course(owner, flavour);
      const [row] = await this.app.sql<{ id: string }>(
        `insert into enrolment (person_id, course_id, run_id, status, approver_id, decided_at)
         select p.id, $2, $4, $3::text, case when $3 = 'REQUESTED' then p.supervisor_id end, case when $3 = 'ACTIVE' then now() end
           from person p where p.id = $1 returning id`,
        [person.id, course.id, status, course.run.id],
      );
      if (status === 'ACTIVE') await this.app.sql(`update course_run set seats_taken = seats_taken + 1 where course_id = $1`, [course.id]);
      return row.id;
    });
  }

  /**
   * A programme owned by `owner` (agency A, agency B or partner P) whose path is one required item: the owner's open
   * course. PUBLISHED unless asked (a draft is seen by its managers only). Written straight to the tables; `purpose`
   * names a separate one (each cohort gets its own programme, so the plain one has no participating agency).
   */
  programme(owner: Owner, status: 'DRAFT' | 'PUBLISHED' = 'PUBLISHED', purpose = 'plain'): Promise<SeededProgramme> {
    return this.once(`programme:${owner}:${status}:${purpose}`, async () => {
      const course = await this.course(owner);
      const [row] = await this.app.sql<{ id: string }>(
        `insert into programme (code, title, owner_agency_id, owner_partner_id, status, description, audience)
         values ($1, $2, $3, $4, $5, 'Program uji', 'ASN') returning id`,
        [`PRG-${owner}${status[0]}${this.n}-${++World.programmes}`, `Program ${owner} ${status} ${this.n}`,
          owner === 'A' ? (await this.agencyA()).id : owner === 'B' ? (await this.agencyB()).id : null,
          owner === 'P' ? (await this.partnerP()).id : null, status],
      );
      const [item] = await this.app.sql<{ id: string }>(
        `insert into programme_item (programme_id, course_id, position, required) values ($1, $2, 0, true) returning id`, [row.id, course.id],
      );
      return { id: row.id, itemId: item.id, courseId: course.id };
    });
  }

  /**
   * A scheduled cohort of the owner's published programme, starting in 50 days (capacity 10, nominations close in 40),
   * with the run of its one item (an INVITATION run of the item's course, inside the cohort's dates) and a quota of
   * 3 seats (none taken) for each agency in `quotas` (by default the owner's agency; agency A for P's programme).
   */
  cohort(owner: Owner, quotas: readonly ('A' | 'B')[] = [owner === 'B' ? 'B' : 'A']): Promise<SeededCohort> {
    return this.once(`cohort:${owner}:${quotas.join('')}`, async () => {
      // A programme of its own: the quotas make agencies participants, which changes who sees the programme.
      const programme = await this.programme(owner, 'PUBLISHED', `cohort:${quotas.join('')}`);
      const code = `ANGK-${this.n}-${++World.programmes}`;
      const [cohort] = await this.app.sql<{ id: string }>(
        `insert into programme_cohort (programme_id, code, starts_at, ends_at, nomination_closes_at, release_deadline, capacity, cost_per_participant)
         values ($1, $2, now() + interval '50 days', now() + interval '60 days', now() + interval '40 days', now() + interval '35 days', 10, 2500000)
         returning id`, [programme.id, code],
      );
      const [run] = await this.app.sql<{ id: string }>(
        `insert into course_run (course_id, code, enrolment_policy, starts_at, ends_at)
         values ($1, $2, 'INVITATION', now() + interval '50 days', now() + interval '52 days') returning id`, [programme.courseId, code],
      );
      await this.app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [cohort.id, programme.itemId, run.id]);
      for (const agency of quotas) {
        const agencyId = (agency === 'A' ? await this.agencyA() : await this.agencyB()).id;
        await this.app.sql(`insert into cohort_agency_quota (cohort_id, agency_id, seats) values ($1, $2, 3)`, [cohort.id, agencyId]);
      }
      return { id: cohort.id, programmeId: programme.id, itemId: programme.itemId, runId: run.id };
    });
  }

  /**
   * Nominations' own cohort builder (until the build area's `cohortFor` is on main; the integrator unifies them): a
   * published programme of partner P with one self-apply cohort open for nominations, quotas of 5 seats for the
   * agencies named, and one INVITATION item run of P's course that P's instructor teaches. Written straight to the tables.
   */
  nominationCohort = (agencies: 'AB' | 'A' | 'B' = 'AB') => this.once(`nominationCohort:${agencies}`, async () => {
    const course = await this.course('P');
    const [programme] = await this.app.sql<{ id: string }>(
      `insert into programme (code, title, owner_partner_id, status) values ($1, $2, $3, 'PUBLISHED') returning id`,
      [`PRG-${this.n}-${agencies}`, `Program Matriks ${this.n} ${agencies}`, (await this.partnerP()).id]);
    const [cohort] = await this.app.sql<{ id: string }>(
      `insert into programme_cohort (programme_id, code, starts_at, ends_at, capacity, self_apply) values ($1, 'ANG-1', now() + interval '30 days', now() + interval '50 days', 10, true) returning id`,
      [programme.id]);
    const [item] = await this.app.sql<{ id: string }>(`insert into programme_item (programme_id, course_id, position) values ($1, $2, 0) returning id`, [programme.id, course.id]);
    const [run] = await this.app.sql<{ id: string }>(
      `insert into course_run (course_id, code, starts_at, ends_at, enrolment_policy) values ($1, $2, now() + interval '30 days', now() + interval '50 days', 'INVITATION') returning id`,
      [course.id, `ANG-${this.n}-${agencies}`]);
    await this.app.sql(`insert into course_run_instructor (run_id, person_id) values ($1, $2)`, [run.id, (await this.instructorP()).id]);
    await this.app.sql(`insert into cohort_item_run (cohort_id, item_id, run_id) values ($1, $2, $3)`, [cohort.id, item.id, run.id]);
    for (const agency of [...agencies]) {
      await this.app.sql(`insert into cohort_agency_quota (cohort_id, agency_id, seats) values ($1, $2, 5)`, [cohort.id, (await (agency === 'A' ? this.agencyA() : this.agencyB())).id]);
    }
    return { cohortId: cohort.id, runId: run.id, courseId: course.id };
  });

  /**
   * A person's participant row in the AB nomination cohort: NOMINATED (holding a quota seat and an ACTIVE enrolment in
   * the item run, counters kept exact) or REQUESTED (a self-application waiting on their supervisor).
   */
  participant = (person: Person, status: 'NOMINATED' | 'REQUESTED') => this.once(`participant:${person.id}:${status}`, async () => {
    const { cohortId, runId, courseId } = await this.nominationCohort();
    const [row] = await this.app.sql<{ id: string }>(
      `insert into cohort_participant (cohort_id, person_id, agency_id, status, approver_id)
       select $1, p.id, p.agency_id, $3::text, case when $3 = 'REQUESTED' then p.supervisor_id end from person p where p.id = $2 returning id`,
      [cohortId, person.id, status]);
    if (status === 'NOMINATED') {
      await this.app.sql(`update cohort_agency_quota set seats_taken = seats_taken + 1 where cohort_id = $1 and agency_id = (select agency_id from person where id = $2)`, [cohortId, person.id]);
      await this.app.sql(`insert into enrolment (person_id, course_id, run_id, status) values ($1, $2, $3, 'ACTIVE')`, [person.id, courseId, runId]);
      await this.app.sql(`update course_run set seats_taken = seats_taken + 1 where id = $1`, [runId]);
    }
    return row.id;
  });

  /** Someone of A (or B) in no cohort yet: a replacement nominee. */
  spareLearner = (owner: 'A' | 'B') => this.once(`spareLearner:${owner}`, () => (owner === 'A' ? this.inA({ fullName: `Pengganti A ${this.n}` }) : this.inB({ fullName: `Pengganti B ${this.n}` })));

  /** A role grant's id. */
  async grantOf(person: Person, role: Role): Promise<string> {
    const [row] = await this.app.sql<{ id: string }>(`select id from role_grant where person_id = $1 and role = $2 limit 1`, [person.id, role]);
    if (!row) throw new Error(`${person.fullName} holds no ${role}`);
    return row.id;
  }
}
