import type { Opt, Rel } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/db/base.entity.js';
import { Enrolment } from '../enrolment/enrolment.entity.js';
import { Person } from '../person/person.entity.js';
import { RunSession } from './session.entity.js';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  /** Present, arriving `lateMinutes` after the start: those minutes are not attended. */
  LATE = 'LATE',
  ABSENT = 'ABSENT',
  /** Absent with leave (izin/sakit): counts as absent for JP, shown apart on the roster. */
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus', description: 'Hadir, terlambat, tidak hadir, izin' });

/** How a line was recorded: by the instructor's roster, or by the learner scanning the QR code or typing its code. */
export enum AttendanceMethod {
  ROSTER = 'ROSTER',
  QR = 'QR',
  CODE = 'CODE',
}
registerEnumType(AttendanceMethod, { name: 'AttendanceMethod', description: 'Roster, QR scan or 6-digit code' });

/**
 * Attendance of one registrant (their enrolment) at one session: at most one line, so a roster mark and a
 * check-in for the same person agree (the later roster mark corrects; a repeated check-in changes nothing).
 */
@Entity({ tableName: 'session_attendance' })
@Unique({ name: 'session_attendance_once', properties: ['session', 'enrolment'] })
@Check({
  name: 'session_attendance_late_minutes',
  expression: "(status = 'LATE' and late_minutes is not null and late_minutes > 0) or (status <> 'LATE' and late_minutes is null)",
})
export class SessionAttendance extends BaseEntity {
  @ManyToOne(() => RunSession, { deleteRule: 'cascade' })
  session: Rel<RunSession>;

  @ManyToOne(() => Enrolment, { deleteRule: 'cascade', index: true })
  enrolment: Rel<Enrolment>;

  @Enum({ items: () => AttendanceStatus })
  status: AttendanceStatus;

  @Property({ type: 'integer', nullable: true })
  lateMinutes: number | null = null;

  @Enum({ items: () => AttendanceMethod })
  method: AttendanceMethod;

  /** Who recorded it: the instructor or admin for a roster mark, the learner for a check-in. */
  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  recordedBy: Rel<Person> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  recordedAt: Date & Opt = new Date();

  constructor(session: RunSession, enrolment: Enrolment, status: AttendanceStatus, method: AttendanceMethod) {
    super();
    this.session = session;
    this.enrolment = enrolment;
    this.status = status;
    this.method = method;
  }
}
