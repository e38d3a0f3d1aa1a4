import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DevelopmentForm } from '../course/index.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { AgreementKind } from './agreement.entity.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_BLANK = /\S/;
/** A link to the document elsewhere: https only (a javascript: or http: link is refused). */
const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]*$/i;

@InputType()
export class CreateAgreementInput {
  @Field(() => AgreementKind)
  kind!: AgreementKind;

  @Field(() => String, { description: 'The agreement number as signed, unique per partner' })
  @Matches(NOT_BLANK)
  @MaxLength(100)
  number!: string;

  @Field(() => String)
  @Matches(NOT_BLANK)
  @MaxLength(300)
  title!: string;

  @Field(() => ID)
  @IsUUID()
  partnerId!: string;

  @Field(() => [ID], { description: 'Agencies party to it; an agency admin names only agencies they administer' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  agencyIds!: string[];

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE)
  validFrom!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, on or after validFrom' })
  @Matches(ISO_DATE)
  validTo!: string;

  @Field(() => [DevelopmentForm])
  @ArrayMinSize(1)
  @IsEnum(DevelopmentForm, { each: true })
  scope!: DevelopmentForm[];

  @Field(() => ID, { nullable: true, description: 'A document uploaded by the viewer (POST /files/agreement-documents)' })
  @IsOptional()
  @IsUUID()
  documentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Or a link to the document (https)' })
  @IsOptional()
  @Matches(HTTPS_URL)
  @MaxLength(500)
  documentUrl?: string | null;
}

/** Only the fields given change; `documentId` or `documentUrl` replaces the document (null removes it). */
@InputType()
export class UpdateAgreementInput {
  @Field(() => AgreementKind, { nullable: true })
  kind?: AgreementKind | null;

  @Field(() => String, { nullable: true })
  @Matches(NOT_BLANK)
  @MaxLength(100)
  number?: string | null;

  @Field(() => String, { nullable: true })
  @Matches(NOT_BLANK)
  @MaxLength(300)
  title?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The whole new set; an agency admin adds or removes only agencies they administer' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  agencyIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @Matches(ISO_DATE)
  validFrom?: string | null;

  @Field(() => String, { nullable: true })
  @Matches(ISO_DATE)
  validTo?: string | null;

  @Field(() => [DevelopmentForm], { nullable: true })
  @ArrayMinSize(1)
  @IsEnum(DevelopmentForm, { each: true })
  scope?: DevelopmentForm[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  documentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(HTTPS_URL)
  @MaxLength(500)
  documentUrl?: string | null;
}

@ArgsType()
export class AgreementsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  partnerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only agreements in force on this day (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(ISO_DATE)
  validOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only agreements still in force whose last day is within this many days from today' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number | null;
}

@ArgsType()
export class AssignableInstructorsArgs extends PageArgs {
  @Field(() => ID, { description: 'The course the run is of (one the viewer manages)' })
  courseId!: string;

  @Field(() => Date, { nullable: true, description: 'The run’s start as typed so far; null: undated (today counts)' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The run’s end; null: its start’s day' })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Part of a name (typos forgiven from four letters)' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
