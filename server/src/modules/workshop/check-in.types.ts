import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { AttendanceMethod, AttendanceStatus } from './attendance.entity.js';
import { AttendanceSession } from './attendance.types.js';

@ObjectType({ description: 'The check-in token and 6-digit code of a session now, for its instructor’s full-screen QR page' })
export class SessionCheckIn {
  @Field(() => AttendanceSession) session!: AttendanceSession;
  @Field(() => Boolean, { description: 'Check-in is open: the session is scheduled, from 15 minutes before its start to its end' }) open!: boolean;
  @Field(() => Date) opensAt!: Date;
  @Field(() => Date) closesAt!: Date;
  @Field(() => String, { nullable: true, description: 'The signed token of the current 30-second window (null while closed); the QR code carries /hadir#t=<token>' })
  token!: string | null;
  @Field(() => String, { nullable: true, description: 'The 6-digit code of the current window (null while closed)' }) code!: string | null;
  @Field(() => Date, { nullable: true, description: 'When this token and code are replaced (they are still accepted for one more window)' })
  refreshAt!: Date | null;
  @Field(() => Date, { description: 'The server’s clock when this was read (screens count down with it, whatever the device’s clock says)' }) serverTime!: Date;
}

@InputType({ description: 'A scanned token or a typed 6-digit code (one of them)' })
export class CheckInInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  token?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\s*\d{6}\s*$/)
  code?: string | null;
}

@ObjectType({ description: 'The viewer’s attendance at the session they checked in to' })
export class CheckInResult {
  @Field(() => AttendanceSession) session!: AttendanceSession;
  @Field(() => AttendanceStatus) status!: AttendanceStatus;
  @Field(() => Int, { nullable: true }) lateMinutes!: number | null;
  @Field(() => AttendanceMethod) method!: AttendanceMethod;
  @Field(() => Boolean, {
    description: 'They were already recorded (an earlier check-in or the instructor’s mark): nothing changed. A repeat is a success, not an error, because phones retry and people scan twice; the answer says what stands.',
  })
  alreadyRecorded!: boolean;
}
