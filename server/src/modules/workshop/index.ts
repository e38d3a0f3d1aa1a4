export { RunSession, RunSessionStatus } from './session.entity.js';
export { AttendanceMethod, AttendanceStatus, SessionAttendance } from './attendance.entity.js';
export { RunSessionAdminResolver, RunSessionsResolver } from './session.resolver.js';
export { composeSessionCancelledMail, composeSessionMovedMail, composeSessionTomorrowMail, SESSION_REMINDER_QUEUE, sessionReminderJob } from './session.mail.js';
export { sessionFilesRouter } from './session.http.js';
export { RunSeriesResolver } from './series.resolver.js';
export { expandSchedule } from './series.rules.js';
