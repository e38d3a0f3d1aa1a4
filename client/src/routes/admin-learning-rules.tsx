// Learning hours (jp area): features/learning/LearningRuleSets.tsx.
export { default } from '../features/learning/LearningRuleSets';
