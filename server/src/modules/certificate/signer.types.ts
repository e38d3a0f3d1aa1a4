import { IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

const NOT_BLANK = /\S/;

@ObjectType('CertificateSigner', { description: "Who signs an agency's or a partner's certificates (snapshotted into each certificate when issued)" })
export class CertificateSignerType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => ID, { nullable: true }) partnerId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String) position!: string;
  @Field(() => Int, { description: 'Signers print left to right in this order' }) displayOrder!: number;
  @Field(() => Boolean, { description: 'Only active signers are printed on new certificates' }) active!: boolean;
  @Field(() => Boolean, { description: 'A signature image was uploaded (POST /files/certificate-signers/<id>/signature, PNG, at most 512 KiB)' })
  hasSignature!: boolean;
}

@InputType()
export class CertificateSignerInput {
  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { description: 'e.g. "Kepala BKPSDM"' })
  @Matches(NOT_BLANK)
  @MaxLength(200)
  position!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @Min(1)
  @Max(20)
  displayOrder?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  active?: boolean | null;
}

@InputType()
export class CreateCertificateSignerInput extends CertificateSignerInput {
  @Field(() => ID, { nullable: true, description: 'The agency whose certificates it signs (or partnerId)' })
  @IsOptional()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The partner institution whose certificates it signs (or agencyId)' })
  @IsOptional()
  partnerId?: string | null;
}
