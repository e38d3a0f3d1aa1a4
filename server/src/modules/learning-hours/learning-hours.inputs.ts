import { ArrayMaxSize, IsOptional, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DevelopmentForm } from '../course/index.js';
import { PageArgs } from '../../shared/graphql/pagination.js';

@InputType()
export class NonClassroomJpInput {
  @Field(() => DevelopmentForm)
  form!: DevelopmentForm;

  @Field(() => Int)
  @Min(1)
  @Max(200)
  jp!: number;
}

@InputType()
export class LearningRuleSetInput {
  @Field(() => String, { description: 'YYYY-MM-DD; one rule set per date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom!: string;

  @Field(() => Int)
  @Min(1)
  @Max(120)
  minutesPerJp!: number;

  @Field(() => Int)
  @Min(0)
  @Max(200)
  yearlyTargetJp!: number;

  @Field(() => [NonClassroomJpInput], { nullable: true, description: 'Default JP per non-classroom form; none when omitted' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  nonClassroomDefaults?: NonClassroomJpInput[] | null;

  /** Required: admins and auditors read which regulation a count follows (shown with the rule set's history). */
  @Field(() => String, { description: 'The regulation the values follow (e.g. "Peraturan LAN No. 10 Tahun 2018")' })
  @MinLength(3)
  @MaxLength(500)
  legalBasis!: string;
}

@ArgsType()
export class LearningYearArgs {
  @Field(() => Int, { nullable: true, description: 'Calendar year (Asia/Jakarta); this year when omitted' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

@ArgsType()
export class PersonLearningYearArgs extends LearningYearArgs {
  @Field(() => ID)
  @IsUUID()
  personId!: string;
}

@ArgsType()
export class LearningRecordsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => Int, { nullable: true, description: 'Only this calendar year (Asia/Jakarta); every year when omitted' })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;
}

@ArgsType()
export class RevokeLearningRecordArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Why the line is taken back; kept on the reversal line and in the audit' })
  @MaxLength(500)
  reason!: string;
}
