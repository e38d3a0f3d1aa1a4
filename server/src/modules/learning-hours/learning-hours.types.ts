import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { DevelopmentForm } from '../course/index.js';
import { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';

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
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day before the next rule set starts; null while no later one exists' }) validUntil!: string | null;
  @Field(() => Boolean, { description: 'In force today (Asia/Jakarta)' }) inForce!: boolean;
  @Field(() => Date, { description: 'When it was recorded' }) createdAt!: Date;
}

export const LearningRuleSetPage = PageOf(LearningRuleSet, 'LearningRuleSetPage');
export type LearningRuleSetPage = InstanceType<typeof LearningRuleSetPage>;

/** One line of the learning-hours ledger. */
@ObjectType()
export class LearningRecordLine {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => Int, { description: 'The calendar year (Asia/Jakarta) the line counts towards' }) year!: number;
  @Field(() => String) title!: string;
  @Field(() => Int, { description: 'Negative on a reversal line' }) minutes!: number;
  @Field(() => Float, { description: 'JP as credited (1 decimal; negative on a reversal line), never recomputed with a later rule' }) jp!: number;
  @Field(() => Int, { description: 'Minutes per JP of the rule set that credited the line' }) minutesPerJp!: number;
  @Field(() => ID, { description: 'The rule set that credited the line' }) ruleSetId!: string;
  @Field(() => LearningSource) source!: LearningSource;
  @Field(() => ID, { description: 'What was credited (for a course run completion, the enrolment)' }) sourceId!: string;
  @Field(() => LearningRecordStatus) status!: LearningRecordStatus;
  @Field(() => ID, { nullable: true, description: 'On a reversal line: the line it takes back' }) reversesId!: string | null;
  @Field(() => String, { nullable: true, description: 'On a reversal line: why' }) reason!: string | null;
  @Field(() => ID, { nullable: true, description: "The person's agency when the line was credited" }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => ID, { nullable: true, description: "The person's org unit when the line was credited" }) orgUnitId!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => Date, { description: 'When the learning happened (a reversal: when it was revoked)' }) occurredAt!: Date;
  @Field(() => Date, { description: 'When the line was written' }) recordedAt!: Date;
  @Field(() => ID, { nullable: true }) enrolmentId!: string | null;
  @Field(() => ID, { nullable: true }) courseId!: string | null;
}

export const LearningRecordPage = PageOf(LearningRecordLine, 'LearningRecordPage');
export type LearningRecordPage = InstanceType<typeof LearningRecordPage>;

@ObjectType({ description: "A person's learning hours (JP) in one calendar year (Asia/Jakarta)" })
export class LearningYear {
  @Field(() => ID) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) minutes!: number;
  @Field(() => Float, { description: "The sum of the counted lines' JP as credited, 1 decimal" }) jp!: number;
  @Field(() => Int, { description: 'Minutes per JP of the rule in force for the year' }) minutesPerJp!: number;
  @Field(() => Int) targetJp!: number;
  @Field(() => Float, { description: 'JP still needed to reach the target, 1 decimal (rounded up); 0 when reached' }) remainingJp!: number;
  @Field(() => Float, { description: 'Share of the target reached, 0–1' }) progress!: number;
  @Field(() => Int, { description: 'Ledger lines in the year' }) recordCount!: number;
  @Field(() => [LearningRecordLine], { description: 'The latest 100 ledger lines of the year, newest first' }) records!: LearningRecordLine[];
}
