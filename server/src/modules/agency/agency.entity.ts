import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';

export enum AgencyKind {
  MINISTRY = 'MINISTRY',
  NATIONAL_AGENCY = 'NATIONAL_AGENCY',
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  CITY = 'CITY',
}
registerEnumType(AgencyKind, { name: 'AgencyKind', description: 'Kementerian, lembaga, pemprov, pemkab or pemkot' });

/** Instansi: a ministry, national body, province, regency or city government. */
@Entity()
export class Agency extends BaseEntity {
  @Property({ type: 'string', length: 32 })
  @Unique()
  code: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Enum({ items: () => AgencyKind })
  kind: AgencyKind;

  /** IANA zone for the agency's schedules: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  @Property({ type: 'string', length: 40, default: 'Asia/Jakarta' })
  timeZone: string & Opt = 'Asia/Jakarta';

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  constructor(code: string, name: string, kind: AgencyKind) {
    super();
    this.code = code;
    this.name = name;
    this.kind = kind;
  }
}

/** Unit kerja: a node in an agency's org tree (dinas, badan, bagian, kecamatan …). */
@Entity()
@Index({ properties: ['agency', 'parent'] })
export class OrgUnit extends BaseEntity {
  @ManyToOne(() => Agency, { deleteRule: 'cascade' })
  agency: Rel<Agency>;

  /** Restrict: a unit with sub-units cannot be deleted out from under them. */
  @ManyToOne(() => OrgUnit, { nullable: true, deleteRule: 'restrict' })
  parent: Rel<OrgUnit> | null = null;

  @Property({ type: 'string', length: 200 })
  name: string;

  /** Ids from the root down to this unit, `/`-separated, so a subtree is one prefix match. */
  @Property({ type: 'text' })
  @Index()
  path: string & Opt = '';

  constructor(agency: Agency, name: string, parent: OrgUnit | null) {
    super();
    this.agency = agency;
    this.name = name;
    this.parent = parent;
    this.path = parent ? `${parent.path}/${this.id}` : this.id;
  }
}
