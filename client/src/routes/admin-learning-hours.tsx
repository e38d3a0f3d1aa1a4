// Learning hours (jp area): features/learning/AgencyLearningHours.tsx.
export { default } from '../features/learning/AgencyLearningHours';
