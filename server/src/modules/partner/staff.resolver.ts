import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context, SignedInContext } from '../../app/context.js';
import { PUBLIC, Role } from '../../shared/auth/roles.js';
import type { Page } from '../../shared/graphql/pagination.js';
import {
  AcceptPartnerInvitationInput, InvitePartnerStaffInput, PartnerInvitationsArgs, PartnerStaffArgs, UpdatePartnerStaffInput,
} from './partner.inputs.js';
import {
  AcceptedPartnerInvitation, PartnerInvitationNode, PartnerInvitationPage, PartnerInvitationPreview, PartnerStaffNode, PartnerStaffPage,
} from './partner.types.js';
import * as invitations from './invitation.service.js';
import * as staff from './staff.service.js';

const PARTNER_MANAGERS = [Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

/** A partner institution's staff and the invitations that bring them in. */
@Resolver()
@Authorized()
export class PartnerStaffResolver {
  @Query(() => PartnerStaffPage, { description: 'An institution’s staff by name: its partner admins and platform admins' })
  @Authorized(...PARTNER_MANAGERS)
  async partnerStaff(@Args(() => PartnerStaffArgs) args: PartnerStaffArgs, @Ctx() ctx: SignedInContext): Promise<Page<PartnerStaffNode>> {
    return staff.listStaff(ctx, args);
  }

  @Query(() => PartnerInvitationPage, { description: 'An institution’s invitations, newest first, by status' })
  @Authorized(...PARTNER_MANAGERS)
  async partnerInvitations(@Args(() => PartnerInvitationsArgs) args: PartnerInvitationsArgs, @Ctx() ctx: SignedInContext): Promise<Page<PartnerInvitationNode>> {
    return invitations.listInvitations(ctx, args);
  }

  @Query(() => PartnerInvitationPreview, { description: 'Who an invitation link is for (INVITATION_INVALID once used, revoked, replaced or expired)' })
  @Authorized(PUBLIC)
  async partnerInvitationPreview(@Arg('token', () => String) token: string, @Ctx() ctx: Context): Promise<PartnerInvitationPreview> {
    return invitations.preview(ctx, token);
  }

  @Mutation(() => PartnerInvitationNode, { description: 'Invites someone by e-mail to the staff (a link that sets a password, single use, 7 days)' })
  @Authorized(...PARTNER_MANAGERS)
  async invitePartnerStaff(@Arg('input', () => InvitePartnerStaffInput) input: InvitePartnerStaffInput, @Ctx() ctx: SignedInContext): Promise<PartnerInvitationNode> {
    return invitations.invite(ctx, input);
  }

  @Mutation(() => PartnerInvitationNode, { description: 'Mails a new link (7 more days); the earlier link stops working' })
  @Authorized(...PARTNER_MANAGERS)
  async resendPartnerInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<PartnerInvitationNode> {
    return invitations.resend(ctx, id);
  }

  @Mutation(() => PartnerInvitationNode)
  @Authorized(...PARTNER_MANAGERS)
  async revokePartnerInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<PartnerInvitationNode> {
    return invitations.revoke(ctx, id);
  }

  @Mutation(() => AcceptedPartnerInvitation, { description: 'The invitee sets their name and password; they then sign in with the invited e-mail' })
  @Authorized(PUBLIC)
  async acceptPartnerInvitation(
    @Arg('input', () => AcceptPartnerInvitationInput) input: AcceptPartnerInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<AcceptedPartnerInvitation> {
    return invitations.accept(ctx, input);
  }

  @Mutation(() => PartnerStaffNode)
  @Authorized(...PARTNER_MANAGERS)
  async updatePartnerStaff(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartnerStaffInput) input: UpdatePartnerStaffInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<PartnerStaffNode> {
    return staff.updateStaff(ctx, id, input);
  }

  @Mutation(() => PartnerStaffNode, { description: 'Deactivating ends the person’s sessions and keeps them from signing in' })
  @Authorized(...PARTNER_MANAGERS)
  async setPartnerStaffActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: SignedInContext): Promise<PartnerStaffNode> {
    return staff.setStaffActive(ctx, id, active);
  }

  @Mutation(() => PartnerStaffNode, { description: 'Makes a staff member an admin of their institution' })
  @Authorized(Role.PLATFORM_ADMIN)
  async appointPartnerAdmin(@Arg('personId', () => ID) personId: string, @Ctx() ctx: SignedInContext): Promise<PartnerStaffNode> {
    return staff.setPartnerAdmin(ctx, personId, true);
  }

  @Mutation(() => PartnerStaffNode, { description: 'Takes the partner admin role away (the person stays staff)' })
  @Authorized(Role.PLATFORM_ADMIN)
  async removePartnerAdmin(@Arg('personId', () => ID) personId: string, @Ctx() ctx: SignedInContext): Promise<PartnerStaffNode> {
    return staff.setPartnerAdmin(ctx, personId, false);
  }
}
