import type { EntityManager } from '../../server/src/shared/db/orm.js';
import { Agency, AgencyKind, OrgUnit } from '../../server/src/modules/agency/index.js';
import { Agreement, AgreementKind } from '../../server/src/modules/agreement/index.js';
import { hashPassword } from '../../server/src/modules/auth/index.js';
import { AttendanceCredit, Course, CourseKind, CourseStatus, CourseVisibility, DeliveryMode, DevelopmentForm, EnrolmentPolicy } from '../../server/src/modules/course/index.js';
import { CourseRunEntity as CourseRun } from '../../server/src/modules/run/index.js';
import { PartnerInstitution, PartnerKind } from '../../server/src/modules/partner/index.js';
import { RunSession } from '../../server/src/modules/workshop/index.js';
import { EmploymentType, Person, RoleGrant } from '../../server/src/modules/person/index.js';
import { Role } from '../../server/src/shared/auth/roles.js';

let passwordHash: Promise<string> | undefined;
let counter = 0;

/** A valid, unique NIP: birth date + appointment month + sex + sequence, all derived from n. */
export function makeNip(n: number, opts: { pppk?: boolean; female?: boolean } = {}): string {
  const day = 1 + (n % 28);
  const month = 1 + (Math.floor(n / 28) % 12);
  const year = 1965 + (Math.floor(n / 336) % 30);
  const seq = 1 + (Math.floor(n / 10080) % 999);
  const apptYear = year + 25;
  const apptMonth = opts.pppk ? '21' : String(1 + (n % 12)).padStart(2, '0');
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${apptYear}${apptMonth}${opts.female ? 2 : 1}${String(seq).padStart(3, '0')}`;
}

export interface PersonSeed {
  agency?: Agency | null;
  orgUnit?: OrgUnit | null;
  partner?: PartnerInstitution | null;
  supervisor?: Person | null;
  fullName?: string;
  nip?: string | null;
  email?: string | null;
  employmentType?: EmploymentType;
  active?: boolean;
  roles?: { role: Role; agency?: Agency | null; partner?: PartnerInstitution | null }[];
}

export interface CourseSeed {
  /** WORKSHOP for a workshop (its runs get sessions through the API or the workshop seeds). */
  kind?: CourseKind;
  attendanceCredit?: AttendanceCredit;
  fixedJp?: number | null;
  minAttendancePercent?: number;
  code?: string;
  title?: string;
  description?: string;
  form?: DevelopmentForm;
  delivery?: DeliveryMode;
  jp?: number;
  ownerAgency?: Agency | null;
  ownerPartner?: PartnerInstitution | null;
  instructors?: Person[];
  capacity?: number | null;
  policy?: EnrolmentPolicy;
  location?: string | null;
  status?: CourseStatus;
  visibility?: CourseVisibility;
  visibleTo?: Agency[];
  competencyTags?: string[];
  startsAt?: Date | null;
  endsAt?: Date | null;
  enrolmentClosesAt?: Date | null;
}

/** A run of a course (the course's first run takes these from CourseSeed). */
export interface RunSeed {
  code?: string;
  instructors?: Person[];
  capacity?: number | null;
  policy?: EnrolmentPolicy;
  startsAt?: Date | null;
  endsAt?: Date | null;
  enrolmentClosesAt?: Date | null;
  location?: string | null;
}

/** A seeded course with its first run (`run`), which tests enrol in. */
export type SeededCourse = Course & { run: CourseRun };

/**
 * Writes test data straight to the database (not through the API under test), so each test
 * states only what matters to it. Everyone gets the same password: Seed.PASSWORD.
 */
export class Seed {
  static readonly PASSWORD = 'Rahasia-123';

  constructor(private readonly em: EntityManager) {}

  private next(): number {
    counter += 1;
    return counter + Math.floor(Math.random() * 1000) * 10_000;
  }

  async agency(fields: { code?: string; name?: string; kind?: AgencyKind } = {}): Promise<Agency> {
    const n = this.next();
    const agency = new Agency(fields.code ?? `AG${n}`, fields.name ?? `Pemerintah Kota Uji ${n}`, fields.kind ?? AgencyKind.CITY);
    await this.em.persist(agency).flush();
    return agency;
  }

  async orgUnit(agency: Agency, name = `Dinas Uji ${this.next()}`, parent: OrgUnit | null = null): Promise<OrgUnit> {
    const unit = new OrgUnit(this.em.getReference(Agency, agency.id), name, parent);
    await this.em.persist(unit).flush();
    return unit;
  }

  async partner(fields: { code?: string; name?: string } = {}): Promise<PartnerInstitution> {
    const n = this.next();
    const partner = new PartnerInstitution(fields.code ?? `PT${n}`, fields.name ?? `Universitas Uji ${n}`, PartnerKind.UNIVERSITY);
    await this.em.persist(partner).flush();
    return partner;
  }

  async person(fields: PersonSeed = {}): Promise<Person> {
    const n = this.next();
    const employmentType = fields.employmentType ?? (fields.partner && !fields.agency ? EmploymentType.NON_ASN : EmploymentType.PNS);
    const person = new Person(fields.fullName ?? `Pegawai Uji ${n}`, employmentType);
    person.nip = fields.nip !== undefined ? fields.nip : employmentType === EmploymentType.NON_ASN ? null : makeNip(n, { pppk: employmentType === EmploymentType.PPPK });
    person.email = fields.email !== undefined ? fields.email : person.nip ? null : `staf${n}@mitra.test`;
    person.agency = fields.agency ? this.em.getReference(Agency, fields.agency.id) : null;
    person.orgUnit = fields.orgUnit ? this.em.getReference(OrgUnit, fields.orgUnit.id) : null;
    person.partner = fields.partner ? this.em.getReference(PartnerInstitution, fields.partner.id) : null;
    person.supervisor = fields.supervisor ? this.em.getReference(Person, fields.supervisor.id) : null;
    person.active = fields.active ?? true;
    passwordHash ??= hashPassword(Seed.PASSWORD);
    person.passwordHash = await passwordHash;
    this.em.persist(person);
    for (const grant of fields.roles ?? []) {
      const agency = grant.agency === undefined ? (fields.agency ?? null) : grant.agency;
      const partner = grant.partner === undefined ? (agency ? null : (fields.partner ?? null)) : grant.partner;
      this.em.persist(new RoleGrant(person, grant.role, agency ? this.em.getReference(Agency, agency.id) : null, partner ? this.em.getReference(PartnerInstitution, partner.id) : null));
    }
    await this.em.flush();
    return person;
  }

  /** An agency with a unit, an admin, a supervisor and `learners` learners reporting to them. */
  async agencyWithStaff(learners = 2) {
    const agency = await this.agency();
    const unit = await this.orgUnit(agency);
    const admin = await this.person({ agency, orgUnit: unit, roles: [{ role: Role.AGENCY_ADMIN }] });
    const supervisor = await this.person({ agency, orgUnit: unit });
    const staff: Person[] = [];
    for (let i = 0; i < learners; i++) staff.push(await this.person({ agency, orgUnit: unit, supervisor }));
    return { agency, unit, admin, supervisor, learners: staff };
  }

  /**
   * A cooperation agreement between a partner and agencies (by default in force 2020–2099 over every form), so
   * the partner's staff may teach the agencies' runs.
   */
  async agreement(fields: {
    partner: PartnerInstitution; agencies: Agency[]; validFrom?: string; validTo?: string; scope?: DevelopmentForm[]; number?: string; kind?: AgreementKind; title?: string;
  }): Promise<Agreement> {
    const agreement = new Agreement({
      kind: fields.kind ?? AgreementKind.PKS, number: fields.number ?? `PKS/${this.next()}/2026`, title: fields.title ?? 'Kerja sama pengajaran',
      partner: this.em.getReference(PartnerInstitution, fields.partner.id),
      validFrom: fields.validFrom ?? '2020-01-01', validTo: fields.validTo ?? '2099-12-31', scope: fields.scope ?? Object.values(DevelopmentForm),
    });
    for (const a of fields.agencies) agreement.agencies.add(this.em.getReference(Agency, a.id));
    await this.em.persist(agreement).flush();
    return agreement;
  }

  /** A course and its first run (code "1") with the schedule, seats, policy and instructors given. */
  async course(fields: CourseSeed = {}): Promise<SeededCourse> {
    const n = this.next();
    const course = new Course({
      code: fields.code ?? `KRS-${n}`,
      title: fields.title ?? `Pelatihan Uji ${n}`,
      form: fields.form ?? DevelopmentForm.TECHNICAL_TRAINING,
      delivery: fields.delivery ?? DeliveryMode.ONLINE_SELF_PACED,
      jp: fields.jp ?? 10,
      visibility: fields.visibility ?? CourseVisibility.ALL_AGENCIES,
    });
    course.description = fields.description ?? '';
    course.kind = fields.kind ?? CourseKind.COURSE;
    course.attendanceCredit = fields.attendanceCredit ?? AttendanceCredit.ATTENDED_MINUTES;
    course.fixedJp = fields.fixedJp == null ? null : fields.fixedJp.toFixed(1);
    course.minAttendancePercent = fields.minAttendancePercent ?? 80;
    course.ownerAgency = fields.ownerAgency ? this.em.getReference(Agency, fields.ownerAgency.id) : null;
    course.ownerPartner = fields.ownerPartner ? this.em.getReference(PartnerInstitution, fields.ownerPartner.id) : null;
    course.status = fields.status ?? CourseStatus.PUBLISHED;
    if (course.status === CourseStatus.PUBLISHED) course.publishedAt = new Date();
    course.competencyTags = fields.competencyTags ?? [];
    for (const a of fields.visibleTo ?? []) course.visibleToAgencies.add(this.em.getReference(Agency, a.id));
    this.em.persist(course);
    const run = this.newRun(course, { ...fields, code: '1' });
    await this.em.flush();
    return Object.assign(course, { run });
  }

  /**
   * A session of a (workshop's) run, written directly. The run's dates are not moved: tests of the session
   * operations go through the API, which keeps them in step.
   */
  async session(run: CourseRun, fields: { startsAt: Date; endsAt: Date; timeZone?: string; title?: string; room?: string; onlineUrl?: string }): Promise<RunSession> {
    const session = new RunSession(run, fields.startsAt, fields.endsAt);
    session.timeZone = fields.timeZone ?? 'Asia/Jakarta';
    session.title = fields.title ?? null;
    session.room = fields.room ?? null;
    session.onlineUrl = fields.onlineUrl ?? null;
    await this.em.persist(session).flush();
    return session;
  }

  /** Another run of a seeded course. */
  async run(course: Course, fields: RunSeed = {}): Promise<CourseRun> {
    const run = this.newRun(course, { code: fields.code ?? `R${this.next()}`, ...fields });
    await this.em.flush();
    return run;
  }

  private newRun(course: Course, fields: RunSeed & { code: string }): CourseRun {
    const run = new CourseRun(course, fields.code, fields.policy ?? EnrolmentPolicy.OPEN);
    run.capacity = fields.capacity ?? null;
    run.startsAt = fields.startsAt ?? null;
    run.endsAt = fields.endsAt ?? null;
    run.enrolmentClosesAt = fields.enrolmentClosesAt ?? null;
    run.location = fields.location ?? null;
    for (const i of fields.instructors ?? []) run.instructors.add(this.em.getReference(Person, i.id));
    this.em.persist(run);
    return run;
  }
}
