import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import * as calendar from './calendar.service.js';
import { publicBaseUrl } from './calendar.routes.js';
import { CalendarFeed, CalendarFeedCreated } from './calendar.types.js';

/** Every signed-in person has (at most) one feed of what they are registered for; only they see or change it. */
@Resolver()
@Authorized()
export class CalendarFeedResolver {
  @Query(() => CalendarFeed, { nullable: true, description: "The viewer's calendar feed, or null when they have none (or revoked it)" })
  async myCalendarFeed(@Ctx() ctx: SignedInContext): Promise<CalendarFeed | null> {
    return calendar.myCalendarFeed(ctx);
  }

  @Mutation(() => CalendarFeedCreated, { description: "Makes the viewer's feed URL; an earlier one stops working" })
  async createMyCalendarFeed(@Ctx() ctx: SignedInContext): Promise<CalendarFeedCreated> {
    return calendar.createMyCalendarFeed(ctx, publicBaseUrl(ctx.config, ctx.req));
  }

  @Mutation(() => Boolean, { description: "Revokes the viewer's feed URL (it answers 404 from now on); false when there was none" })
  async revokeMyCalendarFeed(@Ctx() ctx: SignedInContext): Promise<boolean> {
    return calendar.revokeMyCalendarFeed(ctx);
  }
}
