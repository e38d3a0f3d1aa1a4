import { CalendarFeedResolver } from './calendar.resolver.js';

export { calendarRouter } from './calendar.routes.js';
export { composeMovedUpMail, composeRegistrationConfirmedMail, withRunCalendar } from './seat.mail.js';

export const calendarResolvers = [CalendarFeedResolver] as const;
