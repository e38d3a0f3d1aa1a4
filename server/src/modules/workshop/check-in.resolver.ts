import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { SessionIdArgs } from './attendance.inputs.js';
import * as checkIns from './check-in.service.js';
import { CheckInInput, CheckInResult, SessionCheckIn } from './check-in.types.js';

@Resolver()
@Authorized()
export class CheckInResolver {
  @Query(() => SessionCheckIn, { description: 'The session’s current check-in token and 6-digit code for its full-screen QR page (those who take its attendance; NOT_FOUND to others); both rotate every 30 seconds' })
  sessionCheckIn(@Args(() => SessionIdArgs) args: SessionIdArgs, @Ctx() ctx: SignedInContext): Promise<SessionCheckIn> {
    return checkIns.sessionCheckIn(ctx, args.sessionId);
  }

  @Mutation(() => CheckInResult, { description: 'The viewer checks in to a session they hold a seat in, with the scanned token or the typed 6-digit code (see the error codes CHECK_IN_*)' })
  checkIn(@Arg('input', () => CheckInInput) input: CheckInInput, @Ctx() ctx: SignedInContext): Promise<CheckInResult> {
    return checkIns.checkIn(ctx, input);
  }
}
