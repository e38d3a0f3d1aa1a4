import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { Page } from '../../shared/graphql/pagination.js';
import { activePersonCountByAgency } from './agency.loaders.js';
import { AgenciesArgs, CreateAgencyInput, CreateOrgUnitInput, RenameOrgUnitArgs, UpdateAgencyInput } from './agency.inputs.js';
import { AgencyNode, AgencyPage, OrgUnitNode } from './agency.types.js';
import * as agencies from './agency.service.js';
import * as units from './org-unit.service.js';

@Resolver(() => AgencyNode)
@Authorized()
export class AgencyResolver {
  @Query(() => AgencyPage, { description: 'Agencies by name. Everyone signed in sees active ones (for filters); platform admins all' })
  async agencies(@Args(() => AgenciesArgs) args: AgenciesArgs, @Ctx() ctx: SignedInContext): Promise<Page<AgencyNode>> {
    return agencies.listAgencies(ctx, args);
  }

  @Query(() => AgencyNode)
  async agency(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<AgencyNode> {
    return agencies.getAgency(ctx, id);
  }

  @Mutation(() => AgencyNode)
  @Authorized(Role.PLATFORM_ADMIN)
  async createAgency(@Arg('input', () => CreateAgencyInput) input: CreateAgencyInput, @Ctx() ctx: SignedInContext): Promise<AgencyNode> {
    return agencies.createAgency(ctx, input);
  }

  @Mutation(() => AgencyNode)
  @Authorized(Role.PLATFORM_ADMIN)
  async updateAgency(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgencyInput) input: UpdateAgencyInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<AgencyNode> {
    return agencies.updateAgency(ctx, id, input);
  }

  @Mutation(() => AgencyNode, { description: 'Deactivated agencies disappear from everyone’s lists but the platform admins’' })
  @Authorized(Role.PLATFORM_ADMIN)
  async setAgencyActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: SignedInContext): Promise<AgencyNode> {
    return agencies.setAgencyActive(ctx, id, active);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Active people; only for admins of this agency and platform admins' })
  async personCount(@Root() agency: AgencyNode, @Ctx() ctx: SignedInContext): Promise<number | null> {
    if (!ctx.viewer.administersAgency(agency.id)) return null;
    return ctx.loaders.get(activePersonCountByAgency).load(agency.id);
  }
}

@Resolver(() => OrgUnitNode)
@Authorized()
export class OrgUnitResolver {
  @Query(() => [OrgUnitNode], { description: 'The agency’s whole org tree, depth-first, siblings by name' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async orgUnits(@Arg('agencyId', () => ID) agencyId: string, @Ctx() ctx: SignedInContext): Promise<OrgUnitNode[]> {
    return units.listOrgUnits(ctx, agencyId);
  }

  @Mutation(() => OrgUnitNode)
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async createOrgUnit(@Arg('input', () => CreateOrgUnitInput) input: CreateOrgUnitInput, @Ctx() ctx: SignedInContext): Promise<OrgUnitNode> {
    return units.createOrgUnit(ctx, input);
  }

  @Mutation(() => OrgUnitNode)
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async renameOrgUnit(@Args(() => RenameOrgUnitArgs) args: RenameOrgUnitArgs, @Ctx() ctx: SignedInContext): Promise<OrgUnitNode> {
    return units.renameOrgUnit(ctx, args.id, args.name);
  }

  @Mutation(() => OrgUnitNode, { description: 'Moves a unit with its whole subtree; no parent makes it top-level' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async moveOrgUnit(
    @Arg('id', () => ID) id: string,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null | undefined,
    @Ctx() ctx: SignedInContext,
  ): Promise<OrgUnitNode> {
    return units.moveOrgUnit(ctx, id, parentId ?? null);
  }

  @Mutation(() => Boolean, { description: 'Only a unit without sub-units and without people' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  async deleteOrgUnit(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<boolean> {
    return units.deleteOrgUnit(ctx, id);
  }
}
