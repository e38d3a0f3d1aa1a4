// The learner's programme page: features/programmes/PathProgramme.tsx (path area).
export { default } from '../features/programmes/PathProgramme';
