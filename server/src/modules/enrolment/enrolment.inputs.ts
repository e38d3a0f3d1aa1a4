import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { EnrolmentStatus } from './enrolment.entity.js';

@ArgsType()
export class RunIdArgs {
  @Field(() => ID, { description: 'The run (CourseRun.id)' })
  @IsUUID()
  runId!: string;
}

@ArgsType()
export class EnrolmentIdArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class RejectEnrolmentArgs extends EnrolmentIdArgs {
  /** Shown to the learner: say why and what to do instead. */
  @Field(() => String)
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be empty' })
  reason!: string;
}

@ArgsType()
export class FinishEnrolmentArgs extends EnrolmentIdArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Confirms recording the outcome before the run ends (the roster asks first); without it that is COURSE_NOT_ENDED',
  })
  early: boolean = false;
}

@ArgsType()
export class EnrolPeopleArgs extends RunIdArgs {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  personIds!: string[];
}

@ArgsType()
export class MyEnrolmentsArgs extends PageArgs {
  @Field(() => [EnrolmentStatus], { nullable: true, description: 'Only these states; all when omitted' })
  status?: EnrolmentStatus[] | null;
}

@ArgsType()
export class ApprovalsInboxArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: "Agency admins: every pending request of the agencies they administer" })
  agencyWide: boolean = false;
}

@ArgsType()
export class CourseRosterArgs extends PageArgs {
  @Field(() => ID, { description: 'The run (CourseRun.id)' })
  @IsUUID()
  runId!: string;

  @Field(() => [EnrolmentStatus], { nullable: true, description: 'Only these states; all when omitted' })
  status?: EnrolmentStatus[] | null;
}
