import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { Page } from '../../shared/graphql/pagination.js';
import { AgreementsArgs, AssignableInstructorsArgs, CreateAgreementInput, UpdateAgreementInput } from './agreement.inputs.js';
import { AgreementNode, AgreementPage, AssignableInstructor, AssignableInstructorPage } from './agreement.types.js';
import * as agreements from './agreement.service.js';
import { assignableInstructors } from './assignable-instructors.js';

/** Partner admins read their partner's agreements; the agency side and platform admins write them (agreement.policy.ts). */
const READERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;
const WRITERS = [Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN] as const;

@Resolver(() => AgreementNode)
@Authorized()
export class AgreementResolver {
  @Query(() => AgreementPage, { description: 'Agreements the viewer is party to (platform admins: all), soonest-ending first' })
  @Authorized(...READERS)
  async agreements(@Args(() => AgreementsArgs) args: AgreementsArgs, @Ctx() ctx: SignedInContext): Promise<Page<AgreementNode>> {
    return agreements.listAgreements(ctx, args);
  }

  @Query(() => AgreementNode)
  @Authorized(...READERS)
  async agreement(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<AgreementNode> {
    return agreements.agreement(ctx, id);
  }

  @Query(() => AssignableInstructorPage, {
    description: 'Who may teach a run of this course on these dates: the owner’s instructors and those of partners under an agreement in force then covering its form; by name. NOT_FOUND for a course the viewer does not manage',
  })
  @Authorized(...READERS)
  async assignableInstructors(@Args(() => AssignableInstructorsArgs) args: AssignableInstructorsArgs, @Ctx() ctx: SignedInContext): Promise<Page<AssignableInstructor>> {
    return assignableInstructors(ctx, args);
  }

  @Mutation(() => AgreementNode)
  @Authorized(...WRITERS)
  async createAgreement(@Arg('input', () => CreateAgreementInput) input: CreateAgreementInput, @Ctx() ctx: SignedInContext): Promise<AgreementNode> {
    return agreements.createAgreement(ctx, input);
  }

  @Mutation(() => AgreementNode)
  @Authorized(...WRITERS)
  async updateAgreement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAgreementInput) input: UpdateAgreementInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<AgreementNode> {
    return agreements.updateAgreement(ctx, id, input);
  }
}
