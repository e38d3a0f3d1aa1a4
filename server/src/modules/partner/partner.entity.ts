import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';

export enum PartnerKind {
  UNIVERSITY = 'UNIVERSITY',
  TRAINING_INSTITUTE = 'TRAINING_INSTITUTE',
  GOVERNMENT_TRAINING_CENTRE = 'GOVERNMENT_TRAINING_CENTRE',
  NGO = 'NGO',
}
registerEnumType(PartnerKind, { name: 'PartnerKind' });

/** Mitra: a university or training institution whose staff teach for agencies. */
@Entity()
export class PartnerInstitution extends BaseEntity {
  @Property({ type: 'string', length: 32 })
  @Unique()
  code: string;

  @Property({ type: 'string', length: 200 })
  name: string;

  @Enum({ items: () => PartnerKind })
  kind: PartnerKind;

  @Property({ type: 'string', length: 100, nullable: true })
  city: string | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  /** Where agencies write to the institution (not a login: partner staff sign in with their own address). */
  @Property({ type: 'string', length: 254, nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  contactPhone: string | null = null;

  constructor(code: string, name: string, kind: PartnerKind) {
    super();
    this.code = code;
    this.name = name;
    this.kind = kind;
  }
}
