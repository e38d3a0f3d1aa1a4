import { InstructorHomeResolver } from './teaching.resolver.js';

export const teachingResolvers = [InstructorHomeResolver] as const;
export { InstructorHome } from './teaching.types.js';
