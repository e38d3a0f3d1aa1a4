import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { AttendanceStatus } from './attendance.entity.js';

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID, { description: 'The session (run_session.id)' })
  sessionId!: string;
}

@ArgsType()
export class SessionAttendanceArgs extends PageArgs {
  @Field(() => ID, { description: 'The session (run_session.id)' })
  sessionId!: string;
}

@InputType({ description: 'One mark on the roster' })
export class AttendanceMarkInput {
  @Field(() => ID, { description: 'The seat holder’s enrolment in the session’s run' })
  @IsUUID()
  enrolmentId!: string;

  @Field(() => AttendanceStatus)
  status!: AttendanceStatus;

  @Field(() => Int, { nullable: true, description: 'LATE only: minutes after the start (1–1440)' })
  @IsOptional()
  @Min(1)
  @Max(1440)
  lateMinutes?: number | null;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => [AttendanceMarkInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  marks!: AttendanceMarkInput[];
}
