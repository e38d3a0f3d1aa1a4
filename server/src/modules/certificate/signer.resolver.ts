import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import * as signers from './signer.service.js';
import { CertificateSignerInput, CertificateSignerType, CreateCertificateSignerInput } from './signer.types.js';

const MANAGERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN];

/** Signers per agency and per partner: their admins and platform admins manage them. */
@Resolver(() => CertificateSignerType)
@Authorized()
export class CertificateSignerResolver {
  @Query(() => [CertificateSignerType], { description: "An agency's or a partner's certificate signers in print order (give exactly one of the two)" })
  @Authorized(...MANAGERS)
  certificateSigners(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('partnerId', () => ID, { nullable: true }) partnerId: string | null,
    @Ctx() ctx: SignedInContext,
  ): Promise<CertificateSignerType[]> {
    return signers.certificateSigners(ctx, { agencyId, partnerId });
  }

  @Mutation(() => CertificateSignerType, { description: 'Adds a signer to an agency or a partner (its signature image is uploaded separately)' })
  @Authorized(...MANAGERS)
  createCertificateSigner(@Arg('input', () => CreateCertificateSignerInput) input: CreateCertificateSignerInput, @Ctx() ctx: SignedInContext): Promise<CertificateSignerType> {
    return signers.createCertificateSigner(ctx, input);
  }

  @Mutation(() => CertificateSignerType, { description: 'Changes a signer; certificates issued already keep what they printed' })
  @Authorized(...MANAGERS)
  updateCertificateSigner(
    @Arg('id', () => ID) id: string, @Arg('input', () => CertificateSignerInput) input: CertificateSignerInput, @Ctx() ctx: SignedInContext,
  ): Promise<CertificateSignerType> {
    return signers.updateCertificateSigner(ctx, id, input);
  }

  @Mutation(() => Boolean, { description: 'Removes a signer; certificates issued already keep what they printed' })
  @Authorized(...MANAGERS)
  deleteCertificateSigner(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<boolean> {
    return signers.deleteCertificateSigner(ctx, id);
  }
}
