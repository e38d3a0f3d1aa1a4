import { MaxLength } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { PUBLIC } from '../../shared/auth/roles.js';
import { verifyCertificate } from './verify-page.service.js';
import { CertificateVerification } from './verify-page.types.js';

@ArgsType()
export class VerifyCertificateArgs {
  @Field(() => String, { description: 'The code of /verifikasi/<code> (printed as a QR code on the certificate)' })
  @MaxLength(100)
  code!: string;
}

@Resolver()
@Authorized()
export class CertificateVerifyPageResolver {
  @Query(() => CertificateVerification, {
    nullable: true,
    description: 'Public, no sign-in: a certificate by its verification code (NIP masked) with its status; null when unknown. Rate-limited per client address',
  })
  @Authorized(PUBLIC)
  verifyCertificate(@Args(() => VerifyCertificateArgs) args: VerifyCertificateArgs, @Ctx() ctx: Context): Promise<CertificateVerification | null> {
    return verifyCertificate(ctx, args.code);
  }
}
