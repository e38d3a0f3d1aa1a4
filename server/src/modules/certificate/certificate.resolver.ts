import { IsOptional, Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import * as certificates from './certificate.service.js';
import { Certificate, CertificatePage } from './certificate.types.js';

@ArgsType()
export class MyCertificatesArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only the certificates of learning completed in this calendar year (Asia/Jakarta), as "JP saya" shows a year' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

@Resolver(() => Certificate)
@Authorized()
export class CertificateResolver {
  @Query(() => CertificatePage, { description: "The viewer's certificates, newest first, in every status" })
  @Authorized()
  myCertificates(@Args(() => MyCertificatesArgs) args: MyCertificatesArgs, @Ctx() ctx: SignedInContext): Promise<CertificatePage> {
    return certificates.myCertificates(ctx, args.first, args.after, args.year ?? null);
  }

  @Query(() => Certificate, { description: 'A certificate, for its holder, the admins of the agency that issued it and platform admins' })
  @Authorized()
  certificate(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Certificate> {
    return certificates.certificateById(ctx, id);
  }
}
