import { JobsResolver } from './jobs.resolver.js';

export const jobsResolvers = [JobsResolver] as const;
