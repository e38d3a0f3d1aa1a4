import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { LearningYear } from './learning-hours.types.js';
import { jpByForm, jpByMonth, learningYears } from './year.service.js';
import { JpByForm, JpByMonth } from './year.types.js';

/**
 * The learner's year in detail, on the year the parent query already let the viewer see (myLearningHours,
 * personLearningHours): one statement per field asked.
 */
@Resolver(() => LearningYear)
export class LearningYearDetailResolver {
  @FieldResolver(() => [JpByForm], { description: 'JP by form of development, most first' })
  byForm(@Root() year: LearningYear, @Ctx() ctx: SignedInContext): Promise<JpByForm[]> {
    return jpByForm(ctx, year.personId, year.year);
  }

  @FieldResolver(() => [JpByMonth], { description: 'JP by month (Asia/Jakarta), January to December' })
  byMonth(@Root() year: LearningYear, @Ctx() ctx: SignedInContext): Promise<JpByMonth[]> {
    return jpByMonth(ctx, year.personId, year.year);
  }

  @FieldResolver(() => [Int], { description: 'The years with learning, and this year, newest first (the year picker)' })
  years(@Root() year: LearningYear, @Ctx() ctx: SignedInContext): Promise<number[]> {
    return learningYears(ctx, year.personId);
  }
}
