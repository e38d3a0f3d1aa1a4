// The shared-programme library (library area): the screen lives with the programme features.
export { default } from '../features/programmes/LibraryPage';
