import { Field, ObjectType } from 'type-graphql';
import { DevelopmentForm } from '../course/index.js';
import { CertificateStatus } from './certificate.entity.js';
import { CertificateSignerLine } from './certificate.types.js';

@ObjectType({ description: "What the public verification page shows of a certificate: its facts as issued, the NIP masked, and its status" })
export class CertificateVerification {
  @Field(() => CertificateStatus, { description: 'Sah (VALID), Dicabut (REVOKED) or Digantikan (SUPERSEDED)' }) status!: CertificateStatus;
  @Field(() => String) serial!: string;
  @Field(() => String) recipientName!: string;
  @Field(() => String, { nullable: true, description: 'Masked (first 4 and last 3 digits): never the full NIP' }) recipientNipMasked!: string | null;
  @Field(() => String) title!: string;
  @Field(() => DevelopmentForm, { nullable: true }) form!: DevelopmentForm | null;
  @Field(() => Number) jp!: number;
  @Field(() => [String]) competencies!: string[];
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endsOn!: string | null;
  @Field(() => Date) completedAt!: Date;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => String) agencyName!: string;
  @Field(() => String, { nullable: true }) partnerName!: string | null;
  @Field(() => [CertificateSignerLine]) signers!: CertificateSignerLine[];
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Digantikan: the verification code of the certificate that replaced it' }) supersededByCode!: string | null;
}
