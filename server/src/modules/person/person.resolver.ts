import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { Page } from '../../shared/graphql/pagination.js';
import { CreatePersonInput, GrantRoleInput, PeopleArgs, ResetPersonPasswordArgs, UpdatePersonInput } from './person.inputs.js';
import { grantsByPerson, personRowById, subordinateCountByPerson } from './person.loaders.js';
import { shownIdentity } from './identity.js';
import { toPersonNode } from './person.read.js';
import { PersonNode, PersonPage, RoleGrantNode } from './person.types.js';
import * as people from './person.service.js';
import * as roles from './role.service.js';

@Resolver(() => PersonNode)
@Authorized()
export class PersonResolver {
  @Query(() => PersonPage, { description: 'An agency’s people (or a partner’s staff) by name, with filters' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async people(@Args(() => PeopleArgs) args: PeopleArgs, @Ctx() ctx: SignedInContext): Promise<Page<PersonNode>> {
    return people.listPeople(ctx, args);
  }

  @Query(() => PersonNode, { description: 'For the person, their supervisor chain and their admins; NOT_FOUND for anyone else' })
  async person(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<PersonNode> {
    return people.getPerson(ctx, id);
  }

  @Mutation(() => PersonNode, { description: 'A civil servant of an agency, or (platform admins) staff of a partner institution' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: SignedInContext): Promise<PersonNode> {
    return people.createPerson(ctx, input);
  }

  @Mutation(() => PersonNode)
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<PersonNode> {
    return people.updatePerson(ctx, id, input);
  }

  @Mutation(() => PersonNode, { description: 'Deactivating signs the person out everywhere at once' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async setPersonActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: SignedInContext): Promise<PersonNode> {
    return people.setPersonActive(ctx, id, active);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password and ends the person’s other sessions' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async resetPersonPassword(@Args(() => ResetPersonPasswordArgs) args: ResetPersonPasswordArgs, @Ctx() ctx: SignedInContext): Promise<boolean> {
    return people.resetPersonPassword(ctx, args.id, args.newPassword);
  }

  @FieldResolver(() => String, { nullable: true, description: 'In full for the person, their supervisor chain, their agency’s admins and platform admins; masked for anyone else (1985•••••••••••003)' })
  async nip(@Root() person: PersonNode, @Ctx() ctx: SignedInContext): Promise<string | null> {
    return (await shownIdentity(ctx, person.identity)).nip;
  }

  @FieldResolver(() => Boolean, { description: 'True when `nip` is masked for this viewer' })
  async nipMasked(@Root() person: PersonNode, @Ctx() ctx: SignedInContext): Promise<boolean> {
    return (await shownIdentity(ctx, person.identity)).nipMasked;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Lecturers’ national number; only for those who see the NIP in full' })
  async nidn(@Root() person: PersonNode, @Ctx() ctx: SignedInContext): Promise<string | null> {
    return (await shownIdentity(ctx, person.identity)).nidn;
  }

  @FieldResolver(() => PersonNode, { nullable: true, description: 'Atasan langsung' })
  async supervisor(@Root() person: PersonNode, @Ctx() ctx: SignedInContext): Promise<PersonNode | null> {
    if (!person.supervisorId) return null;
    const row = await ctx.loaders.get(personRowById).load(person.supervisorId);
    return row ? toPersonNode(row, ctx.viewer) : null;
  }

  @FieldResolver(() => [RoleGrantNode], { nullable: true, description: 'Granted roles; null unless the viewer is the person or one of their admins' })
  async roles(@Root() person: PersonNode, @Ctx() ctx: SignedInContext): Promise<RoleGrantNode[] | null> {
    return person.rolesVisible ? ctx.loaders.get(grantsByPerson).load(person.id) : null;
  }

  @FieldResolver(() => Int, { description: 'Active people who report directly to this person' })
  async subordinateCount(@Root() person: PersonNode, @Ctx() ctx: SignedInContext): Promise<number> {
    return ctx.loaders.get(subordinateCountByPerson).load(person.id);
  }
}

@Resolver(() => RoleGrantNode)
@Authorized()
export class RoleGrantResolver {
  @Mutation(() => RoleGrantNode, { description: 'Agency admins: INSTRUCTOR and AGENCY_ADMIN in their agency; platform admins: any role. Idempotent' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async grantRole(@Arg('input', () => GrantRoleInput) input: GrantRoleInput, @Ctx() ctx: SignedInContext): Promise<RoleGrantNode> {
    return roles.grantRole(ctx, input);
  }

  @Mutation(() => ID, { description: 'Returns the id of the revoked grant' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async revokeRole(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: SignedInContext): Promise<string> {
    return roles.revokeRole(ctx, grantId);
  }
}
