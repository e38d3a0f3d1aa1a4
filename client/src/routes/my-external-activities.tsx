// Learning hours (jp area): features/learning/MyExternalActivities.tsx.
export { default } from '../features/learning/MyExternalActivities';
