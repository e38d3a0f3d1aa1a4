import type { RawBuilder } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { Course } from './course.types.js';

/**
 * Something a module above this one (it imports the course module, so this one cannot import it) shows
 * on a course's page, read in the course's own statement (course(id) is ONE statement): a column of that
 * statement, and what to do with its value before the page's fields resolve (typically priming the
 * module's loaders, so its field resolvers find it and run no statement).
 */
export interface CoursePageReader {
  /** The column's name in the statement (unique among readers). */
  name: string;
  /** The column, for this viewer and course (the id is bound as a parameter). */
  select(viewer: Viewer, courseId: string): RawBuilder<unknown>;
  /** Takes the column's value; `course.preloadedRuns` holds the runs the page shows. */
  apply(ctx: SignedInOperationContext, value: unknown, course: Course): void;
}

const readers: CoursePageReader[] = [];

/** Registers a reader once, when its module loads. */
export function readOnCoursePage(reader: CoursePageReader): void {
  if (readers.some((r) => r.name === reader.name)) throw new Error(`readOnCoursePage: ${reader.name} is registered twice`);
  readers.push(reader);
}

export const coursePageReaders = (): readonly CoursePageReader[] => readers;
