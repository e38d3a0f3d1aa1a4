// A shared programme's evidence, lineage, adoption and cohort seats (library area).
export { default } from '../features/programmes/LibraryProgrammePage';
