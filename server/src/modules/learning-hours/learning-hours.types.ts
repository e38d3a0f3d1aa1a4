import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { DevelopmentForm } from '../course/course.enums.js';
import { LearningSource } from './learning-hours.entity.js';

/** Default JP for one non-classroom form of development (e.g. 2 JP per coaching session). */
@ObjectType()
export class NonClassroomJp {
  @Field(() => DevelopmentForm) form!: DevelopmentForm;
  @Field(() => Int) jp!: number;
}

@ObjectType({ description: 'The rules for counting learning hours, in force from validFrom until the next rule set' })
export class LearningRuleSet {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'YYYY-MM-DD (Asia/Jakarta)' }) validFrom!: string;
  @Field(() => Int) minutesPerJp!: number;
  @Field(() => Int) yearlyTargetJp!: number;
  @Field(() => [NonClassroomJp]) nonClassroomDefaults!: NonClassroomJp[];
  @Field(() => String, { nullable: true }) legalBasis!: string | null;
}

export const LearningRuleSetPage = PageOf(LearningRuleSet, 'LearningRuleSetPage');
export type LearningRuleSetPage = InstanceType<typeof LearningRuleSetPage>;

/** One line of the learning-hours ledger. */
@ObjectType()
export class LearningRecordLine {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) minutes!: number;
  @Field(() => Float, { description: 'minutes / minutesPerJp of the year, 1 decimal' }) jp!: number;
  @Field(() => LearningSource) source!: LearningSource;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => ID, { nullable: true }) enrolmentId!: string | null;
  @Field(() => ID, { nullable: true }) courseId!: string | null;
}

@ObjectType({ description: "A person's learning hours (JP) in one calendar year (Asia/Jakarta)" })
export class LearningYear {
  @Field(() => ID) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) minutes!: number;
  @Field(() => Float, { description: 'minutes / minutesPerJp of the rule in force that year, 1 decimal (rounded down)' }) jp!: number;
  @Field(() => Int) minutesPerJp!: number;
  @Field(() => Int) targetJp!: number;
  @Field(() => Float, { description: 'JP still needed to reach the target, 1 decimal (rounded up); 0 when reached' }) remainingJp!: number;
  @Field(() => Float, { description: 'Share of the target reached, 0–1' }) progress!: number;
  @Field(() => Int, { description: 'Ledger lines in the year' }) recordCount!: number;
  @Field(() => [LearningRecordLine], { description: 'The latest 100 ledger lines of the year, newest first' }) records!: LearningRecordLine[];
}
