import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../shared/auth/roles.js';
import { PageOf } from '../../shared/graphql/pagination.js';
import type { IdentityHolder } from './identity.js';
import { EmploymentType } from './person.entity.js';

@ObjectType('PersonAgency', { description: 'The agency a person works for' })
export class PersonAgency {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType('PersonOrgUnit', { description: 'The unit kerja a person is placed in' })
export class PersonOrgUnit {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('PersonPartner', { description: 'The partner institution a person works for' })
export class PersonPartner {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@ObjectType('RoleGrant', { description: 'A role granted within a scope: an agency, a partner, or the platform' })
export class RoleGrantNode {
  @Field(() => ID) id!: string;
  @Field(() => Role) role!: Role;
  @Field(() => PersonAgency, { nullable: true }) agency!: PersonAgency | null;
  @Field(() => PersonPartner, { nullable: true }) partner!: PersonPartner | null;
  @Field(() => Date) grantedAt!: Date;
  /** Not in the API: who holds it, for loaders and policies. */
  personId!: string;
}

/**
 * A person as one viewer may see them. The NIP (and NIDN) is shown in full only to the person, their
 * supervisor chain, their agency's admins and platform admins; anyone else who can reach the person (a
 * subordinate looking at their supervisor) gets it masked (field resolvers in person.resolver.ts).
 */
@ObjectType('Person')
export class PersonNode {
  @Field(() => ID) id!: string;
  @Field(() => String) fullName!: string;
  @Field(() => EmploymentType) employmentType!: EmploymentType;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => PersonAgency, { nullable: true }) agency!: PersonAgency | null;
  @Field(() => PersonOrgUnit, { nullable: true }) orgUnit!: PersonOrgUnit | null;
  @Field(() => PersonPartner, { nullable: true }) partner!: PersonPartner | null;
  @Field(() => String, { nullable: true, description: 'Jabatan' }) positionTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'Golongan/ruang (III/a) or PPPK grade (IX)' }) rank!: string | null;
  @Field(() => Boolean) active!: boolean;
  // Not in the API: what field resolvers and policies need.
  /** The raw identity numbers: `nip`, `nipMasked` and `nidn` resolve from it through `shownIdentity` only. */
  identity!: IdentityHolder;
  supervisorId!: string | null;
  agencyId!: string | null;
  /** Whether this viewer may see the person's granted roles (their admins and the person). */
  rolesVisible!: boolean;
}

export const PersonPage = PageOf(PersonNode, 'PersonPage');
