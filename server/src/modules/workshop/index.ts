export { RunSession, RunSessionStatus } from './session.entity.js';
export { AttendanceMethod, AttendanceStatus, SessionAttendance } from './attendance.entity.js';
export { RunSeriesResolver } from './series.resolver.js';
export { expandSchedule } from './series.rules.js';
