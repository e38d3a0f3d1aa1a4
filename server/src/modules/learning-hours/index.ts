import { LearningHoursResolver } from './learning-hours.resolver.js';

export { creditLearning, reverseCredit, ruleSetOn, yearProgress } from './learning-hours.service.js';
export { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
export const learningHoursResolvers = [LearningHoursResolver] as const;
