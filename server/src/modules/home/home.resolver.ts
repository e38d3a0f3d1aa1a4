import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { learnerHome } from './home.service.js';
import { LearnerHome } from './home.types.js';

@Resolver()
@Authorized()
export class HomeResolver {
  @Query(() => LearnerHome, { description: 'Everything the learner’s home page shows, in a few shaped queries' })
  @Authorized(Role.LEARNER)
  learnerHome(@Ctx() ctx: SignedInContext): Promise<LearnerHome> {
    return learnerHome(ctx);
  }
}
