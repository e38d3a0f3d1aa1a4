import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';

@ObjectType({ description: "One person's JP in a year against the year's target" })
export class PersonLearningStanding {
  @Field(() => ID) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String, { nullable: true, description: 'In full for those entitled (person.identity), masked otherwise' }) nip!: string | null;
  @Field(() => String, { nullable: true }) orgUnitName!: string | null;
  @Field(() => Float, { description: "The year's JP as credited" }) jp!: number;
  @Field(() => Int) targetJp!: number;
  @Field(() => Float, { description: 'JP still needed to reach the target (0 when reached)' }) remainingJp!: number;
  @Field(() => Float, { description: '0–1' }) progress!: number;
}

export const PersonLearningStandingPage = PageOf(PersonLearningStanding, 'PersonLearningStandingPage');
export type PersonLearningStandingPage = InstanceType<typeof PersonLearningStandingPage>;

@ObjectType({ description: "An agency's people against the year's JP target" })
export class AgencyLearningHours {
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) targetJp!: number;
  @Field(() => Int, { description: 'Active people of the agency' }) peopleCount!: number;
  @Field(() => Int, { description: 'Of them, below the target' }) belowTargetCount!: number;
  @Field(() => PersonLearningStandingPage, { description: 'Lowest JP first, then by name' }) people!: PersonLearningStandingPage;
}
