import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { Page } from '../../shared/graphql/pagination.js';
import { CreatePartnerInstitutionInput, PartnerInstitutionsArgs, UpdatePartnerInstitutionInput } from './partner.inputs.js';
import { PartnerInstitutionPage, PartnerNode } from './partner.types.js';
import * as partners from './partner.service.js';

@Resolver(() => PartnerNode)
@Authorized()
export class PartnerResolver {
  @Query(() => PartnerInstitutionPage, { description: 'Partner institutions by name, for everyone signed in' })
  async partnerInstitutions(@Args(() => PartnerInstitutionsArgs) args: PartnerInstitutionsArgs, @Ctx() ctx: SignedInContext): Promise<Page<PartnerNode>> {
    return partners.listPartners(ctx, args);
  }

  @Query(() => PartnerNode, { description: 'One institution: for its partner admins and platform admins' })
  @Authorized(Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN)
  async partnerInstitution(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<PartnerNode> {
    return partners.getPartner(ctx, id);
  }

  @Mutation(() => PartnerNode)
  @Authorized(Role.PLATFORM_ADMIN)
  async createPartnerInstitution(
    @Arg('input', () => CreatePartnerInstitutionInput) input: CreatePartnerInstitutionInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<PartnerNode> {
    return partners.createPartner(ctx, input);
  }

  @Mutation(() => PartnerNode, { description: 'Platform admins change everything; the institution’s partner admins all but code and kind' })
  @Authorized(Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN)
  async updatePartnerInstitution(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartnerInstitutionInput) input: UpdatePartnerInstitutionInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<PartnerNode> {
    return partners.updatePartner(ctx, id, input);
  }
}
