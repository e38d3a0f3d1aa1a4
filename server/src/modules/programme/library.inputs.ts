import { IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { CourseOwnerKind, DevelopmentForm } from '../course/index.js';
import { LibrarySort } from './library.types.js';

@InputType({ description: 'Filters of the shared-programme library; all given must hold' })
export class LibraryFilter {
  @Field(() => String, { nullable: true, description: 'Words of the title or description (typos forgiven on the title)' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => DevelopmentForm, { nullable: true, description: 'Has an item (course or workshop) of this form' })
  @IsOptional()
  @IsEnum(DevelopmentForm)
  form?: DevelopmentForm | null;

  @Field(() => String, { nullable: true, description: 'Develops this competency (one of its tags)' })
  @IsOptional()
  @MaxLength(100)
  competency?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this partner, or taught by its staff in a cohort' })
  @IsOptional()
  @IsUUID('all')
  partnerId?: string | null;

  @Field(() => CourseOwnerKind, { nullable: true })
  @IsOptional()
  @IsEnum(CourseOwnerKind)
  ownerKind?: CourseOwnerKind | null;

  @Field(() => Int, { nullable: true, description: 'Completion rate at least this many percent (0–100)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minCompletionPercent?: number | null;

  @Field(() => Int, { nullable: true, description: 'At least this many participants in ended cohorts' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  minParticipants?: number | null;

  @Field(() => Float, { nullable: true, description: 'Average rating at least this (1–5)' })
  @IsOptional()
  @Min(1)
  @Max(5)
  minAverageRating?: number | null;
}

@ArgsType()
export class SharedProgrammesArgs extends PageArgs {
  @Field(() => LibraryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: LibraryFilter | null;

  @Field(() => LibrarySort, { defaultValue: LibrarySort.COMPLETION_RATE })
  @IsEnum(LibrarySort)
  sort: LibrarySort = LibrarySort.COMPLETION_RATE;
}
