import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageOf } from '../../shared/graphql/pagination.js';
import { CourseOwner } from '../course/index.js';

/*
 * The library area's GraphQL shapes: a programme's evidence (computed from its ended cohorts, never typed in), the
 * programmes it was adopted from, and who adopted it.
 */

@ObjectType({ description: 'The evidence of one ended cohort (an angkatan that ran and was not cancelled)' })
export class EvidenceCohort {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Int, { description: 'NOMINATED or COMPLETED when it ended' }) participants!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Float, { nullable: true, description: 'completed / participants, 0–1' }) completionRate!: number | null;
  @Field(() => Int) agencies!: number;
  @Field(() => Float, { nullable: true }) averageRating!: number | null;
  @Field(() => Int) ratings!: number;
  @Field(() => Float, { description: 'JP of the standing ledger lines of its participants’ item enrolments' }) jpDelivered!: number;
  @Field(() => Float, { description: 'Rupiah per participant' }) costPerParticipant!: number;
}

@ObjectType({ description: 'How one figure of the evidence was computed, in the viewer’s language' })
export class EvidenceExplanation {
  @Field(() => String, { description: 'The figure: cohortsRun, participants, agencies, completionRate, averageRating, jpDelivered, costPerParticipant, costPerJp, competencyGaps' })
  figure!: string;
  @Field(() => String) sentence!: string;
}

@ObjectType({ description: 'What a programme achieved, computed from its ended, not cancelled cohorts (never typed in)' })
export class ProgrammeEvidence {
  @Field(() => Int) cohortsRun!: number;
  @Field(() => Int) participants!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Int, { description: 'Distinct agencies of the participants' }) agencies!: number;
  @Field(() => Float, { nullable: true, description: 'completed / participants, 0–1; null without participants' }) completionRate!: number | null;
  @Field(() => Float, { nullable: true }) averageRating!: number | null;
  @Field(() => Int) ratings!: number;
  @Field(() => Float) jpDelivered!: number;
  @Field(() => Float, { description: 'Rupiah: Σ cohort cost per participant × its participants' }) totalCost!: number;
  @Field(() => Float, { nullable: true, description: 'Rupiah: total cost / participants' }) costPerParticipant!: number | null;
  @Field(() => Float, { nullable: true, description: 'Rupiah: total cost / JP delivered' }) costPerJp!: number | null;
  @Field(() => String, { nullable: true, description: 'Competency gaps addressed: not computed until competencies arrive (null)' })
  competencyGaps!: string | null;
  @Field(() => [EvidenceCohort], { description: 'The cohorts it was computed over, oldest first' }) cohorts!: EvidenceCohort[];
  @Field(() => [EvidenceExplanation], { description: 'A sentence per figure saying how it was computed' }) explanations!: EvidenceExplanation[];
}

@ObjectType({ description: 'A programme credited as another’s source: what any viewer of the copy may read of it' })
export class ProgrammeCredit {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => CourseOwner) owner!: CourseOwner;
  @Field(() => Boolean, { description: 'In the shared library now' }) shared!: boolean;
}

@ObjectType({ description: 'An agency’s copy of a programme (adopted from it)' })
export class ProgrammeAdoption {
  @Field(() => ID, { description: 'The copy' }) programmeId!: string;
  @Field(() => String) title!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => Date) adoptedAt!: Date;
  @Field(() => Boolean, { description: 'The adopter shares its copy (its evidence is then shown to the original’s managers)' }) shared!: boolean;

  /** Whether the viewer may read the copy's evidence (the original's managers, where the copy is shared). */
  evidenceVisible!: boolean;
}

export const ProgrammeAdoptionPage = PageOf(ProgrammeAdoption, 'ProgrammeAdoptionPage');
export type ProgrammeAdoptionPage = InstanceType<typeof ProgrammeAdoptionPage>;

export enum LibrarySort {
  COMPLETION_RATE = 'COMPLETION_RATE',
  RATING = 'RATING',
  ADOPTIONS = 'ADOPTIONS',
  RECENT = 'RECENT',
}
registerEnumType(LibrarySort, { name: 'LibrarySort', description: 'Order of the shared-programme library (best first; RECENT: latest shared first)' });
