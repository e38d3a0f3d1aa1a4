import { LearningHoursResolver } from './learning-hours.resolver.js';

export {
  creditLearning, findRuleSetOn, jpOf, progressOf, remainingJpOf, ruleDateForYear, ruleSetOn,
  type Credit, type Credited, type RuleSetRow,
} from './learning-hours.service.js';
export { LearningRecordStatus, LearningSource } from './learning-hours.entity.js';
export const learningHoursResolvers = [LearningHoursResolver] as const;
