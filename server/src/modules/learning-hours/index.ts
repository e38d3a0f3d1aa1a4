import { LearningHoursResolver } from './learning-hours.resolver.js';
import { LearningExportResolver } from './export.resolver.js';

export { creditLearning, reverseCredit, ruleSetOn, yearProgress } from './learning-hours.service.js';
export { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
export { exportFilesRouter } from './export.http.js';
export { composeLearningExportReadyMail, learningExportJobs } from './export.job.js';
export const learningHoursResolvers = [LearningHoursResolver, LearningExportResolver] as const;
