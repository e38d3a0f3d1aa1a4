// Learning hours (jp area): features/learning/VerificationQueue.tsx.
export { default } from '../features/learning/VerificationQueue';
