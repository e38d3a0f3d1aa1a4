import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { AttendanceMethod, AttendanceStatus } from './attendance.entity.js';
import { RunSessionStatus } from './session.entity.js';

@ObjectType({ description: 'A workshop session as the attendance sheet, the QR page and a check-in show it' })
export class AttendanceSession {
  @Field(() => ID) id!: string;
  @Field(() => ID) runId!: string;
  @Field(() => String, { description: 'The run’s angkatan code' }) runCode!: string;
  @Field(() => ID) courseId!: string;
  @Field(() => String) courseTitle!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) room!: string | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => String, { description: 'The venue’s zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)' }) timeZone!: string;
  @Field(() => RunSessionStatus) status!: RunSessionStatus;
}

@ObjectType({ description: 'How many seat holders of a session have each mark' })
export class AttendanceCounts {
  @Field(() => Int) present!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int) excused!: number;
  @Field(() => Int, { description: 'Seat holders with no mark yet' }) unmarked!: number;
  @Field(() => Int, { description: 'Seat holders (active, completed or failed)' }) total!: number;
}

@ObjectType({ description: 'One seat holder on a session’s attendance sheet, with their mark (null: not marked yet)' })
export class AttendanceLine {
  @Field(() => ID) enrolmentId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => AttendanceStatus, { nullable: true }) status!: AttendanceStatus | null;
  @Field(() => Int, { nullable: true }) lateMinutes!: number | null;
  @Field(() => AttendanceMethod, { nullable: true }) method!: AttendanceMethod | null;
  @Field(() => Date, { nullable: true }) recordedAt!: Date | null;
}

@ObjectType()
export class AttendanceLinePage extends PageOf(AttendanceLine, 'AttendanceLinePage') {}

@ObjectType({ description: 'A session’s attendance sheet: the session, the counts and a page of seat holders by name' })
export class SessionAttendanceSheet {
  @Field(() => AttendanceSession) session!: AttendanceSession;
  @Field(() => AttendanceCounts) counts!: AttendanceCounts;
  @Field(() => AttendanceLinePage) lines!: AttendanceLinePage;
  @Field(() => Boolean, { description: 'Marks may be recorded: the session is scheduled and its check-in window has opened' }) open!: boolean;
}

@ObjectType({ description: 'What a roster write did: the lines it wrote and the session’s counts after it' })
export class AttendanceRecorded {
  @Field(() => AttendanceSession) session!: AttendanceSession;
  @Field(() => AttendanceCounts) counts!: AttendanceCounts;
  @Field(() => [AttendanceLine], { description: 'The lines written (for markAllPresent: the people marked present)' }) lines!: AttendanceLine[];
  @Field(() => Int, { description: 'People whose workshop result was settled again because the run was already settled' }) resettled!: number;
}

@ObjectType({ description: 'A session waiting for its attendance on the instructor’s home' })
export class AttendanceToTake {
  @Field(() => AttendanceSession) session!: AttendanceSession;
  @Field(() => Int, { description: 'Seat holders with no mark yet' }) unmarked!: number;
  @Field(() => Int) seatHolders!: number;
}
