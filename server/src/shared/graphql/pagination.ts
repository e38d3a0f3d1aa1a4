import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

/** `first` and `after` for any list; lists never return more than 100 items at once. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/**
 * The total is a number, or a function that counts when the client selects `totalCount` (counting
 * every matching row is often the dearest part of a page, and many screens never show it).
 */
export type TotalCount = number | (() => Promise<number>);

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: TotalCount;
}

/** A connection type for a node type: `{ nodes, pageInfo, totalCount }`. Name it e.g. "CoursePage". */
export function PageOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(name)
  class PageClass {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // `simple`: GraphQL's default resolver, which calls a function value (a lazy count).
    @Field(() => Int, { description: 'All items matching the filters, across pages', simple: true })
    totalCount!: TotalCount;
  }
  return PageClass;
}

// Keyset cursors: one codec for every list (cursor.ts, `keysetCursor`).
export { nameIdCursor } from './cursor.js';

/**
 * Fetch `first + 1` rows, then call this: trims the extra row and builds pageInfo. `cursorOf` gives the
 * last row's cursor (`codec.encode([...])`).
 */
export function toPage<R, T>(rows: R[], first: number, totalCount: TotalCount, map: (row: R) => T, cursorOf: (row: R) => string): Page<T> {
  const hasNextPage = rows.length > first;
  const pageRows = hasNextPage ? rows.slice(0, first) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    nodes: pageRows.map(map),
    pageInfo: { endCursor: last ? cursorOf(last) : null, hasNextPage },
    totalCount,
  };
}
