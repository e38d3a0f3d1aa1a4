import { IsIn, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { LearningExportFormat } from './export.entity.js';

@ArgsType()
export class RequestAgencyLearningExportArgs {
  @Field(() => ID)
  @IsUUID()
  agencyId!: string;

  @Field(() => Int, { nullable: true, description: 'Only this calendar year (Asia/Jakarta); every year when omitted' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => LearningExportFormat)
  format!: LearningExportFormat;

  @Field(() => String, { nullable: true, description: 'Language of the headers and form names: "id" (default) or "en"' })
  @IsOptional()
  @IsIn(['id', 'en'])
  lang?: string | null;
}
