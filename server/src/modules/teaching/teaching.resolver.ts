import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { instructorHome } from './teaching.service.js';
import { InstructorHome } from './teaching.types.js';

@Resolver()
@Authorized()
export class InstructorHomeResolver {
  @Query(() => InstructorHome, { description: 'The instructor’s home: runs they teach today and this week, and those waiting for outcomes, each with its learners by agency (one statement)' })
  @Authorized(Role.INSTRUCTOR)
  instructorHome(@Ctx() ctx: SignedInContext): Promise<InstructorHome> {
    return instructorHome(ctx);
  }
}
