import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { InstructorHome } from '../teaching/index.js';
import { CourseRun } from '../run/index.js';
import { attendanceToTake, runAttendanceSessions } from './attendance.home.js';
import { RecordAttendanceInput, SessionAttendanceArgs, SessionIdArgs } from './attendance.inputs.js';
import * as attendance from './attendance.service.js';
import { AttendanceRecorded, AttendanceToTake, SessionAttendanceSheet } from './attendance.types.js';

/**
 * Attendance per session. Open to every signed-in caller at the schema level: the policy answers NOT_FOUND to whoever
 * does not teach the run or manage its course (a learner, another partner's instructor), as for any hidden object.
 */
@Resolver()
@Authorized()
export class AttendanceResolver {
  @Query(() => SessionAttendanceSheet, { description: 'A session’s attendance sheet (its run’s instructors, its course’s managers, platform admins): counts and a page of seat holders by name' })
  sessionAttendance(@Args(() => SessionAttendanceArgs) args: SessionAttendanceArgs, @Ctx() ctx: SignedInContext): Promise<SessionAttendanceSheet> {
    return attendance.sessionAttendance(ctx, args.sessionId, args.first, args.after);
  }

  @Mutation(() => AttendanceRecorded, {
    description: 'Records roster marks (present, late with minutes, absent, excused) in one transaction; a mark corrects a check-in. Refused with nothing written: SESSION_CANCELLED, ATTENDANCE_NOT_OPEN (before check-in opens), ATTENDANCE_NOT_A_SEAT_HOLDER. On a settled run the changed people are settled again (reversal + new ledger line).',
  })
  recordAttendance(@Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput, @Ctx() ctx: SignedInContext): Promise<AttendanceRecorded> {
    return attendance.recordAttendance(ctx, input);
  }

  @Mutation(() => AttendanceRecorded, { description: '"Semua hadir": marks PRESENT every seat holder not marked yet (marks and check-ins already there stay)' })
  markAllPresent(@Args(() => SessionIdArgs) args: SessionIdArgs, @Ctx() ctx: SignedInContext): Promise<AttendanceRecorded> {
    return attendance.markAllPresent(ctx, args.sessionId);
  }
}

@Resolver(() => InstructorHome)
export class InstructorHomeAttendanceResolver {
  @FieldResolver(() => [AttendanceToTake], { description: 'Sessions of their runs that have started, are not settled, and have seat holders without a mark (up to 20, newest first)' })
  attendanceToTake(@Ctx() ctx: SignedInContext): Promise<AttendanceToTake[]> {
    return attendanceToTake(ctx);
  }
}

@Resolver(() => CourseRun)
export class RunAttendanceResolver {
  @FieldResolver(() => [AttendanceToTake], { description: 'The run’s sessions with how many seat holders are still unmarked, for those who take its attendance (empty for anyone else)' })
  @Authorized()
  attendanceSessions(@Root() run: CourseRun, @Ctx() ctx: SignedInContext): Promise<AttendanceToTake[]> {
    return runAttendanceSessions(ctx, run.id);
  }
}
