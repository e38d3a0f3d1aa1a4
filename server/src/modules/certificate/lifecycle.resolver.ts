import { MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { CertificateSource, CertificateStatus } from './certificate.entity.js';
import { Certificate, CertificatePage } from './certificate.types.js';
import { issueExternalActivityCertificate } from './lifecycle.external.js';
import * as lifecycle from './lifecycle.service.js';

@ArgsType()
export class AdminCertificatesArgs extends PageArgs {
  @Field(() => ID, { description: 'The issuing agency (one the viewer administers; any for platform admins)' })
  agencyId!: string;

  @Field(() => String, { nullable: true, description: "Part of the recipient's name or the serial, or the start of the NIP" })
  @MaxLength(100)
  search?: string | null;

  @Field(() => CertificateStatus, { nullable: true })
  status?: CertificateStatus | null;

  @Field(() => CertificateSource, { nullable: true })
  source?: CertificateSource | null;
}

@ArgsType()
export class RevokeCertificateArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Shown on the public verification page beside "Dicabut"' })
  @MaxLength(lifecycle.MAX_REASON_LENGTH)
  reason!: string;
}

/** An issued certificate's life: the admin's list, revocation with a reason, correction by re-issue. */
@Resolver(() => Certificate)
@Authorized()
export class CertificateLifecycleResolver {
  @Query(() => CertificatePage, { description: "An agency's issued certificates, newest first: search by name, NIP or serial; filter by status and source" })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  adminCertificates(@Args(() => AdminCertificatesArgs) args: AdminCertificatesArgs, @Ctx() ctx: SignedInContext): Promise<CertificatePage> {
    return lifecycle.adminCertificates(ctx, { agencyId: args.agencyId, search: args.search, status: args.status, source: args.source }, args.first, args.after);
  }

  @Mutation(() => Certificate, {
    description: 'Revokes a valid certificate with a reason (admins of the issuing agency, for a holder with no role beyond what they could grant; platform admins)',
  })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  revokeCertificate(@Args(() => RevokeCertificateArgs) args: RevokeCertificateArgs, @Ctx() ctx: SignedInContext): Promise<Certificate> {
    return lifecycle.revokeCertificate(ctx, args.id, args.reason);
  }

  @Mutation(() => Certificate, {
    description: 'A correction: issues a new certificate with the current facts of the same completion, superseding this one; returns the new one',
  })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  reissueCertificate(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Certificate> {
    return lifecycle.reissueCertificate(ctx, id);
  }

  @Mutation(() => Certificate, {
    description: "Issues the certificate of a verified external activity (admins of the person's agency, under the certificates' management rule; platform admins); again: the same certificate",
  })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  issueExternalActivityCertificate(@Arg('activityId', () => ID) activityId: string, @Ctx() ctx: SignedInContext): Promise<Certificate> {
    return issueExternalActivityCertificate(ctx, activityId);
  }
}
