import { AttendanceResolver, InstructorHomeAttendanceResolver, RunAttendanceResolver } from './attendance.resolver.js';
import { CheckInResolver } from './check-in.resolver.js';
export { RunSession, RunSessionStatus } from './session.entity.js';
export { AttendanceMethod, AttendanceStatus, SessionAttendance } from './attendance.entity.js';
export const attendanceResolvers = [AttendanceResolver, InstructorHomeAttendanceResolver, RunAttendanceResolver, CheckInResolver] as const;
export { settleAttendanceJob, settleRun, SETTLE_QUEUE } from './workshop-credit.js';
export { deriveKeys, signToken, windowAt, WINDOW_SECONDS } from './check-in.token.js';
