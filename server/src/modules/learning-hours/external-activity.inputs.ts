import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { DevelopmentForm } from '../course/index.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { ExternalActivityStatus } from './external-activity.entity.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Learning done outside Lentera, claimed with evidence uploaded first (POST /files/external-activity-evidence)' })
export class ExternalActivityInput {
  @Field(() => String)
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @Field(() => DevelopmentForm)
  form!: DevelopmentForm;

  @Field(() => String, { description: 'Who held it (an institution, a ministry, a university)' })
  @MinLength(2)
  @MaxLength(300)
  organiser!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE)
  startsOn!: string;

  @Field(() => String, { description: 'YYYY-MM-DD; not after today' })
  @Matches(ISO_DATE)
  endsOn!: string;

  @Field(() => Float, { nullable: true, description: "JP claimed; left out: the form's default in the rule set in force on endsOn" })
  @IsOptional()
  @Min(0.5)
  @Max(1000)
  jp?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => ID, { description: 'The id the evidence upload answered with' })
  @IsUUID()
  evidenceId!: string;
}

@ArgsType()
export class ExternalActivityPageArgs extends PageArgs {
  @Field(() => ExternalActivityStatus, { nullable: true, description: 'Only this status; every status when omitted' })
  @IsOptional()
  status?: ExternalActivityStatus | null;
}

@ArgsType()
export class ExternalActivityQueueArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "One agency the viewer administers; every agency they administer when omitted (platform admins: all)" })
  @IsOptional()
  @IsUUID()
  agencyId?: string | null;

  @Field(() => ExternalActivityStatus, { defaultValue: ExternalActivityStatus.PENDING, description: 'PENDING: oldest first; decided: newest first' })
  status: ExternalActivityStatus = ExternalActivityStatus.PENDING;

  @Field(() => String, { nullable: true, description: "Part of the submitter's name or NIP" })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}

export enum ExternalActivityDecision {
  VERIFY = 'VERIFY',
  REJECT = 'REJECT',
}
registerEnumType(ExternalActivityDecision, { name: 'ExternalActivityDecision' });

@InputType({ description: 'One decision for several pending activities: all of them are decided, or none' })
export class DecideExternalActivitiesInput {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  ids!: string[];

  @Field(() => ExternalActivityDecision)
  decision!: ExternalActivityDecision;

  @Field(() => String, { nullable: true, description: 'Required to reject: told to the submitter' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}
