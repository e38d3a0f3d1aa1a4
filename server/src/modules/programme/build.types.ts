import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CourseKind, CourseStatus } from '../course/index.js';
import { CourseRun } from '../run/index.js';
import { ProgrammeItem } from './programme.types.js';

@ObjectType({ description: 'The run of one programme item for a cohort' })
export class CohortItemRun {
  @Field(() => ID) id!: string;
  @Field(() => ProgrammeItem) item!: ProgrammeItem;
  @Field(() => CourseRun) run!: CourseRun;
}

@ObjectType({ description: 'A course or workshop a programme’s owner may put on its path' })
export class ProgrammeCourseChoice {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => CourseKind) kind!: CourseKind;
  @Field(() => Int) jp!: number;
  @Field(() => CourseStatus) status!: CourseStatus;
  @Field(() => String) ownerName!: string;
}
