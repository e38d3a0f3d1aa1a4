import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { CohortAgencyQuota, CohortParticipant, Programme, ProgrammeCohort } from './programme.types.js';
import type { IdentityHolder } from '../person/index.js';

/** What one CSV row would do (or why it cannot be nominated). */
export enum NominationRowOutcome {
  OK = 'OK',
  /** Not 18 digits, or not a real NIP (DOMAIN.md). */
  INVALID_NIP = 'INVALID_NIP',
  /** The same NIP on an earlier row. */
  DUPLICATE_ROW = 'DUPLICATE_ROW',
  UNKNOWN_NIP = 'UNKNOWN_NIP',
  /** Someone of an agency the admin does not nominate for in this cohort. */
  NOT_IN_AGENCY = 'NOT_IN_AGENCY',
  /** Not an active ASN (left, or non-ASN staff). */
  NOT_A_LEARNER = 'NOT_A_LEARNER',
  /** Already in this cohort (nominated, applied or completed). */
  ALREADY_NOMINATED = 'ALREADY_NOMINATED',
  /** Currently in another run of one of the programme's courses. */
  ALREADY_IN_ANOTHER_RUN = 'ALREADY_IN_ANOTHER_RUN',
  /** Past the agency's seats left, counting the good rows above it. */
  OVER_QUOTA = 'OVER_QUOTA',
}
registerEnumType(NominationRowOutcome, { name: 'NominationRowOutcome' });

@ObjectType({ description: 'One row of a nomination CSV and what it does' })
export class NominationCsvRow {
  @Field(() => Int, { description: 'The line of the file (the header, when there is one, is line 1)' }) rowNumber!: number;
  @Field(() => String, { description: 'The NIP as written in the file (text: leading zeros kept)' }) nip!: string;
  @Field(() => String, { nullable: true, description: 'The person’s name, only for people of the admin’s own agencies' }) fullName!: string | null;
  @Field(() => NominationRowOutcome) outcome!: NominationRowOutcome;
}

@ObjectType({ description: 'The per-row report of a nomination CSV; `nominated` says whether it was written (all rows OK) or not (nothing written)' })
export class NominationCsvReport {
  @Field(() => [NominationCsvRow]) rows!: NominationCsvRow[];
  @Field(() => Int) okCount!: number;
  @Field(() => Int) badCount!: number;
  @Field(() => Boolean) nominated!: boolean;
}

@ObjectType({ description: 'A cohort as its nominations screen and roster read it, with what the viewer may do there' })
export class CohortNominations {
  @Field(() => ProgrammeCohort) cohort!: ProgrammeCohort;
  @Field(() => Programme) programme!: Programme;
  @Field(() => [CohortAgencyQuota], { description: 'Quotas of the agencies the viewer nominates for' }) viewerQuotas!: CohortAgencyQuota[];
  @Field(() => Boolean, { description: 'Nominations and applications are open (scheduled, before the nomination deadline)' }) nominationsOpen!: boolean;
  @Field(() => Boolean, { description: 'Unused seats may still be released (before the release deadline)' }) releaseOpen!: boolean;
  @Field(() => Boolean, { description: 'The viewer sees every participant (the owner’s managers, the cohort’s instructors)' }) seesAll!: boolean;
}

@ObjectType({ description: 'A self-application to a cohort waiting on the viewer’s decision' })
export class CohortApplication {
  @Field(() => ID, { description: 'The participant id (approveCohortApplication / rejectCohortApplication)' }) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) fullName!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => ID) programmeId!: string;
  @Field(() => String) programmeTitle!: string;
  @Field(() => ID) cohortId!: string;
  @Field(() => String) cohortCode!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Int, { description: 'Seats left in the learner’s agency quota' }) seatsLeft!: number;
}

export const CohortApplicationPage = PageOf(CohortApplication, 'CohortApplicationPage');
export type CohortApplicationPage = InstanceType<typeof CohortApplicationPage>;

export const CohortParticipantPage = PageOf(CohortParticipant, 'CohortParticipantPage');
export type CohortParticipantPage = InstanceType<typeof CohortParticipantPage>;

/** A participant as nomination reads carry it: the identity numbers go out only through `shownIdentity`. */
export type ParticipantNode = CohortParticipant & { identity: IdentityHolder; note: string | null };
