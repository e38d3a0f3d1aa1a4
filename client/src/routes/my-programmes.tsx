// "Program saya": features/programmes/PathMyProgrammes.tsx (path area).
export { default } from '../features/programmes/PathMyProgrammes';
