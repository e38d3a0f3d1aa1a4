import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs, type Page } from '../../shared/graphql/pagination.js';
import * as jobs from './jobs.service.js';
import { FailedJobPage, type FailedJob } from './jobs.types.js';

/** The job queue's dead letters: platform admins run the platform, so they see and retry what failed. */
@Resolver()
@Authorized()
export class JobsResolver {
  @Query(() => FailedJobPage, { description: 'Background jobs that failed all their attempts (dead letters), newest first' })
  @Authorized(Role.PLATFORM_ADMIN)
  async failedJobs(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: SignedInContext): Promise<Page<FailedJob>> {
    return jobs.failedJobs(ctx, first, after);
  }

  @Mutation(() => Boolean, { description: 'Sends a dead letter back to its queue with fresh retries' })
  @Authorized(Role.PLATFORM_ADMIN)
  async retryFailedJob(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<boolean> {
    await jobs.retryFailedJob(ctx, id);
    return true;
  }
}
