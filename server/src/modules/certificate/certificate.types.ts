import { Field, ID, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { DevelopmentForm } from '../course/index.js';
import { CertificateSource, CertificateStatus } from './certificate.entity.js';

/*
 * The GraphQL shapes of certificates, shared by the module's parts (issuance, lifecycle, PDF, credential). Each part
 * adds its own fields with field resolvers in its own files, so this file only holds what a certificate row says.
 */

@ObjectType({ description: 'A signer as printed on a certificate' })
export class CertificateSignerLine {
  @Field(() => String) name!: string;
  @Field(() => String) position!: string;
  @Field(() => String, { description: 'AGENCY or PARTNER' }) side!: string;
}

@ObjectType({ description: 'A completion certificate (sertifikat): facts as issued, its serial, its public verification code and its status' })
export class Certificate {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Unique per issuing agency and year, gapless: e.g. PEMKOT-BDG/2026/000123' }) serial!: string;
  @Field(() => String, { description: 'The code of its public verification page, /verifikasi/<code>' }) verificationCode!: string;
  @Field(() => CertificateSource) source!: CertificateSource;
  @Field(() => ID, { description: 'The enrolment, cohort participant or external activity it attests' }) sourceId!: string;
  @Field(() => String) recipientName!: string;
  @Field(() => String, { nullable: true, description: 'In full: only its holder and the admins entitled see a certificate here' }) recipientNip!: string | null;
  @Field(() => String) title!: string;
  @Field(() => DevelopmentForm, { nullable: true, description: 'Null for a programme, which mixes forms' }) form!: DevelopmentForm | null;
  @Field(() => Number, { description: 'JP as credited in the ledger' }) jp!: number;
  @Field(() => [String]) competencies!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endsOn!: string | null;
  @Field(() => Date) completedAt!: Date;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => String) agencyName!: string;
  @Field(() => String, { nullable: true }) partnerName!: string | null;
  @Field(() => [CertificateSignerLine]) signers!: CertificateSignerLine[];
  @Field(() => CertificateStatus) status!: CertificateStatus;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;

  // For field resolvers and policies (not GraphQL fields themselves).
  personId!: string;
  issuingAgencyId!: string;
  partnerId!: string | null;
  supersedesId!: string | null;
}

@ObjectType()
export class CertificatePage extends PageOf(Certificate, 'CertificatePage') {}
