// Learning hours (jp area): features/learning/TeamLearningHours.tsx.
export { default } from '../features/learning/TeamLearningHours';
