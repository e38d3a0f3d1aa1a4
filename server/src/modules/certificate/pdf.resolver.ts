import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { Certificate } from './certificate.types.js';
import * as pdfs from './pdf.service.js';
import { CertificateRenderProgress } from './pdf.types.js';

/** The download route of pdf.http.ts. */
const certificatePdfPath = (id: string) => `/files/certificates/${id}.pdf`;

/** The certificate's PDF: its download address, and the render progress an agency admin watches. */
@Resolver(() => Certificate)
@Authorized()
export class CertificatePdfResolver {
  @FieldResolver(() => String, { description: 'Where its PDF downloads (Bahasa Indonesia; add ?lang=en for English), for whoever may read the certificate' })
  pdfUrl(@Root() certificate: Certificate): string {
    return certificatePdfPath(certificate.id);
  }

  @Query(() => CertificateRenderProgress, { description: 'How many of an agency’s certificate PDFs (optionally one course run’s or programme cohort’s) are pending, done or failed' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  certificateRenderProgress(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('runId', () => ID, { nullable: true }) runId: string | null,
    @Arg('cohortId', () => ID, { nullable: true }) cohortId: string | null,
    @Ctx() ctx: SignedInContext,
  ): Promise<CertificateRenderProgress> {
    return pdfs.renderProgress(ctx, { agencyId, runId, cohortId });
  }

  @Mutation(() => Int, { description: 'Queues the failed (and never queued) PDFs of the scope again; answers how many' })
  @Authorized(Role.AGENCY_ADMIN, Role.PLATFORM_ADMIN)
  rerunFailedCertificateRenders(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('runId', () => ID, { nullable: true }) runId: string | null,
    @Arg('cohortId', () => ID, { nullable: true }) cohortId: string | null,
    @Ctx() ctx: SignedInContext,
  ): Promise<number> {
    return pdfs.rerunFailedRenders(ctx, { agencyId, runId, cohortId });
  }
}
