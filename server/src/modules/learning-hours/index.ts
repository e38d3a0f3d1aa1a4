import { ExternalActivityResolver } from './external-activity.resolver.js';
import { LearningHoursResolver } from './learning-hours.resolver.js';
import { TeamLearningResolver } from './team.resolver.js';
import { LearningYearDetailResolver } from './year.resolver.js';

export { creditLearning, reverseCredit, ruleSetOn, yearProgress } from './learning-hours.service.js';
export { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
export { composeExternalActivityDecisionMail } from './external-activity.mail.js';
export { externalActivityFilesRouter } from './external-activity.http.js';
import { LearningExportResolver } from './export.resolver.js';

export { exportFilesRouter } from './export.http.js';
export { composeLearningExportReadyMail, learningExportJobs } from './export.job.js';
export const learningHoursResolvers = [LearningHoursResolver, ExternalActivityResolver, LearningYearDetailResolver, TeamLearningResolver, LearningExportResolver] as const;
