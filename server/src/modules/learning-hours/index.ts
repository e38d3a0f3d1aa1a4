import { LearningHoursResolver } from './learning-hours.resolver.js';

export {
  creditMinutes, findRuleSetOn, jpOf, progressOf, remainingJpOf, ruleDateForYear, ruleSetOn,
  type Credit, type RuleSetRow,
} from './learning-hours.service.js';
export { LearningSource } from './learning-hours.entity.js';
export const learningHoursResolvers = [LearningHoursResolver] as const;
