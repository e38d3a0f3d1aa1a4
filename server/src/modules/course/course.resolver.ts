import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { PageArgs } from '../../shared/graphql/pagination.js';
import { selectedFields, selects } from '../../shared/graphql/selection.js';
import { CatalogueFilter, CatalogueSort, CreateCourseInput, ManageableCoursesArgs, UpdateCourseInput } from './course.inputs.js';
import { courseVisibleAgenciesLoader } from './course.loaders.js';
import { canManageCourse } from './course.policy.js';
import { decodeSortKey, type RunsWanted } from './course.sql.js';
import * as courses from './course.service.js';
import { CatalogueOwner, CatalogueTag, Course, CourseAgency, CoursePage } from './course.types.js';

const MANAGERS = [Role.AGENCY_ADMIN, Role.PARTNER_ADMIN, Role.PLATFORM_ADMIN] as const;

/** What a course listing must compute: the selected fields of its nodes, and the total if asked for. */
const listingSelection = (info: GraphQLResolveInfo): courses.ListingSelection => ({
  fields: selectedFields(info, ['nodes']),
  totalCount: selects(info, ['totalCount']),
});

/** The first field `name` selected in `set` (through fragments), if any. */
function findField(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, name: string): FieldNode | null {
  for (const selection of set?.selections ?? []) {
    const found = selection.kind === Kind.FIELD ? (selection.name.value === name ? selection : null)
      : selection.kind === Kind.INLINE_FRAGMENT ? findField(info, selection.selectionSet, name)
        : findField(info, info.fragments[selection.name.value]?.selectionSet, name);
    if (found) return found;
  }
  return null;
}

/**
 * What the course's page asks of Course.runs, so the course's statement reads those runs too; null when it
 * does not ask, or asks with arguments the field itself must refuse (it then reports them as usual).
 */
function runsWanted(info: GraphQLResolveInfo): RunsWanted | null {
  const node = info.fieldNodes.map((n) => findField(info, n.selectionSet, 'runs')).find((n) => n) ?? null;
  const type = getNamedType(info.returnType);
  if (!node || !isObjectType(type)) return null;
  const args = getArgumentValues(type.getFields().runs, node, info.variableValues) as { first: number; after?: string | null; includeEnded: boolean };
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > 100) return null;
  try {
    decodeSortKey(args.after, 'timestamptz');
  } catch {
    return null;
  }
  const withTotal = findField(info, node.selectionSet, 'totalCount') !== null;
  return { first: args.first, after: args.after ?? null, includeEnded: args.includeEnded, withTotal };
}

const canManage = (ctx: SignedInContext, course: Course) =>
  canManageCourse(ctx.viewer, { owner_agency_id: course.ownerAgencyId, owner_partner_id: course.ownerPartnerId });

/** The catalogue every signed-in person browses, and the Course fields that depend on the viewer. */
@Resolver(() => Course)
@Authorized()
export class CourseResolver {
  @Query(() => CoursePage, { description: 'Published courses the viewer may see (ended ones only when asked), filtered, searched and sorted' })
  @Authorized()
  catalogue(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | null,
    @Arg('sort', () => CatalogueSort, { nullable: true }) sort: CatalogueSort | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SignedInContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CoursePage> {
    return courses.catalogue(ctx, filter, sort, page.first, page.after, listingSelection(info));
  }

  @Query(() => Course, { description: 'One course; NOT_FOUND when the viewer may not see it' })
  @Authorized()
  course(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext, @Info() info: GraphQLResolveInfo): Promise<Course> {
    return courses.course(ctx, id, runsWanted(info));
  }

  @Query(() => [CatalogueOwner], { description: 'Agencies and partners owning courses the viewer may see (top 100)' })
  @Authorized()
  catalogueOwners(@Ctx() ctx: SignedInContext): Promise<CatalogueOwner[]> {
    return courses.catalogueOwners(ctx);
  }

  @Query(() => [CatalogueTag], { description: 'Competency tags of courses the viewer may see, most used first (top 50)' })
  @Authorized()
  competencyTags(@Ctx() ctx: SignedInContext): Promise<CatalogueTag[]> {
    return courses.competencyTags(ctx);
  }

  @FieldResolver(() => [CourseAgency], { description: 'Agencies the course is shared with; empty unless the viewer manages it' })
  async visibleToAgencies(@Root() course: Course, @Ctx() ctx: SignedInContext): Promise<CourseAgency[]> {
    if (!canManage(ctx, course)) return [];
    return ctx.loaders.get(courseVisibleAgenciesLoader).load(course.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit, publish and archive this course' })
  canManage(@Root() course: Course, @Ctx() ctx: SignedInContext): boolean {
    return canManage(ctx, course);
  }
}

/** Course administration for agency, partner and platform admins; ownership is checked in the service. */
@Resolver()
@Authorized()
export class CourseAdminResolver {
  @Query(() => CoursePage, { description: 'Courses the viewer manages, drafts and archived included' })
  @Authorized(...MANAGERS)
  manageableCourses(
    @Args(() => ManageableCoursesArgs) args: ManageableCoursesArgs,
    @Ctx() ctx: SignedInContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CoursePage> {
    return courses.manageableCourses(ctx, args, listingSelection(info));
  }

  @Mutation(() => Course, { description: 'Creates a draft course; add its runs with createCourseRun' })
  @Authorized(...MANAGERS)
  createCourse(@Arg('input', () => CreateCourseInput) input: CreateCourseInput, @Ctx() ctx: SignedInContext): Promise<Course> {
    return courses.createCourse(ctx, input);
  }

  @Mutation(() => Course, { description: 'Changes the fields given (what is learned; runs change through updateCourseRun)' })
  @Authorized(...MANAGERS)
  updateCourse(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCourseInput) input: UpdateCourseInput,
    @Ctx() ctx: SignedInContext,
  ): Promise<Course> {
    return courses.updateCourse(ctx, id, input);
  }

  @Mutation(() => Course, { description: 'Puts a draft course in the catalogue' })
  @Authorized(...MANAGERS)
  publishCourse(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Course> {
    return courses.publishCourse(ctx, id);
  }

  @Mutation(() => Course, { description: 'Takes a course out of the catalogue; enrolments are kept' })
  @Authorized(...MANAGERS)
  archiveCourse(@Arg('id', () => ID) id: string, @Ctx() ctx: SignedInContext): Promise<Course> {
    return courses.archiveCourse(ctx, id);
  }
}
