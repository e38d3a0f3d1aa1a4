import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "The viewer's private calendar feed (its URL is shown only when made)" })
export class CalendarFeed {
  @Field(() => Date) createdAt!: Date;
}

@ObjectType({ description: 'A new private calendar feed: subscribe to `url` in Google Calendar or a phone; it is not shown again' })
export class CalendarFeedCreated {
  @Field(() => String, { description: 'https://…/kalender/<token>.ics (no sign-in needed: keep it private)' }) url!: string;
  @Field(() => Date) createdAt!: Date;
}
