import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Role } from '../../shared/auth/roles.js';
import { TIME_ZONE_CHECK_LIST } from '../../shared/util/time-zones.js';
import { Agency, OrgUnit } from '../agency/agency.entity.js';
import { PartnerInstitution } from '../partner/partner.entity.js';

export enum EmploymentType {
  PNS = 'PNS',
  PPPK = 'PPPK',
  /** Partner staff and others without an ASN number. */
  NON_ASN = 'NON_ASN',
}
registerEnumType(EmploymentType, { name: 'EmploymentType' });

/**
 * A person who signs in: an ASN of an agency (NIP), or staff of a partner institution (e-mail).
 * Supervisor links form the org chart that approvals follow.
 */
@Entity()
@Check({ name: 'person_has_login', expression: 'nip is not null or email is not null' })
@Check({ name: 'person_asn_has_nip', expression: "employment_type = 'NON_ASN' or nip is not null" })
@Check({ name: 'person_time_zone_known', expression: `time_zone in (${TIME_ZONE_CHECK_LIST})` })
@Index({ properties: ['agency', 'fullName'] })
// "Is anyone reporting to them?" runs for every request's viewer: with `active` in the index it is an
// index-only probe (on `supervisor_id` alone PostgreSQL may scan the whole table for non-supervisors).
@Index({ properties: ['supervisor', 'active'] })
// Name search in admin lists: ILIKE '%…%' and word similarity (typos) both use this index.
@Index({ name: 'person_full_name_trgm_idx', expression: 'create index "person_full_name_trgm_idx" on "person" using gin ("full_name" gin_trgm_ops)' })
export class Person extends BaseEntity {
  @Property({ type: 'string', length: 200 })
  fullName: string;

  @Property({ type: 'string', length: 18, nullable: true })
  @Unique()
  nip: string | null = null;

  /** Lecturers' national number (10 digits), optional; one lecturer, one number. */
  @Property({ type: 'string', length: 10, nullable: true })
  @Unique()
  nidn: string | null = null;

  /** Stored lower-case; unique. */
  @Property({ type: 'string', length: 254, nullable: true })
  @Unique()
  email: string | null = null;

  @Enum({ items: () => EmploymentType })
  employmentType: EmploymentType;

  @ManyToOne(() => Agency, { nullable: true })
  agency: Rel<Agency> | null = null;

  /** Restrict: a unit with people in it cannot disappear, even in a race with the emptiness check. */
  @ManyToOne(() => OrgUnit, { nullable: true, deleteRule: 'restrict' })
  @Index()
  orgUnit: Rel<OrgUnit> | null = null;

  @ManyToOne(() => PartnerInstitution, { nullable: true })
  partner: Rel<PartnerInstitution> | null = null;

  /** Atasan langsung. */
  @ManyToOne(() => Person, { nullable: true })
  supervisor: Rel<Person> | null = null;

  /** Jabatan, as written on the decree (e.g. "Analis Kebijakan Ahli Muda"). */
  @Property({ type: 'string', length: 200, nullable: true })
  positionTitle: string | null = null;

  /** Golongan/ruang (III/a) or PPPK grade (IX). */
  @Property({ type: 'string', length: 8, nullable: true })
  rank: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Property({ type: 'string', length: 200, nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  @Property({ type: 'string', length: 2, default: 'id' })
  locale: string & Opt = 'id';

  /** The zone the person reads times in (WIB, WITA, WIT); from their agency's when created, editable on the account page. */
  @Property({ type: 'string', length: 40, default: 'Asia/Jakarta' })
  timeZone: string & Opt = 'Asia/Jakarta';

  constructor(fullName: string, employmentType: EmploymentType) {
    super();
    this.fullName = fullName;
    this.employmentType = employmentType;
  }

  get isAsn(): boolean {
    return this.employmentType !== EmploymentType.NON_ASN;
  }
}

/**
 * A role granted within a scope: AGENCY_ADMIN and INSTRUCTOR of an agency, INSTRUCTOR and
 * PARTNER_ADMIN of a partner, PLATFORM_ADMIN of everything. `scopeKey` makes "one grant per
 * person, role and scope" a plain unique constraint.
 */
@Entity()
@Unique({ name: 'role_grant_once', properties: ['person', 'role', 'scopeKey'] })
export class RoleGrant extends BaseEntity {
  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  person: Rel<Person>;

  @Enum({ items: () => Role })
  role: Role;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'cascade' })
  agency: Rel<Agency> | null = null;

  @ManyToOne(() => PartnerInstitution, { nullable: true, deleteRule: 'cascade' })
  partner: Rel<PartnerInstitution> | null = null;

  @Property({ type: 'string', length: 40 })
  scopeKey!: string;

  @ManyToOne(() => Person, { nullable: true })
  grantedBy: Rel<Person> | null = null;

  constructor(person: Person, role: Role, agency: Agency | null, partner: PartnerInstitution | null) {
    super();
    this.person = person;
    this.role = role;
    this.agency = agency;
    this.partner = partner;
    this.scopeKey = agency?.id ?? partner?.id ?? 'platform';
  }
}
