// The screen lives with its area's code (features/programmes).
export { default } from '../features/programmes/BuildProgrammesPage';
