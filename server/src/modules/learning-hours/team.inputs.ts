import { IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';

@ArgsType()
export class TeamLearningArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Calendar year (Asia/Jakarta); this year when omitted' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

@ArgsType()
export class AgencyLearningArgs extends TeamLearningArgs {
  @Field(() => ID, { nullable: true, description: 'An agency the viewer administers; the first they administer when omitted' })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only people below the target' })
  @IsOptional()
  belowTargetOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of a name, or the start of a NIP (4 digits or more)' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
