// Learning hours (jp area): features/learning/MyLearningYear.tsx.
export { default } from '../features/learning/MyLearningYear';
