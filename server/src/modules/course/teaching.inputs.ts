import { IsOptional } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { CourseStatus } from './course.enums.js';

@ArgsType()
export class TeachingCoursesArgs extends PageArgs {
  @Field(() => CourseStatus, { nullable: true, description: 'Only courses in this status; by default every status except DRAFT' })
  @IsOptional()
  status?: CourseStatus | null;
}
