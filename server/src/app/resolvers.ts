import { agencyResolvers } from '../modules/agency/index.js';
import { agreementResolvers } from '../modules/agreement/index.js';
import { authResolvers } from '../modules/auth/index.js';
import { calendarResolvers } from '../modules/calendar/index.js';
import { courseResolvers } from '../modules/course/index.js';
import { enrolmentResolvers } from '../modules/enrolment/index.js';
import { homeResolvers } from '../modules/home/index.js';
import { jobsResolvers } from '../modules/jobs/index.js';
import { learningHoursResolvers } from '../modules/learning-hours/index.js';
import { partnerResolvers } from '../modules/partner/index.js';
import { personResolvers } from '../modules/person/index.js';
import { programmeResolvers } from '../modules/programme/index.js';
import { certificateResolvers } from '../modules/certificate/index.js';
import { runResolvers } from '../modules/run/index.js';
import { teachingResolvers } from '../modules/teaching/index.js';
import { RunSessionAdminResolver, RunSessionsResolver } from '../modules/workshop/index.js';
import { RunSeriesResolver } from '../modules/workshop/index.js';
import { attendanceResolvers } from '../modules/workshop/index.js';

/** Every resolver class of every module. A module exports its list from its index.ts. */
export const allResolvers = [
  ...authResolvers,
  ...agencyResolvers,
  ...partnerResolvers,
  ...personResolvers,
  ...courseResolvers,
  ...runResolvers,
  ...enrolmentResolvers,
  ...learningHoursResolvers,
  ...homeResolvers,
  ...jobsResolvers,
  ...calendarResolvers,
  ...agreementResolvers,
  ...teachingResolvers,
  RunSessionsResolver, RunSessionAdminResolver,
  RunSeriesResolver,
  ...attendanceResolvers,
  ...programmeResolvers,
  ...certificateResolvers,
];
