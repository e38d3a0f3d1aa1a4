import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import * as certificates from './certificate.service.js';
import { Certificate, CertificatePage } from './certificate.types.js';

@Resolver(() => Certificate)
@Authorized()
export class CertificateResolver {
  @Query(() => CertificatePage, { description: "The viewer's certificates, newest first, in every status" })
  @Authorized()
  myCertificates(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: SignedInContext): Promise<CertificatePage> {
    return certificates.myCertificates(ctx, args.first, args.after);
  }

  @Query(() => Certificate, { description: 'A certificate, for its holder, the admins of the agency that issued it and platform admins' })
  @Authorized()
  certificate(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Certificate> {
    return certificates.certificateById(ctx, id);
  }
}
